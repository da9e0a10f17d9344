import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../main/config/load';
import { scoringInputOf } from '../../main/engine/scoring/input';
import { withLastKnownSignals } from '../../main/engine/scoring/last-known';
import { scoreLead } from '../../main/engine/scoring/score';
import type { DnsSignals, ProviderInfo, ScanResult } from '../../shared/domain';
import { RESOURCES } from './config-temp-copy';

const rules = loadConfig(RESOURCES).rules;
const provider: ProviderInfo = {
  provider: 'Google',
  mx_root: 'google.com',
  local_provider: null,
  tenant_size: null,
  tenant_name: null,
};
const known: DnsSignals = {
  mx_records: ['aspmx.l.google.com'],
  spf: { present: true, record: 'v=spf1 -all', lookup_count: 0, includes: [], multiple_records: false, error: null },
  dkim: { present: true, selectors: [{ selector: 'google', cname: null }], tenant_name: null },
  dmarc: {
    present: true,
    record: 'v=DMARC1; p=quarantine',
    policy: 'quarantine',
    subdomain_policy: 'quarantine',
    pct: 100,
    rua: [],
  },
  ns: [],
  mx_a: [],
  nxdomain: false,
  unknown_checks: [],
};
const unanswered: DnsSignals = {
  ...known,
  dkim: { present: null, selectors: [], tenant_name: null },
  dmarc: { present: null, record: null, policy: null, subdomain_policy: null, pct: null, rua: [] },
  unknown_checks: ['dkim', 'dmarc'],
};

function result(dns: DnsSignals, scan_status: ScanResult['scan_status']): ScanResult {
  return {
    domain: 'x.test',
    domain_display: 'x.test',
    scanned_at: '2026-11-29T10:00:00.000Z',
    scan_status,
    dns,
    whois: {
      status: 'off',
      source: null,
      registrar: null,
      created_at: null,
      expires_at: null,
      nameservers: [],
      reason: null,
    },
    provider,
    verdict: scoreLead(scoringInputOf({ ...dns, mx_records: dns.mx_records! }, provider, null), rules),
    error: null,
    duration_ms: 1,
  };
}

describe('withLastKnownSignals', () => {
  it('re-scores a partial result with the last known DKIM and DMARC: 85 stays 85', () => {
    const partial = result(unanswered, 'partial');
    expect(partial.verdict!.readiness_score).toBe(60);
    const kept = withLastKnownSignals(partial, known, rules);
    expect(kept.verdict!.readiness_score).toBe(85);
    expect(kept.verdict!.breakdown.carried_over).toEqual(['dkim', 'dmarc']);
    expect(kept.dns!.dkim).toEqual(known.dkim);
    // what this scan could not check is still said
    expect(kept.dns!.unknown_checks).toEqual(['dkim', 'dmarc']);
  });

  it('a previous value that was itself unknown is not carried: the check is left out, and said so', () => {
    const kept = withLastKnownSignals(result(unanswered, 'partial'), unanswered, rules);
    expect(kept.verdict!.readiness_score).toBe(60);
    expect(kept.verdict!.breakdown.left_out).toEqual(['dkim', 'dmarc']);
    expect(kept.verdict!.breakdown.carried_over).toBeUndefined();
  });

  it('leaves completed results, and DKIM not probed for want of MX, unchanged', () => {
    const completed = result(known, 'completed');
    expect(withLastKnownSignals(completed, unanswered, rules)).toBe(completed);
    const noMail = result(
      { ...known, mx_records: [], dkim: { present: null, selectors: [], tenant_name: null }, unknown_checks: ['ns'] },
      'partial',
    );
    expect(withLastKnownSignals(noMail, known, rules)).toBe(noMail);
  });
});
