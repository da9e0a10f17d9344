import type { HealthCheck, HealthCheckOutcome } from './health';

/** a push waiting longer than this means Dynamics 365 has not taken anything for a while */
const STUCK_AFTER_MS = 60 * 60 * 1000;

/**
 * The Dynamics 365 connection as the outbox sees it, without a network call of its own: pushes that stopped for
 * good (a 400/403/404 the rep must look at) or a queue that has not moved for an hour make it degraded.
 */
export function outboxHealth(
  unsent: () => { state: string; created_at: string; last_error: string | null }[],
  enabled: () => boolean,
  now: () => Date = () => new Date(),
): HealthCheck {
  return (): HealthCheckOutcome => {
    if (!enabled()) return { status: 'ok', reason: null, details: { state: 'disabled' } };
    const items = unsent();
    const failed = items.filter((i) => i.state === 'failed');
    const stuck = items.filter(
      (i) => i.state !== 'failed' && now().getTime() - Date.parse(i.created_at) > STUCK_AFTER_MS,
    );
    const reason = failed.length > 0 ? 'pushes_failed' : stuck.length > 0 ? 'outbox_stuck' : null;
    return {
      status: reason ? 'degraded' : 'ok',
      reason,
      details: {
        queued: items.length - failed.length,
        failed: failed.length,
        last_error: (failed[0] ?? stuck[0])?.last_error ?? null,
      },
    };
  };
}
