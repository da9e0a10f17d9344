import { describe, expect, it } from 'vitest';
import type { ReferralSyncStatus } from '../../shared/referrals';
import type { MetricLabels, MetricName } from '../../shared/ops';
import { pcSyncHealth, pcSyncMetrics } from '../../main/ops/metrics/pc-sync-metrics';

const status = (state: ReferralSyncStatus['state'], duration_ms?: number): ReferralSyncStatus => ({
  state,
  last_success_at: null,
  last_error: null,
  last_result:
    duration_ms === undefined
      ? null
      : { fetched: 1, inserted: 1, updated: 0, unchanged: 0, leads_created: 0, linked: 0, unlinked: 0, duration_ms },
  next_run_at: null,
});

describe('Partner Center sync metrics', () => {
  it('record one run per running→idle (its duration) or running→error/signed_out (failed), nothing else', () => {
    const recorded: [MetricName, number | undefined, MetricLabels | undefined][] = [];
    let clock = 1000;
    const observe = pcSyncMetrics({ record: (n, v, l) => recorded.push([n, v, l]), flush() {} }, () => clock);
    observe(status('idle'));
    observe(status('running'));
    clock = 1400;
    observe(status('idle', 350));
    observe(status('running'));
    clock = 2000;
    observe(status('error'));
    observe(status('running'));
    observe(status('signed_out'));
    observe(status('disabled'));
    expect(recorded).toEqual([
      ['pc.sync', 350, { outcome: 'success' }],
      ['pc.sync', 600, { outcome: 'failed' }],
      ['pc.sync', 0, { outcome: 'failed' }],
    ]);
  });

  it('put Partner Center in the health report only as degraded when signed out or failing while on', () => {
    let current = status('signed_out');
    let on = false;
    const check = pcSyncHealth(
      () => current,
      () => on,
    );
    expect(check()).toMatchObject({ status: 'ok', details: { state: 'disabled' } });
    on = true;
    expect(check()).toMatchObject({ status: 'degraded', reason: 'signed_out' });
    current = status('error');
    expect(check()).toMatchObject({ status: 'degraded', reason: 'sync_failing' });
    current = status('idle');
    expect(check()).toMatchObject({ status: 'ok', reason: null });
  });
});
