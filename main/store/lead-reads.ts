// Read side of the leads repository: the grid page, the detail view, history and dashboard figures.
import { and, asc, count, desc, eq, gte, inArray, isNotNull, max, sql } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import type { Kpis, LeadDetail, LeadPage, LeadQuery, LeadRow, LeadStats, ScanHistoryEntry } from '../../shared/leads';
import { TOP_PRIORITY_CATEGORIES } from '../../shared/domain';
import { SPARSE_COLUMN_IDS } from '../../shared/lead-columns';
import type { SparseColumnId } from '../../shared/lead-columns';
import type { Clock, Db } from './db-types';
import {
  ARCHIVED_IDS,
  ftsQuery,
  identityOnlyWords,
  isoDay,
  leadWhere,
  pageMode,
  SEARCH_INDEX,
  searchWords,
  sortPlan,
} from './lead-filters';
import type { MatchMode } from './lead-filters';
import { autoTags, leadScores, leadSignals, leads, partnerCenterReferrals, scanHistory } from './schema';

export const DEFAULT_PAGE_SIZE = 100;
const STATS_DAYS = 30;
/** How many leads a sparse column's probe looks at, at most (see hasData) */
export const SPARSE_PROBE_LIMIT = 2000;

export interface LeadReads {
  listLeads(query: LeadQuery): LeadPage;
  /** every matching domain in grid order, for bulk actions (scan, export, push) */
  allDomains(query: LeadQuery): string[];
  getLead(domain: string): LeadDetail | null;
  /** newest first */
  getHistory(domain: string): ScanHistoryEntry[];
  kpis(): Kpis;
  stats(): LeadStats;
}

export function createLeadReads(db: Db, now: Clock): LeadReads {
  // referral figures come from a domain join: a referral can exist before (or without) its lead. The outer column
  // is spelled out: drizzle leaves columns unqualified in single-table queries, and inside this subquery a bare
  // "domain" would mean the referral's own column.
  const leadDomain = sql.raw('"leads"."domain"');
  const referralCount = sql<number>`(SELECT count(*) FROM ${partnerCenterReferrals} WHERE ${partnerCenterReferrals.domain} = ${leadDomain})`;
  // the type of the most recently synced referral (not the alphabetical MAX, which names an arbitrary one)
  const referralType = sql<string | null>`(SELECT ${partnerCenterReferrals.referral_type} FROM ${partnerCenterReferrals}
    WHERE ${partnerCenterReferrals.domain} = ${leadDomain} AND ${partnerCenterReferrals.referral_type} IS NOT NULL
    ORDER BY ${partnerCenterReferrals.synced_at} DESC, ${partnerCenterReferrals.id} DESC LIMIT 1)`;
  const referralId = sql<string | null>`(SELECT ${partnerCenterReferrals.referral_id} FROM ${partnerCenterReferrals}
    WHERE ${partnerCenterReferrals.domain} = ${leadDomain}
    ORDER BY ${partnerCenterReferrals.synced_at} DESC, ${partnerCenterReferrals.id} DESC LIMIT 1)`;

  const rowColumns = {
    id: leads.id,
    domain: leads.domain,
    domain_display: leads.domain_display,
    company_name: leads.company_name,
    city: leads.city,
    contact_email: leads.contact_email,
    contact_phone: leads.contact_phone,
    provider: leads.provider,
    readiness_score: leads.readiness_score,
    segment: leads.segment,
    priority_score: leads.priority_score,
    priority_category: leads.priority_category,
    priority_label: leads.priority_label,
    risk_flags_text: leads.risk_flags_text,
    tags_text: leads.tags_text,
    expires_at: leads.expires_at,
    scanned_at: leads.scanned_at,
    scan_status: leads.scan_status,
    referral_count: referralCount,
    referral_type: referralType,
    referral_id: referralId,
    d365_sync_status: leads.d365_sync_status,
    d365_lead_id: leads.d365_lead_id,
    d365_sync_error: leads.d365_sync_error,
  };
  const detailColumns = {
    ...rowColumns,
    mx_root: leadSignals.mx_root,
    local_provider: leadSignals.local_provider,
    tenant_size: leadSignals.tenant_size,
    tenant_name: leadSignals.tenant_name,
    technical_heat: leadScores.technical_heat,
    commercial_segment: leadScores.commercial_segment,
    commercial_heat: leadScores.commercial_heat,
    reason: leadScores.reason,
    dns: leadSignals.dns,
    whois: leadSignals.whois,
    breakdown: leadScores.breakdown,
    contact_quality_score: leads.contact_quality_score,
    created_at: leads.created_at,
    archived_at: leads.archived_at,
  };
  const selectDetail = db
    .select(detailColumns)
    .from(leads)
    .leftJoin(leadScores, eq(leadScores.lead_id, leads.id))
    .leftJoin(leadSignals, eq(leadSignals.lead_id, leads.id))
    .where(eq(leads.domain, sql.placeholder('domain')))
    .prepare();
  type RowRecord = Pick<NonNullable<ReturnType<typeof selectDetail.get>>, keyof typeof rowColumns>;
  const selectHistory = db
    .select({
      scanned_at: scanHistory.scanned_at,
      scan_status: scanHistory.scan_status,
      readiness_score: scanHistory.readiness_score,
      segment: scanHistory.segment,
      priority_category: scanHistory.priority_category,
      provider: scanHistory.provider,
      changes: scanHistory.changes,
    })
    .from(scanHistory)
    .innerJoin(leads, eq(leads.id, scanHistory.lead_id))
    .where(eq(leads.domain, sql.placeholder('domain')))
    .orderBy(desc(scanHistory.scanned_at), desc(scanHistory.id))
    .prepare();

  function toRow(r: RowRecord): LeadRow {
    const { id: _id, risk_flags_text, tags_text, ...fields } = r;
    return { ...fields, risk_flags: undelimited(risk_flags_text), tags: undelimited(tags_text) };
  }

  /**
   * What "has data" means for each hide-when-empty grid column: `from` … `where` reads the leads having it from the
   * column's own index (a referral's from the referrals), `test` asks it of one lead without using that index.
   */
  const sparse: Record<SparseColumnId, { from: SQL; where: SQL; test: SQL }> = {
    expiry: { from: sql`${leads}`, where: isNotNull(leads.expires_at), test: sql`+${leads.expires_at} IS NOT NULL` },
    d365: {
      from: sql`${leads}`,
      where: isNotNull(leads.d365_sync_status),
      test: sql`+${leads.d365_sync_status} IS NOT NULL`,
    },
    referral: {
      // CROSS JOIN keeps the referrals as the outer loop
      from: sql`${partnerCenterReferrals} CROSS JOIN ${leads} ON ${leadDomain} = ${partnerCenterReferrals.domain}`,
      where: sql`1`,
      test: sql`EXISTS (SELECT 1 FROM ${partnerCenterReferrals} WHERE ${partnerCenterReferrals.domain} = ${leadDomain})`,
    },
  };

  /**
   * Whether some lead of the result has data for a sparse column: the smaller side, the leads with data (few, or
   * no filter) or the result's matches, is walked until the first lead in both. A side longer than
   * SPARSE_PROBE_LIMIT is walked that far only, and without an answer by then the column stays shown.
   */
  function hasData(id: SparseColumnId, match: Matcher, total: number): boolean {
    const { from, where, test } = sparse[id];
    const withData = db.get<{ n: number }>(
      sql`SELECT count(*) AS n FROM (SELECT 1 FROM ${from} WHERE ${where} LIMIT ${total + 1})`,
    ).n;
    if (withData === 0) return false;
    const fromData = withData <= total;
    const hits = fromData
      ? sql`SELECT (${match.where('walk') ?? sql`1`}) AS hit FROM ${from} WHERE ${where}`
      : sql`SELECT (${test}) AS hit FROM ${leads} WHERE ${match.where('count') ?? sql`1`}`;
    const found = db.all(sql`SELECT 1 FROM (${hits} LIMIT ${SPARSE_PROBE_LIMIT}) WHERE hit LIMIT 1`).length > 0;
    return found || (fromData ? withData : total) > SPARSE_PROBE_LIMIT;
  }

  type Key = { id: number; domain: string };
  type Window = { offset: number; limit: number };

  /** Keys in grid order for one part of a sort plan (see SortPlan), optionally one window of it. */
  function keysOf(where: SQL | undefined, order: SQL[], window?: Window): Key[] {
    const q = db
      .select({ id: leads.id, domain: leads.domain })
      .from(leads)
      .where(where)
      .orderBy(...order);
    return (window ? q.limit(window.limit).offset(window.offset) : q).all();
  }

  function countOf(where: SQL | undefined): number {
    return db.select({ n: count() }).from(leads).where(where).all()[0]!.n;
  }

  // every stored provider name, one index seek each (a loose scan: skipping from each name to the next)
  const selectProviders = db.$client.prepare<[], { name: string }>(
    `WITH RECURSIVE p(name) AS (SELECT min(provider) FROM leads
       UNION ALL SELECT (SELECT min(provider) FROM leads WHERE provider > p.name) FROM p WHERE p.name IS NOT NULL)
     SELECT name FROM p WHERE name IS NOT NULL`,
  );

  /** One query's conditions in any MatchMode, with what they need read once. */
  function matcher(query: LeadQuery) {
    const at = now();
    const words = searchWords(query.search);
    const providers = words.long.length ? selectProviders.all().map((row) => row.name) : [];
    return {
      query,
      where: (mode: MatchMode) => leadWhere(query, at, mode, providers),
      /** How many leads match: from the trigram index alone when the search is all there is to the query. */
      count(): number {
        const identityOnly = identityOnlyWords(words, providers).length === words.long.length;
        const archived = query.archived ?? 'exclude';
        if (
          words.long.length &&
          identityOnly &&
          !words.short.length &&
          archived !== 'only' &&
          !leadWhere({ ...query, search: undefined, archived: 'include' }, at, 'count')
        ) {
          const matches = db.get<{ n: number }>(
            sql`SELECT count(*) AS n FROM ${SEARCH_INDEX} WHERE ${SEARCH_INDEX} MATCH ${ftsQuery(words.long)}`,
          ).n;
          // the archived matches are few: count them apart rather than give up the index-only count
          return archived === 'include'
            ? matches
            : matches - countOf(leadWhere({ ...query, archived: 'only' }, at, 'count', providers));
        }
        return countOf(leadWhere(query, at, 'count', providers));
      },
    };
  }
  type Matcher = ReturnType<typeof matcher>;

  /**
   * Keys in grid order: first the leads having the sorted value, then the NULL tail; without a window every key.
   * A window inside the head never needs to know where the head ends; past it, the head is counted.
   */
  function orderedKeys(match: Matcher, mode: MatchMode, window?: Window): Key[] {
    const where = match.where(mode);
    const plan = sortPlan(match.query);
    if (!plan.nullable) return keysOf(where, plan.order, window);
    // outside walk mode the sort index must not serve the NULL tests either
    const sorted = mode === 'walk' ? sql`${plan.nullable}` : sql`+${plan.nullable}`;
    const headWhere = and(where, sql`${sorted} IS NOT NULL`);
    const tailWhere = and(where, sql`${sorted} IS NULL`);
    if (!window) return [...keysOf(headWhere, plan.order), ...keysOf(tailWhere, plan.tailOrder)];
    const head = keysOf(headWhere, plan.order, window);
    if (head.length === window.limit) return head;
    const headSize =
      head.length > 0 ? window.offset + head.length : countOf(and(match.where('count'), isNotNull(plan.nullable)));
    const tail = keysOf(tailWhere, plan.tailOrder, {
      offset: Math.max(0, window.offset - headSize),
      limit: window.limit - head.length,
    });
    return [...head, ...tail];
  }

  /** Rough size of the table for pageMode(): the largest id, without counting 100,000 rows. */
  function leadCount(): number {
    return (
      db
        .select({ n: max(leads.id) })
        .from(leads)
        .all()[0]!.n ?? 0
    );
  }

  function listLeads(query: LeadQuery): LeadPage {
    const offset = query.offset ?? 0;
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    return db.$client.transaction(() => {
      // one read transaction: the count and the page see the same snapshot even while a scan writes
      const match = matcher(query);
      const total = match.count();
      const columns_with_data = SPARSE_COLUMN_IDS.filter((id) => total > 0 && hasData(id, match, total));
      if (offset >= total) return { rows: [], total, offset, columns_with_data };
      const ids = orderedKeys(match, pageMode(query, total, leadCount(), offset + limit), { offset, limit }).map(
        (k) => k.id,
      );
      if (ids.length === 0) return { rows: [], total, offset, columns_with_data };
      const byId = new Map(
        db
          .select(rowColumns)
          .from(leads)
          .where(inArray(leads.id, ids))
          .all()
          .map((r) => [r.id, r]),
      );
      return { rows: ids.map((id) => toRow(byId.get(id)!)), total, offset, columns_with_data };
    })();
  }

  function allDomains(query: LeadQuery): string[] {
    return db.$client.transaction(() => {
      const match = matcher(query);
      const total = match.count();
      return orderedKeys(match, pageMode(query, total, leadCount(), total)).map((k) => k.domain);
    })();
  }

  function getLead(domain: string): LeadDetail | null {
    const r = selectDetail.get({ domain });
    if (!r) return null;
    return {
      ...toRow(r),
      mx_root: r.mx_root,
      local_provider: r.local_provider,
      tenant_size: r.tenant_size,
      tenant_name: r.tenant_name,
      technical_heat: r.technical_heat,
      commercial_segment: r.commercial_segment,
      commercial_heat: r.commercial_heat,
      reason: r.reason,
      dns: r.dns ?? null,
      whois: r.whois ?? null,
      breakdown: r.breakdown,
      contact_quality_score: r.contact_quality_score,
      created_at: r.created_at,
      archived_at: r.archived_at,
    };
  }

  function getHistory(domain: string): ScanHistoryEntry[] {
    return selectHistory.all({ domain });
  }

  function kpis(): Kpis {
    const migration = sql`${leads.segment} = 'Migration'`;
    const [k] = db
      .select({
        total_leads: count(),
        migration: sql<number>`coalesce(sum(${migration}), 0)`,
        high_priority: sql<number>`coalesce(sum(${inArray(leads.priority_category, [...TOP_PRIORITY_CATEGORIES])}), 0)`,
        max_score: max(leads.readiness_score),
      })
      .from(leads)
      .where(active(leads.id))
      .all();
    return k;
  }

  function stats(): LeadStats {
    // each count walks one grid index of leads (leads_grid_*_idx starts with the column)
    const by = (column: typeof leads.provider | typeof leads.segment | typeof leads.priority_category) =>
      db
        .select({ key: sql<string>`${column}`, count: count() })
        .from(leads)
        .where(and(isNotNull(column), active(leads.id)))
        .groupBy(column)
        .orderBy(desc(count()), asc(column))
        .all();

    const today = now();
    const days = Array.from({ length: STATS_DAYS }, (_, i) => isoDay(today, i - (STATS_DAYS - 1)));
    const day = sql<string>`substr(${scanHistory.scanned_at}, 1, 10)`;
    const perDay = new Map(
      db
        .select({ day, count: count() })
        .from(scanHistory)
        .where(
          and(
            gte(scanHistory.scanned_at, days[0]),
            sql`${day} <= ${days[days.length - 1]}`,
            active(scanHistory.lead_id),
          ),
        )
        .groupBy(day)
        .all()
        .map((r) => [r.day, r.count]),
    );
    const riskFlag = sql<string>`flag.value`;
    const byRiskFlag = db
      .select({ key: riskFlag, count: count() })
      .from(sql`${leadScores}, json_each(${leadScores.risk_flags}) AS flag`)
      .where(active(leadScores.lead_id))
      .groupBy(riskFlag)
      .orderBy(desc(count()), asc(riskFlag))
      .all();
    const byTag = db
      .select({ key: autoTags.tag, count: count() })
      .from(autoTags)
      .where(active(autoTags.lead_id))
      .groupBy(autoTags.tag)
      .orderBy(desc(count()), asc(autoTags.tag))
      .all();
    return {
      by_provider: by(leads.provider),
      by_segment: by(leads.segment),
      by_category: by(leads.priority_category),
      by_risk_flag: byRiskFlag,
      by_tag: byTag,
      // every day of the window, zeros included, so charts need no gap filling
      scans_per_day: days.map((d) => ({ day: d, count: perDay.get(d) ?? 0 })),
    };
  }

  return { listLeads, allDomains, getLead, getHistory, kpis, stats };
}

/** Not an archived lead's: the dashboard figures leave archived leads out, as the grid does by default. */
function active(leadId: SQLiteColumn): SQL {
  return sql`${leadId} NOT IN ${ARCHIVED_IDS}`;
}

/** ",a,b," → ["a", "b"] */
function undelimited(text: string | null): string[] {
  return text ? text.slice(1, -1).split(',') : [];
}
