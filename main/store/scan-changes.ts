import type { ScanResult } from '../../shared/domain';

/** The latest known state of a lead that a new scan is compared against (and that history records changes of). */
export interface LeadSnapshot {
  scan_status: string;
  readiness_score: number | null;
  segment: string | null;
  priority_category: string | null;
  priority_score: number | null;
  provider: string | null;
  spf: boolean | null;
  dkim: boolean | null;
  dmarc_policy: string | null;
  mx_root: string | null;
  tenant_name: string | null;
  expires_at: string | null;
}

const TRACKED_FIELDS: readonly (keyof LeadSnapshot)[] = [
  'scan_status',
  'readiness_score',
  'segment',
  'priority_category',
  'priority_score',
  'provider',
  'spf',
  'dkim',
  'dmarc_policy',
  'mx_root',
  'tenant_name',
  'expires_at',
];

/**
 * The state a result leaves behind. A result without a verdict (dns_timeout, invalid input) changes only the
 * status: the previous signals and score stay the latest known truth.
 */
export function snapshotAfter(result: ScanResult, previous: LeadSnapshot | null): LeadSnapshot {
  const v = result.verdict;
  if (!v) {
    return { ...(previous ?? emptySnapshot()), scan_status: result.scan_status };
  }
  return {
    scan_status: result.scan_status,
    readiness_score: v.readiness_score,
    segment: v.segment,
    priority_category: v.priority_category,
    priority_score: v.priority_score,
    provider: result.provider?.provider ?? null,
    spf: result.dns?.spf.present ?? null,
    dkim: result.dns?.dkim.present ?? null,
    dmarc_policy: result.dns?.dmarc.policy ?? null,
    mx_root: result.provider?.mx_root ?? null,
    tenant_name: result.provider?.tenant_name ?? null,
    expires_at: result.whois.expires_at,
  };
}

/** field → [old, new] for every tracked field that differs; {} when there is no earlier scan to compare with. */
export function diffSnapshots(previous: LeadSnapshot | null, next: LeadSnapshot): Record<string, [unknown, unknown]> {
  const changes: Record<string, [unknown, unknown]> = {};
  if (!previous) return changes;
  for (const field of TRACKED_FIELDS) {
    if (previous[field] !== next[field]) changes[field] = [previous[field], next[field]];
  }
  return changes;
}

function emptySnapshot(): LeadSnapshot {
  return {
    scan_status: 'pending',
    readiness_score: null,
    segment: null,
    priority_category: null,
    priority_score: null,
    provider: null,
    spf: null,
    dkim: null,
    dmarc_policy: null,
    mx_root: null,
    tenant_name: null,
    expires_at: null,
  };
}
