import { describe, expect, it } from 'vitest';
import { resourcesDir } from '../../main/config/load';
import { MX_UNANSWERED_ERROR } from '../../main/engine/scan';
import { scanFailure } from '../../main/engine/run-scans';
import {
  failureCause,
  failuresByCause,
  jobHealth,
  loadScanProgressRules,
  ScanProgressRulesSchema,
  ScanRate,
} from '../../main/services/scan-progress';
import type { ScanProgressRules } from '../../main/services/scan-progress';

const RULES: ScanProgressRules = {
  health: { min_done: 5, warn_failed_share: 0.1, bad_failed_share: 0.5, bad_failed_streak: 20 },
  eta: { min_done: 5, min_elapsed_ms: 3000, rate_window_ms: 10_000 },
};

describe('scan job health', () => {
  const health = (done: number, failed: number, failStreak = 0) =>
    jobHealth(RULES.health, { done, failed, failStreak });

  it('stays ok with no failures or under the warning share', () => {
    expect(health(100, 0)).toBe('ok');
    expect(health(100, 9)).toBe('ok');
  });

  it('turns amber at the warning share and red at the bad share', () => {
    expect(health(100, 10)).toBe('warn');
    expect(health(100, 49)).toBe('warn');
    expect(health(100, 50)).toBe('bad');
    expect(health(40, 40)).toBe('bad');
  });

  it('says nothing before enough domains are done, unless the latest ones all failed', () => {
    expect(health(4, 4)).toBe('ok');
    expect(health(200, 25, 20)).toBe('bad');
    expect(health(200, 25, 19)).toBe('warn');
  });
});

describe('failure causes', () => {
  it('names the cause of each recorded scan error', () => {
    expect(failureCause(MX_UNANSWERED_ERROR)).toBe('dns_no_answer');
    expect(failureCause(scanFailure('a.com', 'worker exited').error)).toBe('scan_error');
    expect(failureCause('something else')).toBe('other');
    expect(failureCause(null)).toBe('other');
  });

  it('adds the errors of one cause together, most frequent first', () => {
    expect(
      failuresByCause([
        { error: 'Scan failed: a', count: 2 },
        { error: MX_UNANSWERED_ERROR, count: 5 },
        { error: 'Scan failed: b', count: 1 },
        { error: null, count: 1 },
      ]),
    ).toEqual([
      { cause: 'dns_no_answer', count: 5 },
      { cause: 'scan_error', count: 3 },
      { cause: 'other', count: 1 },
    ]);
  });
});

describe('scan rate and ETA', () => {
  function meter(startDone = 0) {
    let now = 1_000_000;
    const rate = new ScanRate(RULES.eta, () => now);
    rate.reset(startDone);
    return {
      rate,
      at(ms: number, done: number) {
        now = 1_000_000 + ms;
        rate.sample(done);
      },
    };
  }

  it('gives no ETA from one or two results, however fast they came', () => {
    const { rate, at } = meter();
    at(50, 1);
    expect(rate.etaMs(1, 999)).toBeNull();
    at(100, 2);
    expect(rate.etaMs(2, 998)).toBeNull();
  });

  it('waits for both enough domains and enough time', () => {
    const { rate, at } = meter();
    at(1000, 10);
    expect(rate.etaMs(10, 90)).toBeNull(); // 10 done but only 1 s in
    at(4000, 40);
    expect(rate.etaMs(40, 60)).toBe(6000); // 10/s
  });

  it('counts only this run: domains done before a resume are no data', () => {
    const { rate, at } = meter(500);
    at(3500, 503);
    expect(rate.etaMs(503, 497)).toBeNull();
  });

  it('follows the recent rate, not the average since the start', () => {
    const { rate, at } = meter();
    at(10_000, 1000); // 100/s at first
    at(20_000, 1100); // then 10/s over the last window
    at(30_000, 1200);
    expect(rate.perSecond(1200)).toBeCloseTo(10, 0);
    expect(rate.etaMs(1200, 100)).toBeCloseTo(10_000, -3);
  });
});

describe('resources/scan-progress.json', () => {
  it('ships valid thresholds', () => {
    const rules = loadScanProgressRules(resourcesDir());
    expect(rules.health.warn_failed_share).toBeLessThan(rules.health.bad_failed_share);
  });

  it('rejects a warning share at or above the bad share', () => {
    const bad = { ...RULES, health: { ...RULES.health, warn_failed_share: 0.5 } };
    expect(ScanProgressRulesSchema.safeParse(bad).success).toBe(false);
    expect(ScanProgressRulesSchema.safeParse(RULES).success).toBe(true);
  });
});
