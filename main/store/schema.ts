// The whole local database, as drizzle tables. drizzle-kit generates main/store/migrations from this file,
// so every change here must be followed by `npx drizzle-kit generate` (never edit an applied migration).
//
// Conventions: timestamps are ISO-8601 UTC text (what ScanResult carries), except cache expiry which is epoch ms
// (what TtlCache works in); tri-state DNS signals are nullable 0/1 integers; JSON columns hold plain data.
import { sql } from 'drizzle-orm';
import { check, index, integer, primaryKey, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import type {
  DkimSelectorHit,
  DnsSignals,
  PriorityCategory,
  ScanStatus,
  ScoreBreakdown,
  Segment,
  TenantSize,
  WhoisSignal,
} from '../../shared/domain';

/** One row per company domain: the key of every other lead table. */
export const leads = sqliteTable(
  'leads',
  {
    // no AUTOINCREMENT on the hot tables: it costs a sqlite_sequence write per insert, and ids are internal
    id: integer('id').primaryKey(),
    /** ASCII (punycode) form, lower case */
    domain: text('domain').notNull(),
    domain_display: text('domain_display').notNull(),
    company_name: text('company_name'),
    /** domain, display form, company and provider folded by foldSearch(): the grid search matches against this */
    search_text: text('search_text').notNull(),
    country: text('country'),
    // contact details from an import's extra columns; an import with a value replaces, one without keeps
    city: text('city'),
    contact_email: text('contact_email'),
    contact_phone: text('contact_phone'),
    contact_quality_score: integer('contact_quality_score'),
    /** status and time of the latest scan attempt, even one that produced no verdict (dns_timeout) */
    scan_status: text('scan_status').$type<ScanStatus>().notNull().default('pending'),
    scanned_at: text('scanned_at'),
    scan_error: text('scan_error'),
    created_at: text('created_at').notNull(),
    updated_at: text('updated_at').notNull(),
    // The grid's read model: copies of the latest verdict's sortable and filterable values, written with it, so the
    // 100,000-row grid sorts, filters and counts on this one table through its own indexes (joins across
    // lead_scores/lead_signals cannot use an index for ORDER BY). lead_scores and lead_signals stay the source.
    provider: text('provider'),
    readiness_score: integer('readiness_score'),
    segment: text('segment').$type<Segment>(),
    priority_score: integer('priority_score'),
    priority_category: text('priority_category').$type<PriorityCategory>(),
    priority_label: text('priority_label'),
    expires_at: text('expires_at'),
    /** company_name folded by foldSearch(): the company sort is Turkish-aware and indexable */
    company_sort: text('company_sort'),
    /** ",flag,flag," so filtering by one flag is a single instr() */
    risk_flags_text: text('risk_flags_text'),
    /** ",tag,tag," likewise */
    tags_text: text('tags_text'),
    // Dynamics 365 push state; ids of the records created there
    d365_lead_id: text('d365_lead_id'),
    d365_account_id: text('d365_account_id'),
    d365_contact_id: text('d365_contact_id'),
    d365_opportunity_id: text('d365_opportunity_id'),
    /** the note (annotation) carrying the sales summary, updated in place by the next push */
    d365_note_id: text('d365_note_id'),
    /** null (never pushed) | queued | pushing | pushed | skipped | error */
    d365_sync_status: text('d365_sync_status'),
    d365_sync_last_at: text('d365_sync_last_at'),
    d365_sync_error: text('d365_sync_error'),
    d365_sync_attempt_count: integer('d365_sync_attempt_count').notNull().default(0),
    /** where the lead first came from when not typed, imported or scanned by the rep: 'partner_center' */
    source: text('source'),
    /** when the rep archived the lead (out of the grid, KPIs and overview until restored); null while active */
    archived_at: text('archived_at'),
  },
  (t) => [
    uniqueIndex('leads_domain_uq').on(t.domain),
    // the key must stay ASCII: Unicode forms live in domain_display only
    check('leads_domain_ascii', sql`${t.domain} NOT GLOB '*[^ -~]*'`),
    index('leads_d365_sync_status_idx').on(t.d365_sync_status),
    // one index per grid sort, ending in domain (the tie-breaker): read forward for asc, backward for desc
    index('leads_grid_priority_idx').on(t.priority_category, sql`${t.readiness_score} DESC`, t.domain),
    index('leads_grid_company_idx').on(t.company_sort, t.domain),
    index('leads_grid_provider_idx').on(t.provider, t.domain),
    index('leads_grid_readiness_idx').on(t.readiness_score, t.domain),
    index('leads_grid_segment_idx').on(t.segment, t.domain),
    index('leads_grid_priority_score_idx').on(t.priority_score, t.domain),
    index('leads_grid_expires_idx').on(t.expires_at, t.domain),
    index('leads_grid_scanned_idx').on(t.scanned_at, t.domain),
    // partial: archived leads are few, so "which are archived" is a small index the grid subtracts from its walks
    index('leads_archived_idx')
      .on(t.archived_at)
      .where(sql`${t.archived_at} IS NOT NULL`),
  ],
);

/** The signals of the latest scan that produced a verdict: one row per lead, replaced on each such scan. */
export const leadSignals = sqliteTable('lead_signals', {
  lead_id: integer('lead_id')
    .primaryKey()
    .references(() => leads.id, { onDelete: 'cascade' }),
  provider: text('provider'),
  mx_records: text('mx_records', { mode: 'json' }).$type<string[] | null>(),
  mx_root: text('mx_root'),
  local_provider: text('local_provider'),
  tenant_size: text('tenant_size').$type<TenantSize>(),
  tenant_name: text('tenant_name'),
  spf: integer('spf', { mode: 'boolean' }),
  spf_record: text('spf_record'),
  spf_lookup_count: integer('spf_lookup_count'),
  dkim: integer('dkim', { mode: 'boolean' }),
  dkim_selectors: text('dkim_selectors', { mode: 'json' }).$type<DkimSelectorHit[]>(),
  dmarc_policy: text('dmarc_policy'),
  /** DMARC pct (0-100); null without a record */
  dmarc_coverage: integer('dmarc_coverage'),
  dmarc_record: text('dmarc_record'),
  ns: text('ns', { mode: 'json' }).$type<string[] | null>(),
  mx_a: text('mx_a', { mode: 'json' }).$type<string[] | null>(),
  registrar: text('registrar'),
  /** YYYY-MM-DD */
  created_on: text('created_on'),
  /** YYYY-MM-DD */
  expires_at: text('expires_at'),
  nameservers: text('nameservers', { mode: 'json' }).$type<string[]>(),
  whois_status: text('whois_status'),
  /** status and time of the scan these signals came from */
  scan_status: text('scan_status').$type<ScanStatus>().notNull(),
  scanned_at: text('scanned_at').notNull(),
  dns: text('dns', { mode: 'json' }).$type<DnsSignals | null>(),
  whois: text('whois', { mode: 'json' }).$type<WhoisSignal | null>(),
});

/** The latest verdict: one row per scanned lead. */
export const leadScores = sqliteTable('lead_scores', {
  lead_id: integer('lead_id')
    .primaryKey()
    .references(() => leads.id, { onDelete: 'cascade' }),
  readiness_score: integer('readiness_score').notNull(),
  segment: text('segment').$type<Segment>().notNull(),
  reason: text('reason').notNull(),
  priority_score: integer('priority_score').notNull(),
  technical_heat: text('technical_heat').notNull(),
  commercial_segment: text('commercial_segment').notNull(),
  commercial_heat: text('commercial_heat').notNull(),
  priority_category: text('priority_category').$type<PriorityCategory>().notNull(),
  priority_label: text('priority_label').notNull(),
  risk_flags: text('risk_flags', { mode: 'json' }).$type<string[]>().notNull(),
  breakdown: text('breakdown', { mode: 'json' }).$type<ScoreBreakdown>().notNull(),
  scored_at: text('scored_at').notNull(),
});

/** Tags derived by the scoring engine; the whole set of a lead is replaced on every verdict, so stale tags vanish. */
export const autoTags = sqliteTable(
  'auto_tags',
  {
    lead_id: integer('lead_id')
      .notNull()
      .references(() => leads.id, { onDelete: 'cascade' }),
    tag: text('tag').notNull(),
  },
  (t) => [primaryKey({ columns: [t.lead_id, t.tag] }), index('auto_tags_tag_idx').on(t.tag, t.lead_id)],
);

/** Append-only: one row per scan attempt, never rewritten. */
export const scanHistory = sqliteTable(
  'scan_history',
  {
    id: integer('id').primaryKey(),
    lead_id: integer('lead_id')
      .notNull()
      .references(() => leads.id, { onDelete: 'cascade' }),
    scanned_at: text('scanned_at').notNull(),
    scan_status: text('scan_status').$type<ScanStatus>().notNull(),
    readiness_score: integer('readiness_score'),
    segment: text('segment').$type<Segment>(),
    priority_category: text('priority_category').$type<PriorityCategory>(),
    provider: text('provider'),
    error: text('error'),
    /** field → [old, new] against the latest state before this scan; {} on the first scan */
    changes: text('changes', { mode: 'json' }).$type<Record<string, [unknown, unknown]>>().notNull(),
  },
  (t) => [
    index('scan_history_lead_idx').on(t.lead_id, t.scanned_at),
    index('scan_history_scanned_at_idx').on(t.scanned_at),
  ],
);

export const rawImports = sqliteTable('raw_imports', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  file_name: text('file_name').notNull(),
  imported_at: text('imported_at').notNull(),
  row_count: integer('row_count').notNull(),
});

/** Every input row as read from the file, kept so a rejected row can be explained later. */
export const rawImportRows = sqliteTable(
  'raw_import_rows',
  {
    import_id: integer('import_id')
      .notNull()
      .references(() => rawImports.id, { onDelete: 'cascade' }),
    row_number: integer('row_number').notNull(),
    raw: text('raw', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
    domain: text('domain'),
    error: text('error'),
  },
  (t) => [primaryKey({ columns: [t.import_id, t.row_number] }), index('raw_import_rows_domain_idx').on(t.domain)],
);

export const scanCache = sqliteTable(
  'scan_cache',
  {
    key: text('key').primaryKey(),
    value: text('value').notNull(),
    /** epoch ms */
    expires_at: integer('expires_at').notNull(),
  },
  (t) => [index('scan_cache_expires_at_idx').on(t.expires_at)],
);

export const settings = sqliteTable('settings', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
  updated_at: text('updated_at').notNull(),
});

/** Bulk scans survive a restart: the job and each of its domains are persisted before scanning starts. */
export const scanJobs = sqliteTable('scan_jobs', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  /** running | paused | done | cancelled | error (shared/ipc ScanJobState) */
  state: text('state').notNull(),
  total: integer('total').notNull(),
  done: integer('done').notNull().default(0),
  succeeded: integer('succeeded').notNull().default(0),
  failed: integer('failed').notNull().default(0),
  started_at: text('started_at').notNull(),
  updated_at: text('updated_at').notNull(),
  finished_at: text('finished_at'),
  options: text('options', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
  /** why the job stopped in state "error" (the cause as logged); null otherwise */
  error: text('error'),
});

export const scanJobItems = sqliteTable(
  'scan_job_items',
  {
    job_id: integer('job_id')
      .notNull()
      .references(() => scanJobs.id, { onDelete: 'cascade' }),
    /** insertion order, so a resumed job continues where it stopped */
    seq: integer('seq').notNull(),
    domain: text('domain').notNull(),
    /** pending | done | failed */
    state: text('state').notNull().default('pending'),
    error: text('error'),
  },
  (t) => [
    primaryKey({ columns: [t.job_id, t.seq] }),
    uniqueIndex('scan_job_items_domain_uq').on(t.job_id, t.domain),
    index('scan_job_items_state_idx').on(t.job_id, t.state, t.seq),
  ],
);

// CRM-lite is retired: these tables only hold what users wrote before, for reading.
export const legacyNotes = sqliteTable(
  'legacy_notes',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    domain: text('domain').notNull(),
    note: text('note').notNull(),
    created_at: text('created_at').notNull(),
    updated_at: text('updated_at').notNull(),
  },
  (t) => [index('legacy_notes_domain_idx').on(t.domain)],
);

export const legacyTags = sqliteTable(
  'legacy_tags',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    domain: text('domain').notNull(),
    tag: text('tag').notNull(),
    created_at: text('created_at').notNull(),
  },
  (t) => [index('legacy_tags_domain_idx').on(t.domain)],
);

export const legacyFavorites = sqliteTable(
  'legacy_favorites',
  {
    domain: text('domain').notNull(),
    user_id: text('user_id').notNull(),
    created_at: text('created_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.domain, t.user_id] })],
);

// ---- Integrations (migration 0001) ----

/** Partner Center referrals. Joined to leads by domain only: a referral may arrive before its lead. */
export const partnerCenterReferrals = sqliteTable(
  'partner_center_referrals',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    referral_id: text('referral_id').notNull(),
    engagement_id: text('engagement_id'),
    external_reference_id: text('external_reference_id'),
    /** ours: co-sell | marketplace | solution-provider | other */
    referral_type: text('referral_type'),
    /** the referral's own name in Partner Center */
    name: text('name'),
    /** the API's own `type` */
    type: text('type'),
    qualification: text('qualification'),
    status: text('status'),
    substatus: text('substatus'),
    direction: text('direction'),
    company_name: text('company_name'),
    customer_name: text('customer_name'),
    customer_country: text('customer_country'),
    domain: text('domain'),
    /** un-normalised host the domain was derived from, for debugging */
    raw_domain: text('raw_domain'),
    azure_tenant_id: text('azure_tenant_id'),
    deal_value: real('deal_value'),
    currency: text('currency'),
    customer_size: text('customer_size'),
    /** details.closingDateTime */
    closing_at: text('closing_at'),
    /** linked | unlinked */
    link_status: text('link_status'),
    linked_lead_id: integer('linked_lead_id').references(() => leads.id, { onDelete: 'set null' }),
    raw_data: text('raw_data', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
    /** Partner Center's concurrency token from the last copy we stored; sent as If-Match when answering */
    etag: text('etag'),
    /** Partner Center's createdDateTime / updatedDateTime */
    pc_created_at: text('pc_created_at'),
    pc_updated_at: text('pc_updated_at'),
    /** when a sync last changed this referral's stored data */
    synced_at: text('synced_at').notNull(),
    created_at: text('created_at').notNull(),
    updated_at: text('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('pc_referrals_referral_id_uq').on(t.referral_id),
    index('pc_referrals_domain_idx').on(t.domain),
    index('pc_referrals_status_idx').on(t.status),
    index('pc_referrals_type_idx').on(t.referral_type),
    index('pc_referrals_link_status_idx').on(t.link_status),
    index('pc_referrals_synced_at_idx').on(t.synced_at),
    index('pc_referrals_tenant_idx').on(t.azure_tenant_id),
  ],
);

export const pcSyncRuns = sqliteTable('pc_sync_runs', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  started_at: text('started_at').notNull(),
  finished_at: text('finished_at'),
  fetched: integer('fetched').notNull().default(0),
  inserted: integer('inserted').notNull().default(0),
  updated: integer('updated').notNull().default(0),
  skipped: integer('skipped').notNull().default(0),
  failed: integer('failed').notNull().default(0),
  error: text('error'),
  /** full | incremental */
  mode: text('mode'),
  unchanged: integer('unchanged').notNull().default(0),
  leads_created: integer('leads_created').notNull().default(0),
  linked: integer('linked').notNull().default(0),
  unlinked: integer('unlinked').notNull().default(0),
  duration_ms: integer('duration_ms'),
});

/**
 * Pushes to Dynamics 365 are queued here in the same transaction as the lead's push state, then sent by a worker.
 * The payload holds the GUID of every record the push writes, chosen when it was queued: each write is an upsert on
 * that id, so a push resent after a crash or a lost answer updates instead of creating.
 */
export const d365Outbox = sqliteTable(
  'd365_outbox',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    lead_domain: text('lead_domain').notNull(),
    /** push_lead | push_pipeline */
    operation: text('operation').notNull(),
    /** D365PushPayload (main/integrations/dynamics/push-plan.ts) */
    payload: text('payload', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
    /** queued | sending | done | skipped | failed; "sending" left by a crash counts as queued */
    state: text('state').notNull().default('queued'),
    attempts: integer('attempts').notNull().default(0),
    next_attempt_at: text('next_attempt_at'),
    last_error: text('last_error'),
    /** HTTP status of the last failed attempt (null for no answer) */
    last_status: integer('last_status'),
    idempotency_key: text('idempotency_key').notNull(),
    /** the record the push ended on (the lead, or the opportunity in pipeline mode), and the account it hangs on */
    record_id: text('record_id'),
    account_id: text('account_id'),
    created_at: text('created_at').notNull(),
    updated_at: text('updated_at').notNull(),
    finished_at: text('finished_at'),
  },
  (t) => [
    uniqueIndex('d365_outbox_idempotency_uq').on(t.idempotency_key),
    index('d365_outbox_due_idx').on(t.state, t.next_attempt_at),
    index('d365_outbox_domain_idx').on(t.lead_domain),
  ],
);

/** Current value of each counter/gauge, persisted so figures survive restarts . */
export const metrics = sqliteTable(
  'metrics',
  {
    name: text('name').notNull(),
    /** canonical JSON of the label set ('{}' when none), part of the key */
    labels: text('labels').notNull().default('{}'),
    value: real('value').notNull(),
    updated_at: text('updated_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.name, t.labels] })],
);

/** Individual observations (durations, outcomes) for averages over the last N events. */
export const metricEvents = sqliteTable(
  'metric_events',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    name: text('name').notNull(),
    labels: text('labels').notNull().default('{}'),
    value: real('value').notNull(),
    at: text('at').notNull(),
  },
  (t) => [index('metric_events_name_idx').on(t.name, t.at)],
);

export const featureFlags = sqliteTable('feature_flags', {
  key: text('key').primaryKey(),
  enabled: integer('enabled', { mode: 'boolean' }).notNull(),
  updated_at: text('updated_at').notNull(),
});
