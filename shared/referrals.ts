import { z } from 'zod';

// Partner Center referrals as every front end sees them (CLI JSON, IPC, renderer). Times are ISO 8601 strings;
// `domain` and `lead_domain` are ASCII (punycode), `domain_display` Unicode.

export const REFERRAL_KINDS = ['co-sell', 'marketplace', 'solution-provider', 'other'] as const;
export type ReferralKind = (typeof REFERRAL_KINDS)[number];

export const LINK_STATUSES = ['linked', 'unlinked'] as const;
export type LinkStatus = (typeof LINK_STATUSES)[number];

export interface ReferralListItem {
  referral_id: string;
  engagement_id: string | null;
  name: string | null;
  kind: ReferralKind;
  status: string | null;
  substatus: string | null;
  direction: string | null;
  customer_name: string | null;
  customer_country: string | null;
  domain: string | null;
  domain_display: string | null;
  lead_domain: string | null;
  link_status: LinkStatus;
  deal_value: number | null;
  currency: string | null;
  created_at: string | null;
  updated_at: string | null;
  synced_at: string;
}

export interface ReferralContact {
  first_name: string | null;
  last_name: string | null;
  email: string | null;
  phone: string | null;
}

export interface ReferralDetail extends ReferralListItem {
  contacts: ReferralContact[];
  team: ReferralContact[];
  notes: string | null;
  raw: Record<string, unknown>;
}

export interface ReferralQuery {
  kind?: ReferralKind;
  link?: LinkStatus;
  status?: string;
  search?: string;
  limit?: number;
  offset?: number;
}

/** One sync run's figures (the CLI's `referrals sync --json`). */
export interface ReferralSyncResult {
  fetched: number;
  inserted: number;
  updated: number;
  unchanged: number;
  leads_created: number;
  linked: number;
  unlinked: number;
  duration_ms: number;
}

export type ReferralSyncState = 'idle' | 'running' | 'signed_out' | 'error' | 'offline' | 'disabled';

/** Pushed to the renderer whenever it changes. */
export interface ReferralSyncStatus {
  state: ReferralSyncState;
  last_success_at: string | null;
  last_error: string | null;
  last_result: ReferralSyncResult | null;
  next_run_at: string | null;
}

/** The connection settings (Settings screen); each can be overridden by HUNTER_PC_<FIELD> in the environment. */
export const PcConnectionSchema = z.object({
  authority: z.string().trim().url().max(500),
  client_id: z.string().trim().max(100),
  scope: z.string().trim().min(1).max(500),
  api_url: z.string().trim().url().max(500),
});
export type PcConnection = z.infer<typeof PcConnectionSchema>;
export const PC_CONNECTION_FIELDS = ['authority', 'client_id', 'scope', 'api_url'] as const;
export type PcConnectionField = (typeof PC_CONNECTION_FIELDS)[number];

/** Partner Center archives an incoming referral left unanswered this long as Expired. */
export const ANSWER_WINDOW_DAYS = 14;

/** Whole days left to answer a New incoming referral; null when it is not waiting for an answer. */
export function daysToAnswer(
  r: { status: string | null; direction: string | null; created_at: string | null; expires_at?: string | null },
  now: Date,
): number | null {
  if ((r.status ?? '').toLowerCase() !== 'new' || (r.direction ?? '').toLowerCase() !== 'incoming') return null;
  const end = r.expires_at
    ? Date.parse(r.expires_at)
    : r.created_at
      ? Date.parse(r.created_at) + ANSWER_WINDOW_DAYS * 86_400_000
      : NaN;
  if (!Number.isFinite(end)) return null;
  return Math.max(0, Math.ceil((end - now.getTime()) / 86_400_000));
}
