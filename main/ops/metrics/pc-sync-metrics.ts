import type { ReferralSyncStatus } from '../../../shared/referrals';
import type { HealthCheck, HealthCheckOutcome } from '../health/health';
import type { Metrics } from './metrics';

/**
 * Partner Center sync runs as metrics, read off the sync's status changes: a run is each `running` that ends in
 * idle (success, with the run's own duration) or in error / signed_out (failed).
 */
export function pcSyncMetrics(metrics: Metrics, now: () => number = Date.now): (status: ReferralSyncStatus) => void {
  let startedAt: number | null = null;
  return (status) => {
    if (status.state === 'running') {
      startedAt ??= now();
      return;
    }
    if (startedAt === null) return;
    const elapsed = now() - startedAt;
    startedAt = null;
    if (status.state === 'idle')
      metrics.record('pc.sync', status.last_result?.duration_ms ?? elapsed, { outcome: 'success' });
    else if (status.state === 'error' || status.state === 'signed_out')
      metrics.record('pc.sync', elapsed, { outcome: 'failed' });
  };
}

/** Partner Center in the health report while its flag is on: signed out or a failing sync is degraded. */
export function pcSyncHealth(status: () => ReferralSyncStatus, enabled: () => boolean): HealthCheck {
  return (): HealthCheckOutcome => {
    const s = status();
    if (!enabled()) return { status: 'ok', reason: null, details: { state: 'disabled' } };
    const degraded = s.state === 'signed_out' ? 'signed_out' : s.state === 'error' ? 'sync_failing' : null;
    return {
      status: degraded ? 'degraded' : 'ok',
      reason: degraded,
      details: { state: s.state, last_success_at: s.last_success_at },
    };
  };
}
