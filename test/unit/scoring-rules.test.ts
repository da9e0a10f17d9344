import { rmSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../main/config/load';
import { scoringInputOf } from '../../main/engine/scoring/input';
import { scoreLead, type ScoringInput } from '../../main/engine/scoring/score';
import type { DnsSignals } from '../../shared/domain';
import { RESOURCES, resourcesCopy } from './config-temp-copy';

const rules = loadConfig(RESOURCES).rules;

const lead = (over: Partial<ScoringInput> = {}): ScoringInput => ({
  provider: 'Google',
  mx_records: ['aspmx.l.google.com'],
  spf: true,
  dkim: true,
  dmarc_policy: 'reject',
  dmarc_pct: 100,
  spf_lookup_count: 3,
  spf_include_count: 1,
  spf_multiple_records: false,
  expires_in_days: 200,
  ...over,
});

describe('hard fail', () => {
  it('scores a domain without MX 0/Skip but still gives it a P-category and the mx_missing flag', () => {
    const verdict = scoreLead(
      lead({ provider: 'Unknown', mx_records: [], spf: false, dkim: false, dmarc_policy: null, dmarc_pct: null }),
      rules,
    );
    expect(verdict).toEqual({
      readiness_score: 0,
      segment: 'Skip',
      reason: 'Hard-fail: MX kaydı yok. Score: 0, Provider: Unknown',
      priority_score: 7,
      technical_heat: 'Cold',
      commercial_segment: 'NO_GO',
      commercial_heat: 'LOW',
      priority_category: 'P6',
      priority_label: 'No-Go / Archive',
      risk_flags: ['mx_missing', 'no_spf', 'no_dkim', 'no_dmarc'],
      tags: ['security-risk'],
      breakdown: {
        base: 0,
        items: [],
        raw_total: 0,
        total: 0,
        hard_fail: 'MX kaydı yok',
        hard_fail_rule: 'mx_missing',
      },
    });
  });

  it('overrides strong signals', () => {
    expect(scoreLead(lead({ mx_records: [] }), rules)).toMatchObject({
      readiness_score: 0,
      segment: 'Skip',
      priority_category: 'P6',
    });
  });
});

describe('unknown signals', () => {
  it('an unknown SPF earns neither spf nor no_spf points and raises no SPF flag', () => {
    const verdict = scoreLead(lead({ spf: null }), rules);
    const rulesFired = verdict.breakdown.items.map((i) => i.rule);
    expect(rulesFired).toEqual(['Google', 'dkim', 'dmarc_reject']);
    expect(verdict.readiness_score).toBe(80);
    expect(verdict.risk_flags).toEqual([]);
  });

  it('an unknown DKIM costs nothing and raises no flag', () => {
    const verdict = scoreLead(lead({ dkim: null }), rules);
    expect(verdict.breakdown.items.map((i) => i.rule)).toEqual(['Google', 'spf', 'dmarc_reject']);
    expect(verdict.risk_flags).toEqual([]);
  });

  it('an unknown DMARC lookup raises no no_dmarc flag when presence is passed as null', () => {
    expect(scoreLead(lead({ dmarc: null, dmarc_policy: null, dmarc_pct: null }), rules).risk_flags).toEqual([]);
    expect(scoreLead(lead({ dmarc_policy: null, dmarc_pct: null }), rules).risk_flags).toEqual(['no_dmarc']);
  });
});

describe('risk flags', () => {
  it('lists every flag whose condition holds, in rules.json order', () => {
    const verdict = scoreLead(
      lead({
        provider: 'Hosting',
        spf: false,
        dkim: false,
        dmarc_policy: 'none',
        dmarc_pct: 50,
        spf_lookup_count: 12,
        spf_multiple_records: true,
        expires_in_days: 12,
      }),
      rules,
    );
    expect(verdict.risk_flags).toEqual([
      'no_spf',
      'spf_multiple_records',
      'spf_too_many_lookups',
      'no_dkim',
      'dmarc_none',
      'dmarc_partial',
      'hosting_mx_weak',
      'expire_soon',
    ]);
  });

  it('flags an expired domain', () => {
    expect(scoreLead(lead({ expires_in_days: -3 }), rules).risk_flags).toEqual(['domain_expired']);
    expect(scoreLead(lead({ expires_in_days: 0 }), rules).risk_flags).toEqual(['domain_expired']);
  });

  it('charges spf_multiple_includes when the SPF record has more than 3 includes', () => {
    expect(scoreLead(lead({ spf_include_count: 4 }), rules).readiness_score).toBe(85);
    expect(scoreLead(lead({ spf_include_count: 3 }), rules).readiness_score).toBe(90);
  });
});

describe('RFC-exact verdicts', () => {
  const fired = (input: Partial<ScoringInput>) => scoreLead(lead(input), rules).breakdown.items.map((i) => i.rule);
  // Google + SPF + DKIM + reject = 90; a broken SPF loses the +10 and costs what a missing one does
  const BROKEN_SPF_SCORE = 70;

  it('several v=spf1 records are a permerror: "SPF broken", no SPF points, the spf_multiple_records flag', () => {
    const verdict = scoreLead(lead({ spf_multiple_records: true }), rules);
    expect(verdict.readiness_score).toBe(BROKEN_SPF_SCORE);
    expect(verdict.breakdown.items.find((i) => i.rule === 'spf_permerror')).toEqual({
      rule: 'spf_permerror',
      points: -10,
      reason: 'SPF broken (permerror): receivers ignore it, as if there were no SPF',
    });
    expect(fired({ spf_multiple_records: true })).not.toContain('spf');
    expect(verdict.risk_flags).toEqual(['spf_multiple_records']);
  });

  it('an include/redirect loop is a permerror with its own flag', () => {
    const verdict = scoreLead(lead({ spf_error: 'include_loop' }), rules);
    expect(verdict.readiness_score).toBe(BROKEN_SPF_SCORE);
    expect(verdict.risk_flags).toEqual(['spf_include_loop']);
  });

  it('more than 10 lookups and an include target without SPF are permerrors too', () => {
    expect(scoreLead(lead({ spf_lookup_count: 11 }), rules).readiness_score).toBe(BROKEN_SPF_SCORE);
    const notFound = scoreLead(lead({ spf_error: 'include_not_found' }), rules);
    expect(notFound.readiness_score).toBe(BROKEN_SPF_SCORE);
    expect(notFound.risk_flags).toEqual(['spf_include_not_found']);
  });

  it('an include that did not answer is a temporary error: the SPF points stay', () => {
    expect(scoreLead(lead({ spf_error: 'include_unknown' }), rules).readiness_score).toBe(90);
  });

  it('a revoked DKIM key (empty p=) is not DKIM: no DKIM points and the dkim_revoked flag', () => {
    const verdict = scoreLead(lead({ dkim: false, dkim_revoked: true }), rules);
    expect(verdict.readiness_score).toBe(scoreLead(lead({ dkim: false }), rules).readiness_score);
    expect(verdict.risk_flags).toEqual(['no_dkim', 'dkim_revoked']);
    // an old revoked selector next to a live key is a key rotation
    expect(scoreLead(lead({ dkim_revoked: true }), rules).risk_flags).toEqual([]);
  });

  it.each(['multiple_records', 'invalid_policy'])('DMARC %s means no DMARC policy: no points, flagged', (error) => {
    const verdict = scoreLead(lead({ dmarc: false, dmarc_error: error, dmarc_policy: null, dmarc_pct: null }), rules);
    expect(verdict.readiness_score).toBe(70);
    expect(verdict.breakdown.items.map((i) => i.rule)).toEqual(['Google', 'spf', 'dkim']);
    expect(verdict.risk_flags).toEqual(['no_dmarc', `dmarc_${error}`]);
  });

  it('a domain that does not exist is its own hard fail, flagged domain_not_found and not mx_missing', () => {
    const verdict = scoreLead(
      lead({ provider: 'Unknown', nxdomain: true, mx_records: [], spf: false, dkim: null, dmarc: false }),
      rules,
    );
    expect(verdict).toMatchObject({
      readiness_score: 0,
      segment: 'Skip',
      priority_category: 'P6',
      reason: 'Hard-fail: Alan adı yok (NXDOMAIN). Score: 0, Provider: Unknown',
    });
    expect(verdict.breakdown.hard_fail).toBe('Alan adı yok (NXDOMAIN)');
    expect(verdict.breakdown.hard_fail_rule).toBe('nxdomain');
    expect(verdict.risk_flags).toContain('domain_not_found');
    expect(verdict.risk_flags).not.toContain('mx_missing');
  });

  it('signals from DNS map onto these facts (several DMARC records, revoked DKIM, SPF loop)', () => {
    const dns: DnsSignals & { mx_records: string[] } = {
      mx_records: ['aspmx.l.google.com'],
      spf: {
        present: true,
        record: 'v=spf1 include:x.test -all',
        lookup_count: 2,
        includes: ['x.test'],
        multiple_records: false,
        error: 'include_loop',
      },
      dkim: { present: false, selectors: [], tenant_name: null, revoked_selectors: ['google'] },
      dmarc: {
        present: false,
        record: 'v=DMARC1; p=reject',
        error: 'multiple_records',
        policy: null,
        subdomain_policy: null,
        pct: null,
        rua: [],
      },
      ns: [],
      mx_a: [],
      nxdomain: false,
      unknown_checks: [],
    };
    const provider = {
      provider: 'Google',
      mx_root: 'google.com',
      local_provider: null,
      tenant_size: null,
      tenant_name: null,
    };
    const verdict = scoreLead(scoringInputOf(dns, provider, null), rules);
    expect(verdict.risk_flags).toEqual([
      'spf_include_loop',
      'no_dkim',
      'dkim_revoked',
      'no_dmarc',
      'dmarc_multiple_records',
    ]);
    expect(verdict.readiness_score).toBe(50 - 10 - 15);
  });
});

describe('segments outside the truth table', () => {
  it.each([
    ['Amazon', 60, 'Skip', 'No segment rule matched. Score: 60, Provider: Amazon'],
    ['Hosting', 60, 'Migration', 'Cloud kullanıcıları, geçişe hazır. Score: 60, Provider: Hosting'],
  ])('%s at %i → %s with the reference reason', (provider, score, segment, reason) => {
    const verdict = scoreLead(lead({ provider }), rules);
    expect(verdict).toMatchObject({ readiness_score: score, segment, reason });
  });
});

describe('rules are data', () => {
  const dirs: string[] = [];
  afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));
  const loadEdited = (edit: (rules: any) => void) => {
    const dir = resourcesCopy('rules.json', edit);
    dirs.push(dir);
    return loadConfig(dir).rules;
  };

  it('a new point rule, risk flag and tag in a copied rules.json change the verdict without code', () => {
    const edited = loadEdited((r) => {
      r.risk_points.dmarc_partial = -7;
      r.point_conditions.dmarc_partial = { dmarc_pct_lt: 100 };
      r.point_labels.dmarc_partial = 'DMARC applies to part of the mail only';
      r.tag_rules.push({ tag: 'hot-google', condition: { provider: 'Google', min_score: 80 }, description: 'test' });
      r.segment_rules.unshift({
        segment: 'Cold',
        condition: { spf_lookup_count_gte: 8 },
        description: 'Broken SPF first',
      });
    });
    const before = scoreLead(lead({ dmarc_pct: 50 }), rules);
    const after = scoreLead(lead({ dmarc_pct: 50 }), edited);
    expect(before.readiness_score).toBe(90);
    expect(after.readiness_score).toBe(83);
    expect(after.breakdown.items.at(-1)).toEqual({
      rule: 'dmarc_partial',
      points: -7,
      reason: 'DMARC applies to part of the mail only',
    });
    expect(after.tags).toEqual(['migration-ready', 'google-workspace', 'hot-google']);
    expect(scoreLead(lead({ spf_lookup_count: 9 }), edited)).toMatchObject({
      segment: 'Cold',
      reason: 'Broken SPF first. Score: 90, Provider: Google',
      priority_score: 5,
      priority_category: 'P6',
    });
  });

  it('rejects a condition with an unknown key, naming file, path and key', () => {
    expect(() => loadEdited((r) => (r.segment_rules[1].condition.min_scor = 60))).toThrow(
      'rules.json $.segment_rules[1].condition.min_scor: unknown condition key "min_scor"',
    );
  });

  it('rejects a fact used before the step that computes it', () => {
    expect(() => loadEdited((r) => (r.point_conditions.spf.score_gt = 10))).toThrow(
      'rules.json $.point_conditions.spf.score_gt: "score" is not known yet at this step',
    );
  });

  it('rejects values of the wrong type or outside the known vocabulary', () => {
    expect(() => loadEdited((r) => (r.risk_flag_rules[0].condition = { spf_lookup_count_gt: '10' }))).toThrow(
      'rules.json $.risk_flag_rules[0].condition.spf_lookup_count_gt: "spf_lookup_count_gt" expects number values, got "10"',
    );
    expect(() => loadEdited((r) => (r.segment_rules[1].condition.provider_in = ['Gogle']))).toThrow(
      'rules.json $.segment_rules[1].condition.provider_in: "Gogle" is not a known provider',
    );
    expect(() => loadEdited((r) => (r.tag_rules[0].condition = { commercial_heat: 'HOT' }))).toThrow(
      'rules.json $.tag_rules[0].condition.commercial_heat: "HOT" is not a known commercial_heat (known: HIGH, MEDIUM, LOW)',
    );
  });
});
