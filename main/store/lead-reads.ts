// Read side of the leads repository: the grid page, the detail view, history and dashboard figures.
import { and, asc, count, desc, eq, gte, inArray, isNotNull, max, sql } from 'drizzle-orm';
import type { Kpis, LeadDetail, LeadPage, LeadQuery, LeadRow, LeadStats, ScanHistoryEntry } from '../../shared/leads';
import type { Clock, Db } from './db';
import { filterJoins, isoDay, joinScores, joinSignals, leadOrderBy, leadWhere } from './lead-filters';
import { autoTags, leadScores, leadSignals, leads, partnerCenterReferrals, scanHistory } from './schema';

export const DEFAULT_PAGE_SIZE = 100;
const STATS_DAYS = 30;

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
  // referral figures come from a domain join: a referral can exist before (or without) its lead
  const referralCount = sql<number>`(SELECT count(*) FROM ${partnerCenterReferrals} WHERE ${partnerCenterReferrals.domain} = ${leads.domain})`;
  // the type of the most recently synced referral (the reference took the alphabetical MAX, §10 #26)
  const referralType = sql<string | null>`(SELECT ${partnerCenterReferrals.referral_type} FROM ${partnerCenterReferrals}
    WHERE ${partnerCenterReferrals.domain} = ${leads.domain} AND ${partnerCenterReferrals.referral_type} IS NOT NULL
    ORDER BY ${partnerCenterReferrals.synced_at} DESC, ${partnerCenterReferrals.id} DESC LIMIT 1)`;

  const rowColumns = {
    id: leads.id,
    domain: leads.domain,
    domain_display: leads.domain_display,
    company_name: leads.company_name,
    provider: leadSignals.provider,
    readiness_score: leadScores.readiness_score,
    segment: leadScores.segment,
    priority_score: leadScores.priority_score,
    priority_category: leadScores.priority_category,
    priority_label: leadScores.priority_label,
    risk_flags: leadScores.risk_flags,
    expires_at: leadSignals.expires_at,
    scanned_at: leads.scanned_at,
    scan_status: leads.scan_status,
    referral_count: referralCount,
    referral_type: referralType,
    d365_sync_status: leads.d365_sync_status,
    d365_lead_id: leads.d365_lead_id,
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
  };
  const selectDetail = db
    .select(detailColumns)
    .from(leads)
    .leftJoin(leadScores, joinScores)
    .leftJoin(leadSignals, joinSignals)
    .where(eq(leads.domain, sql.placeholder('domain')))
    .prepare();
  type RowRecord = Pick<NonNullable<ReturnType<typeof selectDetail.get>>, keyof typeof rowColumns>;
  const selectTags = db
    .select({ tag: autoTags.tag })
    .from(autoTags)
    .where(eq(autoTags.lead_id, sql.placeholder('lead_id')))
    .orderBy(asc(autoTags.tag))
    .prepare();
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

  function toRow(r: RowRecord, tags: string[]): LeadRow {
    return {
      domain: r.domain,
      domain_display: r.domain_display,
      company_name: r.company_name,
      provider: r.provider,
      readiness_score: r.readiness_score,
      segment: r.segment,
      priority_score: r.priority_score,
      priority_category: r.priority_category,
      priority_label: r.priority_label,
      risk_flags: r.risk_flags ?? [],
      tags,
      expires_at: r.expires_at,
      scanned_at: r.scanned_at,
      scan_status: r.scan_status,
      referral_count: r.referral_count,
      referral_type: r.referral_type,
      d365_sync_status: r.d365_sync_status,
      d365_lead_id: r.d365_lead_id,
    };
  }

  /** Sorting and paging run on ids only; the page's full rows are fetched afterwards (far cheaper on 100k leads). */
  function matchingIds(query: LeadQuery, page?: { offset: number; limit: number }): number[] {
    const base = db
      .select({ id: leads.id })
      .from(leads)
      .leftJoin(leadScores, joinScores)
      .leftJoin(leadSignals, joinSignals)
      .where(leadWhere(query, now()))
      .orderBy(...leadOrderBy(query));
    const rows = page ? base.limit(page.limit).offset(page.offset).all() : base.all();
    return rows.map((r) => r.id);
  }

  function listLeads(query: LeadQuery): LeadPage {
    const offset = query.offset ?? 0;
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    return db.$client.transaction(() => {
      // one read transaction: the count and the page see the same snapshot even while a scan writes
      const joins = filterJoins(query);
      const counted = db.select({ total: count() }).from(leads).$dynamic();
      if (joins.scores) counted.leftJoin(leadScores, joinScores);
      if (joins.signals) counted.leftJoin(leadSignals, joinSignals);
      const [{ total }] = counted.where(leadWhere(query, now())).all();
      const ids = matchingIds(query, { offset, limit });
      if (ids.length === 0) return { rows: [], total, offset };
      const records = db
        .select(rowColumns)
        .from(leads)
        .leftJoin(leadScores, joinScores)
        .leftJoin(leadSignals, joinSignals)
        .where(inArray(leads.id, ids))
        .all();
      const tags = new Map<number, string[]>();
      for (const t of db
        .select({ lead_id: autoTags.lead_id, tag: autoTags.tag })
        .from(autoTags)
        .where(inArray(autoTags.lead_id, ids))
        .orderBy(asc(autoTags.tag))
        .all()) {
        tags.set(t.lead_id, [...(tags.get(t.lead_id) ?? []), t.tag]);
      }
      const byId = new Map(records.map((r) => [r.id, r]));
      const rows = ids.map((id) => toRow(byId.get(id)!, tags.get(id) ?? []));
      return { rows, total, offset };
    })();
  }

  function allDomains(query: LeadQuery): string[] {
    return db
      .select({ domain: leads.domain })
      .from(leads)
      .leftJoin(leadScores, joinScores)
      .leftJoin(leadSignals, joinSignals)
      .where(leadWhere(query, now()))
      .orderBy(...leadOrderBy(query))
      .all()
      .map((r) => r.domain);
  }

  function getLead(domain: string): LeadDetail | null {
    const r = selectDetail.get({ domain });
    if (!r) return null;
    const tags = selectTags.all({ lead_id: r.id }).map((t) => t.tag);
    return {
      ...toRow(r, tags),
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
    };
  }

  function getHistory(domain: string): ScanHistoryEntry[] {
    return selectHistory.all({ domain });
  }

  function kpis(): Kpis {
    const migration = sql`${leadScores.segment} = 'Migration'`;
    const [k] = db
      .select({
        total_leads: count(),
        migration: sql<number>`coalesce(sum(${migration}), 0)`,
        high_priority: sql<number>`coalesce(sum(${migration} AND ${leadScores.readiness_score} >= 70), 0)`,
        max_score: max(leadScores.readiness_score),
      })
      .from(leads)
      .leftJoin(leadScores, joinScores)
      .all();
    return k;
  }

  function stats(): LeadStats {
    // each count reads one table through its own index: no join needed, every row there belongs to a lead
    const bySignals = (column: typeof leadSignals.provider) =>
      db.select({ key: sql<string>`${column}`, count: count() }).from(leadSignals).where(isNotNull(column))
        .groupBy(column).orderBy(desc(count()), asc(column)).all();
    const byScores = (column: typeof leadScores.segment | typeof leadScores.priority_category) =>
      db.select({ key: sql<string>`${column}`, count: count() }).from(leadScores)
        .groupBy(column).orderBy(desc(count()), asc(column)).all();

    const today = now();
    const days = Array.from({ length: STATS_DAYS }, (_, i) => isoDay(today, i - (STATS_DAYS - 1)));
    const day = sql<string>`substr(${scanHistory.scanned_at}, 1, 10)`;
    const perDay = new Map(
      db
        .select({ day, count: count() })
        .from(scanHistory)
        .where(and(gte(scanHistory.scanned_at, days[0]), sql`${day} <= ${days[days.length - 1]}`))
        .groupBy(day)
        .all()
        .map((r) => [r.day, r.count]),
    );
    const riskFlag = sql<string>`flag.value`;
    const byRiskFlag = db
      .select({ key: riskFlag, count: count() })
      .from(sql`${leadScores}, json_each(${leadScores.risk_flags}) AS flag`)
      .groupBy(riskFlag)
      .orderBy(desc(count()), asc(riskFlag))
      .all();
    const byTag = db
      .select({ key: autoTags.tag, count: count() })
      .from(autoTags)
      .groupBy(autoTags.tag)
      .orderBy(desc(count()), asc(autoTags.tag))
      .all();
    return {
      by_provider: bySignals(leadSignals.provider),
      by_segment: byScores(leadScores.segment),
      by_category: byScores(leadScores.priority_category),
      by_risk_flag: byRiskFlag,
      by_tag: byTag,
      // every day of the window, zeros included, so charts need no gap filling
      scans_per_day: days.map((d) => ({ day: d, count: perDay.get(d) ?? 0 })),
    };
  }

  return { listLeads, allDomains, getLead, getHistory, kpis, stats };
}
