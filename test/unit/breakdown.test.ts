import { describe, expect, it } from 'vitest';
import { DMARC_POLICIES, type DmarcPolicy } from '../../shared/domain';
import { loadConfig } from '../../main/config/load';
import { scoreLead } from '../../main/engine/scoring/score';
import { RESOURCES } from './config-temp-copy';

const config = loadConfig(RESOURCES);
const providers = config.providers.providers.map((p) => p.name);
const tri = [true, false, null] as const;
const policies: (DmarcPolicy | null)[] = [null, ...DMARC_POLICIES];

const cases = providers.flatMap((provider) =>
  tri.flatMap((spf) =>
    tri.flatMap((dkim) =>
      policies.flatMap((dmarc_policy) =>
        [3, 5].map((spf_include_count) => ({ provider, spf, dkim, dmarc_policy, spf_include_count })),
      ),
    ),
  ),
);

describe('score breakdown', () => {
  it('explains a verdict item by item', () => {
    const verdict = scoreLead(
      {
        provider: 'Hosting',
        mx_records: ['mx.hostgator.com'],
        spf: false,
        dkim: false,
        dmarc_policy: 'none',
        dmarc_pct: 100,
        spf_lookup_count: null,
        spf_include_count: null,
        spf_multiple_records: false,
        expires_in_days: null,
      },
      config.rules,
    );
    expect(verdict.breakdown).toEqual({
      base: 0,
      items: [
        { rule: 'Hosting', points: 20, reason: 'Mail handled by a generic hosting provider' },
        { rule: 'dmarc_none', points: 0, reason: 'DMARC policy none (monitoring only)' },
        { rule: 'no_spf', points: -10, reason: 'No SPF record' },
        { rule: 'no_dkim', points: -10, reason: 'No DKIM key found on the checked selectors' },
        { rule: 'dmarc_none', points: -10, reason: 'DMARC policy none (monitoring only)' },
        { rule: 'hosting_mx_weak', points: -10, reason: 'Hosting MX without SPF and DKIM' },
        { rule: 'dkim_none', points: -5, reason: 'Extra penalty for missing DKIM' },
      ],
      raw_total: -25,
      total: 0,
      hard_fail: null,
    });
    expect(verdict.readiness_score).toBe(0);
  });

  it(`items add up to raw_total and clamp to the score in all ${cases.length} signal combinations`, () => {
    for (const c of cases) {
      const { readiness_score, breakdown } = scoreLead(
        {
          ...c,
          mx_records: ['mx.example.com'],
          dmarc_pct: c.dmarc_policy ? 100 : null,
          spf_lookup_count: null,
          spf_multiple_records: false,
          expires_in_days: null,
        },
        config.rules,
      );
      const sum = breakdown.items.reduce((s, i) => s + i.points, breakdown.base);
      expect(sum, JSON.stringify(c)).toBe(breakdown.raw_total);
      expect(breakdown.total).toBe(Math.min(100, Math.max(0, breakdown.raw_total)));
      expect(readiness_score).toBe(breakdown.total);
      expect(breakdown.items.every((i) => i.reason.length > 0)).toBe(true);
    }
  });
});
