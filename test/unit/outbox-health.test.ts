import { describe, expect, it } from 'vitest';
import { outboxHealth } from '../../main/ops/health/outbox-health';

const NOW = new Date('2026-11-30T12:00:00Z');
const item = (state: string, minutesAgo: number, last_error: string | null = null) => ({
  state,
  created_at: new Date(NOW.getTime() - minutesAgo * 60_000).toISOString(),
  last_error,
});

describe('Dynamics 365 health from the outbox', () => {
  it('is fine while the feature is off, whatever waits', async () => {
    const check = outboxHealth(
      () => [item('failed', 5)],
      () => false,
      () => NOW,
    );
    expect(await check()).toMatchObject({ status: 'ok', details: { state: 'disabled' } });
  });

  it('is fine with a fresh queue, degraded by a push stopped for good or one waiting over an hour', async () => {
    expect(
      await outboxHealth(
        () => [item('queued', 5)],
        () => true,
        () => NOW,
      )(),
    ).toMatchObject({ status: 'ok' });
    expect(
      await outboxHealth(
        () => [item('queued', 5), item('failed', 3, '400 hnt_finalscore')],
        () => true,
        () => NOW,
      )(),
    ).toMatchObject({ status: 'degraded', reason: 'pushes_failed', details: { failed: 1, queued: 1 } });
    expect(
      await outboxHealth(
        () => [item('queued', 61, 'unreachable')],
        () => true,
        () => NOW,
      )(),
    ).toMatchObject({
      status: 'degraded',
      reason: 'outbox_stuck',
      details: { last_error: 'unreachable' },
    });
  });
});
