// Call script (2-5 bullets) and discovery questions (5-9), by segment. The opener names the rep's company from
// settings ("{company} adına arıyorum" needs no Turkish case suffix on the name).
import type { OfferTierName, SalesInput } from '../../shared/sales-summary';
import { providerLabel } from './narrative';
import { issueTexts, riskLevel } from './security';
import type { SecuritySignals } from './security';
import type { LeadState } from './state';
import { fill, joinList } from './text';
import type { SalesTemplates } from './templates';

export interface CallScriptContext {
  state: LeadState;
  company: string;
  tier: OfferTierName;
  signals: SecuritySignals;
}

export function callScript(input: SalesInput, ctx: CallScriptContext, t: SalesTemplates): string[] {
  const c = t.call_script;
  const vars = { company: ctx.company, domain: input.domain };
  const generic = [fill(c.generic_opener, vars), c.generic_cta];
  if (ctx.state === 'unscanned') return [c.unscanned, ...generic];
  if (ctx.state === 'no_verdict') return [c.rescan, ...generic];

  const issues = issueTexts(ctx.signals, t);
  const issueVars = { issues: joinList(t, issues) };
  switch (input.segment) {
    case 'Cold':
      return [
        fill(c.cold_opener, vars),
        riskLevel(ctx.signals) === 'high' ? fill(c.cold_risk, issueVars) : c.cold_generic,
        c.cold_cta,
      ];
    case 'Migration': {
      const current = input.local_provider ?? providerLabel(input.provider, t);
      return [
        fill(c.migration_opener, { ...vars, current }),
        ...(issues.length ? [fill(c.migration_issues, issueVars)] : []),
        c.value[ctx.tier],
        (input.readiness_score ?? 0) >= 70 ? c.migration_cta_offer : c.migration_cta,
      ];
    }
    case 'Existing':
      return [
        fill(c.existing_opener, vars),
        ...(issues.length ? [fill(c.existing_issues, issueVars)] : []),
        c.existing_value,
        c.existing_cta,
      ];
    default:
      return generic;
  }
}

export function discoveryQuestions(input: SalesInput, state: LeadState, t: SalesTemplates): string[] {
  const q = t.questions;
  const segment = state === 'scored' ? input.segment : null;
  const bySegment =
    segment === 'Migration'
      ? [...q.migration, ...(input.provider === 'Local' ? q.migration_local : [])]
      : segment === 'Existing'
        ? q.existing
        : q.generic;
  const bySize = input.tenant_size ? q[input.tenant_size] : [];
  return [...bySegment, ...bySize, ...q.closing];
}
