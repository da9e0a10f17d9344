import { z } from 'zod';
import { PRIORITY_CATEGORIES, SEGMENTS } from './domain';
import { LEAD_SORT_KEYS } from './lead-columns';
import type { SparseColumnId } from './lead-columns';
import type { LeadRow } from './lead-row';
import { REFERRAL_KINDS } from './referrals';
import { withoutControlChars } from './text';
import type {
  DnsSignals,
  ScanStatus,
  ScoreBreakdown,
  Segment,
  TenantSize,
  WhoisSignal,
  PriorityCategory,
} from './domain';

export { LEAD_SORT_KEYS };
export type { LeadSortKey } from './lead-columns';
export type { LeadRow };

export const LEAD_ARCHIVE_FILTERS = ['exclude', 'only', 'include'] as const;
export type LeadArchiveFilter = (typeof LEAD_ARCHIVE_FILTERS)[number];
/**
 * The latest scan's outcome as the grid filters it:
 * failed     the latest scan got no verdict (MX unanswered: scan_status dns_timeout); an earlier verdict may remain
 * partial    the latest scan has a verdict but some other checks did not answer (scan_status partial)
 * unscanned  never scanned
 */
export const LEAD_SCAN_STATES = ['failed', 'partial', 'unscanned'] as const;
export type LeadScanState = (typeof LEAD_SCAN_STATES)[number];

export const LeadQuerySchema = z
  .object({
    /** control characters (a pasted NUL or BEL) are dropped, not refused: the rest is still a fine search */
    search: z.string().max(200).transform(withoutControlChars).optional(),
    providers: z.array(z.string().max(40)).max(20).optional(),
    segments: z.array(z.enum(SEGMENTS)).max(4).optional(),
    categories: z.array(z.enum(PRIORITY_CATEGORIES)).max(6).optional(),
    min_score: z.number().int().min(0).max(100).optional(),
    max_score: z.number().int().min(0).max(100).optional(),
    risk_flag: z.string().max(60).optional(),
    tag: z.string().max(60).optional(),
    /** only leads whose domain expires within this many days (and not already long expired) */
    expiring_within_days: z.number().int().min(1).max(3650).optional(),
    /** only leads with a Partner Center referral of this kind */
    referral_kind: z.enum(REFERRAL_KINDS).optional(),
    scanned: z.enum(['any', 'scanned', 'unscanned']).optional(),
    /** archived leads are left out unless asked for (default 'exclude') */
    archived: z.enum(LEAD_ARCHIVE_FILTERS).optional(),
    scan_state: z.enum(LEAD_SCAN_STATES).optional(),
    /** only these leads (ASCII domains): the grid's multi-selection for bulk export and rescan */
    domains: z.array(z.string().max(300)).max(100_000).optional(),
    sort: z.enum(LEAD_SORT_KEYS).optional(),
    order: z.enum(['asc', 'desc']).optional(),
    offset: z.number().int().min(0).optional(),
    limit: z.number().int().min(1).max(1000).optional(),
  })
  .strict();
export type LeadQuery = z.infer<typeof LeadQuerySchema>;

export interface LeadPage {
  rows: LeadRow[];
  total: number;
  offset: number;
  /** the hide-when-empty grid columns some lead of the whole result (not just this page) has data for */
  columns_with_data: SparseColumnId[];
}

export interface LeadDetail extends LeadRow {
  mx_root: string | null;
  local_provider: string | null;
  tenant_size: TenantSize | null;
  tenant_name: string | null;
  technical_heat: string | null;
  commercial_segment: string | null;
  commercial_heat: string | null;
  reason: string | null;
  dns: DnsSignals | null;
  whois: WhoisSignal | null;
  breakdown: ScoreBreakdown | null;
  contact_quality_score: number | null;
  created_at: string;
  /** when the lead was archived; null while it is active */
  archived_at: string | null;
}

export interface ScanHistoryEntry {
  scanned_at: string;
  scan_status: ScanStatus;
  readiness_score: number | null;
  segment: Segment | null;
  priority_category: PriorityCategory | null;
  provider: string | null;
  /** what differs from the previous scan: field → [old, new] */
  changes: Record<string, [unknown, unknown]>;
}

export interface Kpis {
  total_leads: number;
  migration: number;
  /** leads whose P badge is one of TOP_PRIORITY_CATEGORIES (P1, P2): the same rows that category filter shows */
  high_priority: number;
  max_score: number | null;
}

export interface LeadStats {
  by_provider: { key: string; count: number }[];
  by_segment: { key: string; count: number }[];
  by_category: { key: string; count: number }[];
  by_risk_flag: { key: string; count: number }[];
  by_tag: { key: string; count: number }[];
  scans_per_day: { day: string; count: number }[];
}

/** What an archive, restore or delete did: the leads it changed and the domains no lead has. */
export interface LeadLifecycleResult {
  changed: string[];
  missing: string[];
}
