// Partner Center referrals and sync runs. The sync writes thousands of rows per run, so the write path is plain
// prepared statements; reads build their WHERE from a closed set of filters, always with bound parameters.
import { domainToUnicode } from 'node:url';
import type { ReferralQuery, ReferralSyncResult } from '../../shared/referrals';
import type { ReferralKind, LinkStatus, ReferralListItem } from '../../shared/referrals';
import type { Clock, Db } from './db-types';

/** A referral's own columns, as the client maps them from the API's JSON. */
export interface ReferralFields {
  referral_id: string;
  engagement_id: string | null;
  name: string | null;
  referral_type: ReferralKind;
  type: string | null;
  qualification: string | null;
  status: string | null;
  substatus: string | null;
  direction: string | null;
  company_name: string | null;
  customer_name: string | null;
  customer_country: string | null;
  customer_size: string | null;
  domain: string | null;
  raw_domain: string | null;
  deal_value: number | null;
  currency: string | null;
  closing_at: string | null;
  etag: string | null;
  pc_created_at: string | null;
  pc_updated_at: string | null;
  external_reference_id: string | null;
}

/** Everything the sync stores for one referral: its own columns, its link to a lead and the JSON as sent. */
export interface ReferralRow extends ReferralFields {
  link_status: LinkStatus;
  linked_lead_id: number | null;
  /** the referral's JSON as Partner Center sent it */
  raw_json: string;
}

export interface StoredReferral extends ReferralListItem {
  /** the stored JSON, parsed */
  raw: Record<string, unknown>;
  etag: string | null;
  linked_lead_id: number | null;
}

export interface SyncRunRecord extends ReferralSyncResult {
  started_at: string;
  finished_at: string;
  mode: 'full' | 'incremental';
  error: string | null;
}

/** The referral columns a Dynamics 365 push reads. */
export interface ReferralForPush {
  referral_id: string;
  company_name: string | null;
  customer_name: string | null;
  azure_tenant_id: string | null;
  deal_value: number | null;
  currency: string | null;
  raw_data: Record<string, unknown>;
}

export interface ReferralsRepository {
  /**
   * The referral a push describes a lead by: the most recently synced one for its domain, ties broken by age and id,
   * so the same lead always picks the same referral.
   */
  latestForDomain(domain: string): ReferralForPush | null;
  /**
   * Inserts or updates one referral. Answers `unchanged` (and writes nothing) when every stored value is already
   * the same; `synced_at` moves only when something changed.
   */
  upsert(row: ReferralRow): 'inserted' | 'updated' | 'unchanged';
  get(referralId: string): StoredReferral | null;
  list(query: ReferralQuery): ReferralListItem[];
  count(query: ReferralQuery): number;
  /** referral ids and kinds per lead domain, for the grid's referral column */
  kindsByDomain(domains: string[]): Map<string, ReferralKind[]>;
  link(referralId: string, leadId: number): boolean;
  /** the lead a referral is linked to now (a manual link survives syncs that find no domain) */
  linkedLeadOf(referralId: string): number | null;
  leadIdByDomain(domain: string): number | null;
  /** marks a lead the sync created, unless it already has a source */
  markLeadSource(leadId: number, source: string): void;
  recordRun(run: SyncRunRecord): void;
  /** the start time of the newest run that succeeded: the next incremental run reads changes since then */
  lastSuccessStartedAt(): string | null;
  lastRun(): SyncRunRecord | null;
}

const ROW_COLUMNS = [
  'referral_id',
  'engagement_id',
  'name',
  'referral_type',
  'type',
  'qualification',
  'status',
  'substatus',
  'direction',
  'company_name',
  'customer_name',
  'customer_country',
  'customer_size',
  'domain',
  'raw_domain',
  'deal_value',
  'currency',
  'closing_at',
  'etag',
  'pc_created_at',
  'pc_updated_at',
  'external_reference_id',
  'link_status',
  'linked_lead_id',
] as const;

const LIST_SELECT = `SELECT r.referral_id, r.engagement_id, r.name, r.referral_type AS kind, r.status, r.substatus,
  r.direction, r.customer_name, r.customer_country, r.domain, l.domain AS lead_domain, r.link_status, r.deal_value,
  r.currency, r.pc_created_at AS created_at, r.pc_updated_at AS updated_at, r.synced_at
  FROM partner_center_referrals r LEFT JOIN leads l ON l.id = r.linked_lead_id`;

type ListRow = Omit<ReferralListItem, 'domain_display'>;

function toListItem(row: ListRow): ReferralListItem {
  const { domain, ...rest } = row;
  return {
    referral_id: rest.referral_id,
    engagement_id: rest.engagement_id,
    name: rest.name,
    kind: rest.kind ?? 'other',
    status: rest.status,
    substatus: rest.substatus,
    direction: rest.direction,
    customer_name: rest.customer_name,
    customer_country: rest.customer_country,
    domain,
    domain_display: domain ? domainToUnicode(domain) || domain : null,
    lead_domain: rest.lead_domain,
    link_status: rest.link_status === 'linked' ? 'linked' : 'unlinked',
    deal_value: rest.deal_value,
    currency: rest.currency,
    created_at: rest.created_at,
    updated_at: rest.updated_at,
    synced_at: rest.synced_at,
  };
}

function where(query: ReferralQuery): { sql: string; params: unknown[] } {
  const parts: string[] = [];
  const params: unknown[] = [];
  if (query.kind) {
    parts.push('r.referral_type = ?');
    params.push(query.kind);
  }
  if (query.link) {
    parts.push('r.link_status = ?');
    params.push(query.link);
  }
  if (query.status) {
    parts.push('r.status = ? COLLATE NOCASE');
    params.push(query.status);
  }
  if (query.search?.trim()) {
    const like = `%${query.search.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    parts.push(
      `(r.name LIKE ? ESCAPE '\\' OR r.customer_name LIKE ? ESCAPE '\\' OR r.domain LIKE ? ESCAPE '\\' OR r.referral_id LIKE ? ESCAPE '\\')`,
    );
    params.push(like, like, like, like);
  }
  return { sql: parts.length ? ` WHERE ${parts.join(' AND ')}` : '', params };
}

export function createReferralsRepository(db: Db, now: Clock): ReferralsRepository {
  const sqlite = db.$client;
  const findStored = sqlite.prepare(
    `SELECT ${ROW_COLUMNS.join(', ')}, raw_data AS raw_json FROM partner_center_referrals WHERE referral_id = ?`,
  );
  const insert = sqlite.prepare(
    `INSERT INTO partner_center_referrals (${ROW_COLUMNS.join(', ')}, raw_data, synced_at, created_at, updated_at)
     VALUES (${ROW_COLUMNS.map((c) => `@${c}`).join(', ')}, @raw_json, @now, @now, @now)`,
  );
  const update = sqlite.prepare(
    `UPDATE partner_center_referrals SET ${ROW_COLUMNS.map((c) => `${c} = @${c}`).join(', ')},
       raw_data = @raw_json, synced_at = @now, updated_at = @now
     WHERE referral_id = @referral_id`,
  );
  const getOne = sqlite.prepare(`${LIST_SELECT} WHERE r.referral_id = ?`);
  const getExtra = sqlite.prepare(
    `SELECT raw_data AS raw_json, etag, linked_lead_id FROM partner_center_referrals WHERE referral_id = ?`,
  );
  const linkStmt = sqlite.prepare(
    `UPDATE partner_center_referrals SET linked_lead_id = ?, link_status = 'linked', updated_at = ? WHERE referral_id = ?`,
  );
  const linkedLead = sqlite.prepare(`SELECT linked_lead_id FROM partner_center_referrals WHERE referral_id = ?`);
  const leadByDomain = sqlite.prepare(`SELECT id FROM leads WHERE domain = ?`);
  const leadSource = sqlite.prepare(`UPDATE leads SET source = ? WHERE id = ? AND source IS NULL`);
  const insertRun = sqlite.prepare(
    `INSERT INTO pc_sync_runs (started_at, finished_at, mode, fetched, inserted, updated, unchanged, leads_created,
       linked, unlinked, duration_ms, error)
     VALUES (@started_at, @finished_at, @mode, @fetched, @inserted, @updated, @unchanged, @leads_created, @linked,
       @unlinked, @duration_ms, @error)`,
  );
  const lastSuccess = sqlite.prepare(
    `SELECT started_at FROM pc_sync_runs WHERE error IS NULL AND finished_at IS NOT NULL ORDER BY id DESC LIMIT 1`,
  );
  const lastRunStmt = sqlite.prepare(
    `SELECT started_at, finished_at, mode, fetched, inserted, updated, unchanged, leads_created, linked, unlinked,
       duration_ms, error FROM pc_sync_runs ORDER BY id DESC LIMIT 1`,
  );

  const latestStmt = db.$client.prepare(
    `SELECT referral_id, company_name, customer_name, azure_tenant_id, deal_value, currency, raw_data
     FROM partner_center_referrals WHERE domain = ?
     ORDER BY synced_at DESC, created_at DESC, id DESC LIMIT 1`,
  );
  return {
    latestForDomain(domain) {
      const r = latestStmt.get(domain) as (Omit<ReferralForPush, 'raw_data'> & { raw_data: string }) | undefined;
      if (!r) return null;
      let raw: unknown = null;
      try {
        raw = JSON.parse(r.raw_data);
      } catch {
        // a damaged raw copy still leaves the referral's own columns usable
      }
      return { ...r, raw_data: raw !== null && typeof raw === 'object' ? (raw as Record<string, unknown>) : {} };
    },
    upsert(row) {
      const stored = findStored.get(row.referral_id) as Record<string, unknown> | undefined;
      const params = { ...row, now: now().toISOString() };
      if (!stored) {
        insert.run(params);
        return 'inserted';
      }
      const changed =
        stored.raw_json !== row.raw_json ||
        ROW_COLUMNS.some((c) => (stored[c] ?? null) !== ((row as unknown as Record<string, unknown>)[c] ?? null));
      if (!changed) return 'unchanged';
      update.run(params);
      return 'updated';
    },
    get(referralId) {
      const row = getOne.get(referralId) as ListRow | undefined;
      if (!row) return null;
      const extra = getExtra.get(referralId) as {
        raw_json: string;
        etag: string | null;
        linked_lead_id: number | null;
      };
      return {
        ...toListItem(row),
        raw: JSON.parse(extra.raw_json) as Record<string, unknown>,
        etag: extra.etag,
        linked_lead_id: extra.linked_lead_id,
      };
    },
    list(query) {
      const w = where(query);
      const limit = query.limit ?? -1;
      const rows = sqlite
        .prepare(`${LIST_SELECT}${w.sql} ORDER BY r.pc_updated_at DESC, r.id DESC LIMIT ? OFFSET ?`)
        .all(...w.params, limit, query.offset ?? 0) as ListRow[];
      return rows.map(toListItem);
    },
    count(query) {
      const w = where(query);
      return (
        sqlite.prepare(`SELECT count(*) AS n FROM partner_center_referrals r${w.sql}`).get(...w.params) as {
          n: number;
        }
      ).n;
    },
    kindsByDomain(domains) {
      const out = new Map<string, ReferralKind[]>();
      for (let i = 0; i < domains.length; i += 500) {
        const chunk = domains.slice(i, i + 500);
        const rows = sqlite
          .prepare(
            `SELECT domain, referral_type AS kind FROM partner_center_referrals WHERE domain IN (${chunk.map(() => '?').join(',')})
             ORDER BY synced_at DESC, id DESC`,
          )
          .all(...chunk) as { domain: string; kind: ReferralKind | null }[];
        for (const r of rows) out.set(r.domain, [...(out.get(r.domain) ?? []), r.kind ?? 'other']);
      }
      return out;
    },
    link(referralId, leadId) {
      return linkStmt.run(leadId, now().toISOString(), referralId).changes > 0;
    },
    linkedLeadOf(referralId) {
      return (linkedLead.get(referralId) as { linked_lead_id: number | null } | undefined)?.linked_lead_id ?? null;
    },
    leadIdByDomain(domain) {
      return (leadByDomain.get(domain) as { id: number } | undefined)?.id ?? null;
    },
    markLeadSource(leadId, source) {
      leadSource.run(source, leadId);
    },
    recordRun(run) {
      insertRun.run(run);
    },
    lastSuccessStartedAt() {
      return (lastSuccess.get() as { started_at: string } | undefined)?.started_at ?? null;
    },
    lastRun() {
      return (lastRunStmt.get() as SyncRunRecord | undefined) ?? null;
    },
  };
}
