// Domain vocabulary shared by main, preload and renderer. Plain data only: no Node or Electron imports,
// so the renderer bundle can import it.

export const SEGMENTS = ['Migration', 'Existing', 'Cold', 'Skip'] as const;
export type Segment = (typeof SEGMENTS)[number];

export const DMARC_POLICIES = ['none', 'quarantine', 'reject'] as const;
export type DmarcPolicy = (typeof DMARC_POLICIES)[number];

export const TENANT_SIZES = ['small', 'medium', 'large'] as const;
export type TenantSize = (typeof TENANT_SIZES)[number];

export const PRIORITY_CATEGORIES = ['P1', 'P2', 'P3', 'P4', 'P5', 'P6'] as const;
export type PriorityCategory = (typeof PRIORITY_CATEGORIES)[number];
/** the sales team's top buckets: the "high priority" KPI counts exactly these badges */
export const TOP_PRIORITY_CATEGORIES: readonly PriorityCategory[] = ['P1', 'P2'];

/**
 * completed    every check answered
 * partial      MX answered but some other check timed out / SERVFAILed (those signals are "unknown")
 * dns_timeout  MX itself is unknown: no new verdict, the previous one (if any) is kept
 * invalid_domain  input rejected by normalisation
 * pending      stored but never scanned
 */
export const SCAN_STATUSES = ['completed', 'partial', 'dns_timeout', 'invalid_domain', 'pending'] as const;
export type ScanStatus = (typeof SCAN_STATUSES)[number];

/** Three-state signal: true present, false absent (authoritative answer), null unknown (timeout/SERVFAIL). */
export type Tri = boolean | null;

/** SpfSignal.error values: what went wrong while following include/redirect targets */
export const SPF_ERRORS = ['include_loop', 'too_many_lookups', 'include_unknown', 'include_not_found'] as const;

export interface SpfSignal {
  present: Tri;
  /** the full v=spf1 record text (first one if several) */
  record: string | null;
  /** RFC 7208 §4.6.4 DNS-lookup terms (include, a, mx, ptr, exists, redirect), nested includes followed */
  lookup_count: number | null;
  /** direct include: targets of the apex record */
  includes: string[];
  multiple_records: boolean;
  /** one of SPF_ERRORS, the most serious found */
  error: string | null;
}

/**
 * Why a published DMARC record gives no policy (RFC 7489 §6.6.3): several records, or a record whose p (or sp) is
 * missing/invalid and that names no rua address (with a rua it counts as p=none).
 */
export const DMARC_ERRORS = ['multiple_records', 'invalid_policy'] as const;
export type DmarcError = (typeof DMARC_ERRORS)[number];

export interface DmarcSignal {
  /** a usable DMARC policy is published; false when there is no record or the record(s) give no policy */
  present: Tri;
  /** the (first) DMARC record text, also when it gives no policy */
  record: string | null;
  /** set when records exist but give no policy; absent otherwise */
  error?: DmarcError;
  /** effective policy from the p tag (lower-cased); none when p is invalid but rua is given */
  policy: DmarcPolicy | null;
  subdomain_policy: DmarcPolicy | null;
  /** pct tag clamped 0-100; 100 when the record has no pct; null when there is no record */
  pct: number | null;
  rua: string[];
}

export interface DkimSelectorHit {
  selector: string;
  /** CNAME target when the selector is delegated (M365: selector1-x._domainkey.<tenant>.onmicrosoft.com) */
  cname: string | null;
}

export interface DkimSignal {
  present: Tri;
  selectors: DkimSelectorHit[];
  /** Microsoft 365 tenant initial domain revealed by a DKIM CNAME, e.g. "contoso.onmicrosoft.com" */
  tenant_name: string | null;
  /** selectors whose key record has an empty p= (revoked key, RFC 6376 §3.6.1); absent when none */
  revoked_selectors?: string[];
}

export interface DnsSignals {
  /** hosts sorted by preference; [] = authoritative "no MX"; null = unknown */
  mx_records: string[] | null;
  spf: SpfSignal;
  dkim: DkimSignal;
  dmarc: DmarcSignal;
  ns: string[] | null;
  /** A records of the primary (lowest preference) MX host */
  mx_a: string[] | null;
  /** the domain itself does not exist (NXDOMAIN on MX): the verdict is a hard fail, the summary no pitch */
  nxdomain: boolean;
  /** names of checks whose answer is unknown: mx, spf, dmarc, dkim, ns, mx_a */
  unknown_checks: string[];
}

export interface WhoisSignal {
  status: 'ok' | 'unknown' | 'off';
  source: 'rdap' | 'whois' | null;
  registrar: string | null;
  /** YYYY-MM-DD */
  created_at: string | null;
  /** YYYY-MM-DD */
  expires_at: string | null;
  nameservers: string[];
  /** why status is unknown (timeout, unsupported_tld, unparseable_answer, http_404, ...) */
  reason: string | null;
}

export interface ProviderInfo {
  /** name from resources/providers.json: M365, Google, Yandex, Zoho, Amazon, SendGrid, Mailgun, Hosting, Local, Unknown */
  provider: string;
  /** registrable part of the primary MX host (kept for the reference field mx_root) */
  mx_root: string | null;
  /** e.g. TürkHost, Natro when provider is Local */
  local_provider: string | null;
  tenant_size: TenantSize | null;
  /** Microsoft tenant initial domain (from DKIM CNAME) */
  tenant_name: string | null;
}

export interface ScoreItem {
  /** the rules.json key that fired (provider, spf, no_dkim, dmarc_reject, ...) */
  rule: string;
  points: number;
  reason: string;
}

export interface ScoreBreakdown {
  base: number;
  items: ScoreItem[];
  /** sum before clamping to 0-100 */
  raw_total: number;
  total: number;
  hard_fail: string | null;
  /** the fact the hard-fail rule tested (mx_missing, nxdomain), for a label in the UI language; absent on older verdicts */
  hard_fail_rule?: string | null;
  /**
   * Scored checks (spf, dkim, dmarc) that did not answer in this (partial) scan and were scored with their value from
   * the previous scan; absent when none.
   */
  carried_over?: string[];
  /** scored checks that did not answer and have no earlier value: left out of the score; absent when none */
  left_out?: string[];
}

export interface Verdict {
  readiness_score: number;
  segment: Segment;
  reason: string;
  /** legacy priority 1 (best) - 7 */
  priority_score: number;
  technical_heat: string;
  commercial_segment: string;
  commercial_heat: string;
  priority_category: PriorityCategory;
  priority_label: string;
  risk_flags: string[];
  tags: string[];
  breakdown: ScoreBreakdown;
}

export interface ScanResult {
  /** ASCII (punycode) form; the key everywhere */
  domain: string;
  /** Unicode form for display */
  domain_display: string;
  scanned_at: string;
  scan_status: ScanStatus;
  dns: DnsSignals | null;
  whois: WhoisSignal;
  provider: ProviderInfo | null;
  /** null when the scan produced no new verdict (dns_timeout, invalid input) */
  verdict: Verdict | null;
  error: string | null;
  duration_ms: number;
}
