// The next step is a total function of (state, P category, urgency): every lead lands in exactly one row below, and
// the P category the grid shows and sorts by is what decides it, so badge, urgency and next step tell one story.
import type { PriorityCategory } from '../../shared/domain';
import type { NextStep, Urgency } from '../../shared/sales-summary';
import type { LeadState } from './state';
import { fill } from './text';
import type { SalesTemplates } from './templates';
import { PURSUED_CATEGORIES } from './urgency';

export interface NextStepInput {
  state: LeadState;
  category: PriorityCategory | null;
  urgency: Urgency;
  /** opportunity potential 0-100, quoted in the notes */
  potential: number;
}

type Plan = Pick<NextStep, 'action' | 'timeline' | 'priority'>;

/**
 * P1 High Potential Greenfield   call   24_saat  high
 * P2 Competitive Takeover        call   24_saat  high
 * P3 Existing, weak partner      call   3_gün    medium
 * P4 Renewal pressure            email  1_hafta  medium  (soft nurturing)
 * P5 Low intent                  email  1_hafta  low     (monthly nurture)
 * P6 No-go                       wait   1_ay     low
 */
const PLAYBOOK: Record<PriorityCategory, Plan> = {
  P1: { action: 'call', timeline: '24_saat', priority: 'high' },
  P2: { action: 'call', timeline: '24_saat', priority: 'high' },
  P3: { action: 'call', timeline: '3_gün', priority: 'medium' },
  P4: { action: 'email', timeline: '1_hafta', priority: 'medium' },
  P5: { action: 'email', timeline: '1_hafta', priority: 'low' },
  P6: { action: 'wait', timeline: '1_ay', priority: 'low' },
};

const CALL_NOW: Plan = { action: 'call', timeline: '24_saat', priority: 'high' };
const FIX_DATA_FIRST: Plan = { action: 'wait', timeline: '24_saat', priority: 'medium' };

function decide(
  { state, category, urgency }: NextStepInput,
  t: SalesTemplates,
): Plan & { text: { message: string; internal_note: string } } {
  const n = t.next_step;
  if (state === 'unscanned') return { ...FIX_DATA_FIRST, text: n.scan };
  if (state === 'not_found') return { ...FIX_DATA_FIRST, text: n.check_domain };
  if (state === 'no_verdict' || category === null) return { ...FIX_DATA_FIRST, text: n.rescan };
  // only an expiring domain makes a pursued lead below P2 urgent (see calculateUrgency)
  if (urgency === 'high' && PLAYBOOK[category].priority !== 'high' && PURSUED_CATEGORIES.has(category))
    return { ...CALL_NOW, text: n.expiring };
  return { ...PLAYBOOK[category], text: n.by_category[category] };
}

export function buildNextStep(input: NextStepInput, t: SalesTemplates): NextStep {
  const { text, ...step } = decide(input, t);
  const vars = { potential: input.potential };
  return { ...step, message: fill(text.message, vars), internal_note: fill(text.internal_note, vars) };
}
