// LeadQuery → SQL for the grid, export and bulk actions. Every sort key maps through a fixed table, so user input
// only ever reaches SQL as bound parameters.
import { and, asc, desc, eq, gte, inArray, lte, sql } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import type { LeadQuery, LeadSortKey } from '../../shared/leads';
import { autoTags, leadScores, leadSignals, leads } from './schema';
import { FOLD_SQL_FUNCTION, foldSearch } from './search-fold';

/** A domain that expired longer ago than this is gone, not "expiring": the expiry filter leaves it out. */
export const EXPIRED_GRACE_DAYS = 30;

export function leadWhere(query: LeadQuery, now: Date): SQL | undefined {
  const conditions: (SQL | undefined)[] = [];

  // every word must appear somewhere in the folded domain / name / provider text
  for (const word of foldSearch(query.search ?? '').split(/\s+/).filter(Boolean)) {
    conditions.push(sql`instr(${leads.search_text}, ${word}) > 0`);
  }
  if (query.providers?.length) conditions.push(inArray(leadSignals.provider, query.providers));
  if (query.segments?.length) conditions.push(inArray(leadScores.segment, query.segments));
  if (query.categories?.length) conditions.push(inArray(leadScores.priority_category, query.categories));
  if (query.min_score !== undefined) conditions.push(gte(leadScores.readiness_score, query.min_score));
  if (query.max_score !== undefined) conditions.push(lte(leadScores.readiness_score, query.max_score));
  if (query.risk_flag) {
    conditions.push(sql`EXISTS (SELECT 1 FROM json_each(${leadScores.risk_flags}) WHERE value = ${query.risk_flag})`);
  }
  if (query.tag) {
    conditions.push(
      sql`EXISTS (SELECT 1 FROM ${autoTags} WHERE ${autoTags.lead_id} = ${leads.id} AND ${autoTags.tag} = ${query.tag})`,
    );
  }
  if (query.expiring_within_days !== undefined) {
    conditions.push(gte(leadSignals.expires_at, isoDay(now, -EXPIRED_GRACE_DAYS)));
    conditions.push(lte(leadSignals.expires_at, isoDay(now, query.expiring_within_days)));
  }
  if (query.domains) {
    // a JSON array parameter keeps a 100,000-domain selection inside SQLite's bound-variable limit
    conditions.push(sql`${leads.domain} IN (SELECT value FROM json_each(${JSON.stringify(query.domains)}))`);
  }
  if (query.scanned === 'scanned') conditions.push(sql`${leads.scanned_at} IS NOT NULL`);
  if (query.scanned === 'unscanned') conditions.push(sql`${leads.scanned_at} IS NULL`);
  return and(...conditions);
}

/**
 * Which 1:1 side tables a query's filters read. Both joins are LEFT JOINs on the side table's primary key, so
 * leaving out one no filter needs cannot change a count: counting 100,000 leads without them is ~20x cheaper.
 */
export function filterJoins(query: LeadQuery): { scores: boolean; signals: boolean } {
  return {
    scores: !!(query.segments?.length || query.categories?.length || query.min_score !== undefined || query.max_score !== undefined || query.risk_flag),
    signals: !!(query.providers?.length || query.expiring_within_days !== undefined),
  };
}

const SORT_COLUMNS: Record<Exclude<LeadSortKey, 'priority'>, SQLiteColumn> = {
  domain: leads.domain,
  company_name: leads.company_name,
  provider: leadSignals.provider,
  readiness_score: leadScores.readiness_score,
  segment: leadScores.segment,
  priority_score: leadScores.priority_score,
  expires_at: leadSignals.expires_at,
  scanned_at: leads.scanned_at,
};

/**
 * ORDER BY for a query. Leads without the sorted value (unscanned, no WHOIS date...) always come last, and the
 * domain breaks ties so paging is stable. 'priority' (the default) is P-category best first, then readiness high
 * to low; 'desc' reverses both.
 */
export function leadOrderBy(query: LeadQuery): SQL[] {
  const key = query.sort ?? 'priority';
  const descending = query.order === 'desc';
  const dir = (c: SQLiteColumn | SQL) => (descending ? desc(c) : asc(c));
  if (key === 'priority') {
    const category = leadScores.priority_category;
    const score = leadScores.readiness_score;
    return [sql`${category} IS NULL`, dir(category), descending ? asc(score) : desc(score), asc(leads.domain)];
  }
  const column = SORT_COLUMNS[key];
  const value = key === 'company_name' ? sql`${sql.raw(FOLD_SQL_FUNCTION)}(${column})` : sql`${column}`;
  return [sql`${column} IS NULL`, dir(value), asc(leads.domain)];
}

/** YYYY-MM-DD of now + days, in UTC like the stored WHOIS dates. */
export function isoDay(now: Date, days: number): string {
  return new Date(now.getTime() + days * 86_400_000).toISOString().slice(0, 10);
}

export const joinScores = eq(leadScores.lead_id, leads.id);
export const joinSignals = eq(leadSignals.lead_id, leads.id);
