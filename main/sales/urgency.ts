import { daysUntil } from '../../shared/dates';
import type { SalesInput, Urgency } from '../../shared/sales-summary';

export { daysUntil };

/** First hit wins: best priority, a strong Migration, or a domain expiring soon make it urgent. */
export function calculateUrgency(
  input: Pick<SalesInput, 'segment' | 'priority_score' | 'readiness_score' | 'expires_at'>,
  now: Date,
): Urgency {
  const { segment, priority_score: priority } = input;
  const score = input.readiness_score ?? 0;
  const days = daysUntil(input.expires_at, now);
  if (priority === 1 || (segment === 'Migration' && score >= 80) || (days !== null && days < 60)) return 'high';
  if (priority === 2 || (segment === 'Migration' && score >= 50) || (segment === 'Existing' && score >= 70))
    return 'medium';
  if (days !== null && days < 90) return 'medium';
  return 'low';
}
