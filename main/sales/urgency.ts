import type { SalesInput, Urgency } from '../../shared/sales-summary';

const DAY_MS = 86_400_000;

/** whole days from now's local calendar date to expires_at (negative when already expired); null if unknown */
export function daysUntil(expiresAt: string | null, now: Date): number | null {
  const m = expiresAt ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(expiresAt) : null;
  if (!m) return null;
  const expiry = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  const today = Date.UTC(now.getFullYear(), now.getMonth(), now.getDate());
  return Math.round((expiry - today) / DAY_MS);
}

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
