import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../main/config/load';
import { scoreLead, type ScoringInput } from '../../main/engine/scoring/score';
import { RESOURCES } from './config-temp-copy';

const rules = loadConfig(RESOURCES).rules;

const base: ScoringInput = {
  provider: 'Google',
  mx_records: ['aspmx.l.google.com'],
  spf: true,
  dkim: true,
  dmarc_policy: 'reject',
  dmarc_pct: 100,
  spf_lookup_count: 2,
  spf_include_count: 1,
  spf_multiple_records: false,
  expires_in_days: 365,
};
const tagsOf = (over: Partial<ScoringInput>) => scoreLead({ ...base, ...over }, rules).tags;

describe('auto-tags', () => {
  it.each([
    ['security-risk', { provider: 'M365', spf: false, dkim: false }, ['security-risk']],
    ['migration-ready at 60', { provider: 'Hosting', dmarc_policy: 'reject' }, ['migration-ready']],
    ['no migration-ready below 60', { provider: 'Hosting', dmarc_policy: 'quarantine' }, []],
    ['expire-soon', { provider: 'M365', expires_in_days: 29 }, ['expire-soon']],
    ['no expire-soon at 30 days', { provider: 'M365', expires_in_days: 30 }, []],
    ['no expire-soon once expired', { provider: 'M365', expires_in_days: 0 }, []],
    ['weak-spf', { provider: 'M365', dmarc_policy: 'none' }, ['weak-spf']],
    ['google-workspace', {}, ['migration-ready', 'google-workspace']],
    ['local-mx', { provider: 'Local' }, ['local-mx']],
  ] as [string, Partial<ScoringInput>, string[]][])('%s', (_name, over, tags) => {
    expect(tagsOf(over)).toEqual(tags);
  });

  it('are recomputed from the current signals, so a cleared condition drops its tag', () => {
    const weak = {
      provider: 'Local',
      spf: false,
      dkim: false,
      dmarc_policy: null,
      dmarc_pct: null,
      expires_in_days: 10,
    } as const;
    expect(tagsOf(weak)).toEqual(['security-risk', 'expire-soon', 'local-mx']);
    // SPF published and the domain renewed: security-risk and expire-soon go away
    expect(tagsOf({ ...weak, spf: true, expires_in_days: 375 })).toEqual(['local-mx']);
    // moved to Google: local-mx replaced
    expect(tagsOf({ ...weak, provider: 'Google', spf: true, dkim: true, expires_in_days: 375 })).toEqual([
      'migration-ready',
      'google-workspace',
    ]);
  });

  it('unknown signals never add a tag', () => {
    expect(tagsOf({ provider: 'M365', spf: null, dkim: null, expires_in_days: null })).toEqual([]);
  });
});
