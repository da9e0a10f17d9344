// The next step is a total function of (state, segment, potential, urgency): every lead lands in exactly one
// row below. The previous Hunter let potential >= 80 with low urgency fall into "potential unknown" branches.
import type { Segment } from '../../shared/domain';
import type { NextStep, Urgency } from '../../shared/sales-summary';
import type { LeadState } from './state';
import { fill } from './text';
import type { SalesTemplates } from './templates';

export interface NextStepInput {
  state: LeadState;
  segment: Segment | null;
  potential: number;
  urgency: Urgency;
}

type Decision = Pick<NextStep, 'action' | 'timeline' | 'priority'> & {
  text: { message: string; internal_note: string };
};

/**
 * not scanned / no verdict            wait   24_saat  medium  (scan first)
 * Skip or potential < 20              wait   1_ay     low
 * potential >= 80, Migration/Existing call   24_saat  high    urgency high/medium
 *                                     call   3_gün    high    urgency low
 * potential >= 50 (any other)         call   3_gün    medium
 * potential < 50                      email  1_hafta  low     Cold: nurture, others: e-mail first
 */
function decide({ state, segment, potential, urgency }: NextStepInput, t: SalesTemplates): Decision {
  const n = t.next_step;
  if (state === 'unscanned') return { action: 'wait', timeline: '24_saat', priority: 'medium', text: n.scan };
  if (state === 'no_verdict' || segment === null)
    return { action: 'wait', timeline: '24_saat', priority: 'medium', text: n.rescan };
  if (segment === 'Skip' || potential < 20) return { action: 'wait', timeline: '1_ay', priority: 'low', text: n.wait };
  if (potential >= 80 && (segment === 'Migration' || segment === 'Existing')) {
    return urgency === 'low'
      ? { action: 'call', timeline: '3_gün', priority: 'high', text: n.call_planned[segment] }
      : { action: 'call', timeline: '24_saat', priority: 'high', text: n.call_now[segment] };
  }
  if (potential >= 50) return { action: 'call', timeline: '3_gün', priority: 'medium', text: n.call_soon[segment] };
  return {
    action: 'email',
    timeline: '1_hafta',
    priority: 'low',
    text: segment === 'Cold' ? n.email.Cold : n.email.other,
  };
}

export function buildNextStep(input: NextStepInput, t: SalesTemplates): NextStep {
  const { text, ...step } = decide(input, t);
  const vars = { potential: input.potential };
  return { ...step, message: fill(text.message, vars), internal_note: fill(text.internal_note, vars) };
}
