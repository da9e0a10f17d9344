import type { ScanResult } from '../../shared/domain';
import type { LeadDetail, LeadRow } from '../../shared/leads';

/** One JSON Lines record per scanned input, with the previous Hunter's field names. */
export interface ScanJson {
  domain: string;
  domain_display: string;
  provider: string | null;
  mx_records: string[] | null;
  mx_root: string | null;
  spf: boolean | null;
  spf_lookup_count: number | null;
  dkim: boolean | null;
  dmarc_policy: string | null;
  dmarc_coverage: number | null;
  readiness_score: number | null;
  segment: string | null;
  priority_score: number | null;
  technical_heat: string | null;
  commercial_segment: string | null;
  commercial_heat: string | null;
  priority_category: string | null;
  priority_label: string | null;
  tags: string[];
  risk_flags: string[];
  scan_status: string;
  error: string | null;
}

/**
 * `stored` is the lead as persisted after this scan: for a dns_timeout the scan has no verdict of its own and the
 * lead keeps its previous one, which is what a user wants to see.
 */
export function scanToJson(result: ScanResult, stored: LeadDetail | null): ScanJson {
  const v = result.verdict;
  const dns = result.dns;
  return {
    domain: result.domain,
    domain_display: result.domain_display,
    provider: result.provider?.provider ?? stored?.provider ?? null,
    mx_records: dns?.mx_records ?? null,
    mx_root: result.provider?.mx_root ?? stored?.mx_root ?? null,
    spf: dns?.spf.present ?? null,
    spf_lookup_count: dns?.spf.lookup_count ?? null,
    dkim: dns?.dkim.present ?? null,
    dmarc_policy: dns?.dmarc.policy ?? null,
    dmarc_coverage: dns?.dmarc.pct ?? null,
    readiness_score: v?.readiness_score ?? stored?.readiness_score ?? null,
    segment: v?.segment ?? stored?.segment ?? null,
    priority_score: v?.priority_score ?? stored?.priority_score ?? null,
    technical_heat: v?.technical_heat ?? stored?.technical_heat ?? null,
    commercial_segment: v?.commercial_segment ?? stored?.commercial_segment ?? null,
    commercial_heat: v?.commercial_heat ?? stored?.commercial_heat ?? null,
    priority_category: v?.priority_category ?? stored?.priority_category ?? null,
    priority_label: v?.priority_label ?? stored?.priority_label ?? null,
    tags: v?.tags ?? stored?.tags ?? [],
    risk_flags: v?.risk_flags ?? stored?.risk_flags ?? [],
    scan_status: result.scan_status,
    error: result.error,
  };
}

// ESC and C1 introduced sequences (CSI, OSC, DCS/PM/APC strings, two-character escapes) as ECMA-48 defines them
const ESCAPE_SEQUENCE =
  /\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)?|[PX^_][^\x1b]*(?:\x1b\\)?|[ -~])|\x9b[0-?]*[ -/]*[@-~]|[\x90\x98\x9d-\x9f][^\x1b\x9c]*(?:\x9c|\x1b\\)?/g;
const CONTROLS_BUT_LAYOUT = /[\x00-\x08\x0b-\x1f\x7f-\x9f]/g;
const CONTROLS = /[\x00-\x1f\x7f-\x9f]/g;
const BIDI_CONTROLS = /[\u202a-\u202e\u2066-\u2069]/g;

/**
 * Stored text (company names and cells from imported files, answers from DNS and WHOIS) as a terminal shows it
 * literally: escape sequences removed, so a crafted cell cannot move the cursor, recolour or retitle the terminal,
 * and other control characters made visible as U+FFFD. One line unless `multiline` (then newlines and tabs stay).
 */
export function terminalSafe(text: string, multiline = false): string {
  const stripped = text.replace(ESCAPE_SEQUENCE, '').replace(BIDI_CONTROLS, '');
  return multiline
    ? stripped.replace(/\r\n?/g, '\n').replace(CONTROLS_BUT_LAYOUT, '\ufffd')
    : stripped.replace(/[\t\n\r]/g, ' ').replace(CONTROLS, '\ufffd');
}

function pad(raw: string, width: number): string {
  const text = terminalSafe(raw);
  return text.length >= width ? text.slice(0, width - 1) + '…' : text.padEnd(width);
}

export function scanLine(j: ScanJson): string {
  if (j.scan_status === 'invalid_domain') return `${pad(j.domain, 34)} rejected: ${terminalSafe(j.error ?? '')}`;
  const score = j.readiness_score === null ? '  -' : String(j.readiness_score).padStart(3);
  const flags = j.risk_flags.length ? `  [${j.risk_flags.join(', ')}]` : '';
  const status = j.scan_status === 'completed' ? '' : `  (${j.scan_status})`;
  return `${pad(j.domain_display, 34)} ${pad(j.provider ?? '-', 9)} ${score}  ${pad(j.segment ?? '-', 9)} ${j.priority_category ?? '--'}${status}${terminalSafe(flags)}`;
}

export function leadLine(r: LeadRow): string {
  const score = r.readiness_score === null ? '  -' : String(r.readiness_score).padStart(3);
  return `${pad(r.domain_display, 34)} ${pad(r.company_name ?? '', 24)} ${pad(r.provider ?? '-', 9)} ${score}  ${pad(r.segment ?? '-', 9)} ${r.priority_category ?? '--'}  ${r.scan_status}`;
}
