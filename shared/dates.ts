const DAY_MS = 86_400_000;

/**
 * Whole days from `now`'s calendar date, as the user's clock shows it, to a `YYYY-MM-DD` date (negative once it
 * has passed); null when unknown or unreadable. Scoring, urgency and the grid all count expiry this one way, so a
 * domain is never "expiring soon" on one screen and not on another.
 */
export function daysUntil(isoDate: string | null | undefined, now: Date): number | null {
  const m = isoDate ? /^(\d{4})-(\d{2})-(\d{2})/.exec(isoDate) : null;
  if (!m) return null;
  const date = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  const today = Date.UTC(now.getFullYear(), now.getMonth(), now.getDate());
  return Math.round((date - today) / DAY_MS);
}
