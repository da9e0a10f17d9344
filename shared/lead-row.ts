// The grid row, in its own module: the column registry (lead-columns.ts) reads it and leads.ts builds on both.
import type { PriorityCategory, ScanStatus, Segment } from './domain';

/** Who a lead is: what an import plans and what the grid shows before any scan. */
export interface LeadIdentity {
  /** ASCII (punycode) key */
  domain: string;
  domain_display: string;
  company_name: string | null;
  /** contact details from the imported file's extra columns */
  city: string | null;
  contact_email: string | null;
  contact_phone: string | null;
}

/** One grid row. Field names follow the previous Hunter's LeadResponse where they overlap. */
export interface LeadRow extends LeadIdentity {
  provider: string | null;
  readiness_score: number | null;
  segment: Segment | null;
  priority_score: number | null;
  priority_category: PriorityCategory | null;
  priority_label: string | null;
  risk_flags: string[];
  tags: string[];
  expires_at: string | null;
  scanned_at: string | null;
  scan_status: ScanStatus;
  /** Partner Center referral join (empty until referrals sync) */
  referral_count: number;
  referral_type: string | null;
  /** the most recently synced referral, for the detail modal */
  referral_id: string | null;
  /** Dynamics 365 push state: null (never pushed) | queued | pushing | pushed | skipped | error */
  d365_sync_status: string | null;
  d365_lead_id: string | null;
  /** why the last push failed or waits (Dynamics 365's own code and text) */
  d365_sync_error: string | null;
}
