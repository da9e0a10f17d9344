// ScanResult builders for store tests, following shared/domain.ts. Defaults describe a completed scan of an
// M365 tenant; tests override only what they assert on.
import type {
  DnsSignals,
  PriorityCategory,
  ScanResult,
  ScanStatus,
  Segment,
  Verdict,
  WhoisSignal,
} from '../../shared/domain';

export interface ScanFixture {
  domain: string;
  domain_display?: string;
  scanned_at?: string;
  scan_status?: ScanStatus;
  provider?: string;
  mx_root?: string;
  score?: number;
  segment?: Segment;
  category?: PriorityCategory;
  priority_score?: number;
  spf?: boolean | null;
  dkim?: boolean | null;
  dmarc_policy?: 'none' | 'quarantine' | 'reject' | null;
  expires_at?: string | null;
  tags?: string[];
  risk_flags?: string[];
}

export function dnsSignals(f: ScanFixture): DnsSignals {
  const mxHost = `${f.domain.replace(/\./g, '-')}.mail.${f.mx_root ?? 'protection.outlook.com'}`;
  const spf = f.spf === undefined ? true : f.spf;
  const dkim = f.dkim === undefined ? true : f.dkim;
  const policy = f.dmarc_policy === undefined ? 'reject' : f.dmarc_policy;
  return {
    mx_records: [mxHost],
    spf: {
      present: spf,
      record: spf ? 'v=spf1 include:spf.protection.outlook.com -all' : null,
      lookup_count: spf ? 1 : null,
      includes: spf ? ['spf.protection.outlook.com'] : [],
      multiple_records: false,
      error: null,
    },
    dkim: {
      present: dkim,
      selectors: dkim ? [{ selector: 'selector1', cname: 'selector1-x._domainkey.contoso.onmicrosoft.com' }] : [],
      tenant_name: dkim ? 'contoso.onmicrosoft.com' : null,
    },
    dmarc: {
      present: policy !== null,
      record: policy ? `v=DMARC1; p=${policy}` : null,
      policy,
      subdomain_policy: null,
      pct: policy ? 100 : null,
      rua: [],
    },
    ns: ['ns1.example.net', 'ns2.example.net'],
    mx_a: ['192.0.2.10'],
    nxdomain: false,
    unknown_checks: [],
  };
}

export function whoisSignal(f: ScanFixture): WhoisSignal {
  return {
    status: 'ok',
    source: 'rdap',
    registrar: 'Example Registrar',
    created_at: '2010-01-01',
    expires_at: f.expires_at === undefined ? '2030-01-01' : f.expires_at,
    nameservers: ['ns1.example.net'],
    reason: null,
  };
}

export function verdict(f: ScanFixture): Verdict {
  const score = f.score ?? 50;
  return {
    readiness_score: score,
    segment: f.segment ?? 'Existing',
    reason: `fixture score ${score}`,
    priority_score: f.priority_score ?? 4,
    technical_heat: 'Warm',
    commercial_segment: 'Expansion',
    commercial_heat: 'Medium',
    priority_category: f.category ?? 'P3',
    priority_label: 'Fixture label',
    risk_flags: f.risk_flags ?? [],
    tags: f.tags ?? [],
    breakdown: {
      base: 0,
      items: [{ rule: 'provider', points: score, reason: 'fixture' }],
      raw_total: score,
      total: score,
      hard_fail: null,
    },
  };
}

/** A completed scan (or partial, if scan_status says so) with a verdict. */
export function scanResult(f: ScanFixture): ScanResult {
  return {
    domain: f.domain,
    domain_display: f.domain_display ?? f.domain,
    scanned_at: f.scanned_at ?? '2026-11-20T10:00:00.000Z',
    scan_status: f.scan_status ?? 'completed',
    dns: dnsSignals(f),
    whois: whoisSignal(f),
    provider: {
      provider: f.provider ?? 'M365',
      mx_root: f.mx_root ?? 'outlook.com',
      local_provider: null,
      tenant_size: 'medium',
      tenant_name: 'contoso.onmicrosoft.com',
    },
    verdict: verdict(f),
    error: null,
    duration_ms: 120,
  };
}

/** MX itself timed out: no verdict, nothing known. */
export function dnsTimeoutResult(domain: string, scanned_at: string): ScanResult {
  return {
    domain,
    domain_display: domain,
    scanned_at,
    scan_status: 'dns_timeout',
    dns: null,
    whois: {
      status: 'unknown',
      source: null,
      registrar: null,
      created_at: null,
      expires_at: null,
      nameservers: [],
      reason: 'timeout',
    },
    provider: null,
    verdict: null,
    error: 'mx lookup timed out',
    duration_ms: 5000,
  };
}
