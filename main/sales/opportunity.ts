// Opportunity potential 0-100 = tuning x (segment + readiness + priority + tenant + contact quality), with the
// previous Hunter's weights. Unlike it, a real readiness score of 0 contributes 0; only a missing score gets the
// neutral default.
import type { Segment, TenantSize } from '../../shared/domain';
import type { OpportunityFactor, OpportunityRationale, SalesInput } from '../../shared/sales-summary';
import { fill } from './text';
import type { SalesTemplates } from './templates';

const SEGMENT_POINTS: Record<Segment, number> = { Migration: 40, Existing: 30, Cold: 15, Skip: 5 };
const UNKNOWN_SEGMENT_POINTS = 5;
/** index = legacy priority - 1 */
const PRIORITY_POINTS = [20, 18, 15, 12, 8, 5, 2] as const;
const UNKNOWN_PRIORITY_POINTS = 5;
const UNKNOWN_READINESS_POINTS = 10;
const TENANT_POINTS: Record<TenantSize, number> = { large: 10, medium: 7, small: 5 };
const UNKNOWN_TENANT_POINTS = 3;

type OpportunityInput = Pick<
  SalesInput,
  'segment' | 'readiness_score' | 'priority_score' | 'tenant_size' | 'contact_quality_score'
>;

function readinessFactor(score: number | null, t: SalesTemplates): OpportunityFactor {
  const c = t.potential.readiness;
  if (score === null)
    return { name: 'readiness_score', weight: 0.3, raw: null, score: UNKNOWN_READINESS_POINTS, comment: c.unknown };
  const comment = score >= 70 ? c.high : score >= 40 ? c.medium : c.low;
  // integer arithmetic: score * 0.3 in floating point puts e.g. 70 at 20.999…
  return { name: 'readiness_score', weight: 0.3, raw: score, score: Math.floor((score * 3) / 10), comment };
}

function priorityFactor(priority: number | null, t: SalesTemplates): OpportunityFactor {
  const c = t.potential.priority;
  const known = priority !== null && Number.isInteger(priority) && priority >= 1 && priority <= 7;
  if (!known)
    return { name: 'priority_score', weight: 0.2, raw: priority, score: UNKNOWN_PRIORITY_POINTS, comment: c.unknown };
  const comment = priority <= 2 ? c.top : priority <= 4 ? c.mid : c.low;
  return { name: 'priority_score', weight: 0.2, raw: priority, score: PRIORITY_POINTS[priority - 1], comment };
}

function contactFactor(quality: number | null, t: SalesTemplates): OpportunityFactor | null {
  if (quality === null || quality <= 0) return null;
  const q = Math.min(100, quality);
  const comment = q >= 60 ? t.potential.contact.good : t.potential.contact.weak;
  return { name: 'contact_quality', weight: 0.05, raw: quality, score: Math.floor(q / 20), comment };
}

export function buildOpportunity(input: OpportunityInput, t: SalesTemplates, tuningFactor = 1): OpportunityRationale {
  const { segment, tenant_size } = input;
  const factors: OpportunityFactor[] = [
    {
      name: 'segment',
      weight: 0.4,
      raw: segment ?? 'Unknown',
      score: segment ? SEGMENT_POINTS[segment] : UNKNOWN_SEGMENT_POINTS,
      comment: t.potential.segment[segment ?? 'unknown'],
    },
    readinessFactor(input.readiness_score, t),
    priorityFactor(input.priority_score, t),
    {
      name: 'tenant_size',
      weight: 0.1,
      raw: tenant_size ?? 'Unknown',
      score: tenant_size ? TENANT_POINTS[tenant_size] : UNKNOWN_TENANT_POINTS,
      comment: t.potential.tenant[tenant_size ?? 'unknown'],
    },
  ];
  const contact = contactFactor(input.contact_quality_score, t);
  if (contact) factors.push(contact);

  const sum = factors.reduce((acc, f) => acc + f.score, 0);
  const total = Math.min(100, Math.max(0, Math.floor(tuningFactor * sum)));
  return {
    total,
    factors,
    tuning_factor: tuningFactor,
    summary: fill(t.potential.summary[segment ?? 'unknown'], { total }),
  };
}
