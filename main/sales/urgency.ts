import { daysUntil } from '../../shared/dates';
import type { PriorityCategory } from '../../shared/domain';
import type { SalesInput, Urgency } from '../../shared/sales-summary';

export { daysUntil };

/**
 * The P category is the sales team's ranking, so it sets the urgency: P1/P2 (the top buckets) are urgent, P3
 * (Microsoft customer with a weak partner) is worth a call soon, renewal, nurture and no-go leads are not urgent.
 */
const BY_CATEGORY: Record<PriorityCategory, Urgency> = {
  P1: 'high',
  P2: 'high',
  P3: 'medium',
  P4: 'low',
  P5: 'low',
  P6: 'low',
};

/** categories a rep pursues by phone or e-mail; an expiring domain makes them more urgent (not nurture/no-go) */
export const PURSUED_CATEGORIES: ReadonlySet<PriorityCategory> = new Set(['P1', 'P2', 'P3', 'P4']);

/** No category (no verdict yet) is never urgent; an expiring domain raises a pursued lead's urgency. */
export function calculateUrgency(input: Pick<SalesInput, 'priority_category' | 'expires_at'>, now: Date): Urgency {
  const category = input.priority_category;
  if (category === null) return 'low';
  const urgency = BY_CATEGORY[category];
  const days = daysUntil(input.expires_at, now);
  if (!PURSUED_CATEGORIES.has(category) || days === null) return urgency;
  if (days < 60) return 'high';
  return days < 90 && urgency === 'low' ? 'medium' : urgency;
}
