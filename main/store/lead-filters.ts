// LeadQuery → SQL for the grid, export and bulk actions, all on the leads table's read-model columns. Every sort key
// maps through a fixed table, so user input only ever reaches SQL as bound parameters.
import { and, asc, desc, eq, gte, inArray, isNotNull, isNull, lte, sql } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import type { LeadQuery, LeadSortKey } from '../../shared/leads';
import { leads, partnerCenterReferrals } from './schema';
import { withoutControlChars } from '../../shared/text';
import { foldSearch } from './search-fold';

/** A domain that expired longer ago than this is gone, not "expiring": the expiry filter leaves it out. */
export const EXPIRED_GRACE_DAYS = 30;

/**
 * The trigram index over each lead's identity (search_text without its provider line; migration
 * 0003_search_index), kept in step by triggers. The provider is matched through its own column.
 */
export const SEARCH_INDEX = sql.raw('"leads_search"');

/** A trigram index finds nothing for a shorter word: such words are looked for in the text itself. */
const MIN_INDEXED_WORD = 3;

/**
 * Which access path a condition set is written for; the rows it selects are the same in every mode.
 * - `count`: filter columns may use their own index and search words their trigram index (counting matches).
 * - `walk`: nothing may use an index, so a page query walks the sort's index and stops after one page of matches
 *   (the index-less `+column` and instr() forms). Cheap while matches are dense.
 * - `matched`: the search's trigram matches are read first and then sorted; the other filters stay index-less so
 *   the sort index cannot take over. Cheap while matches are few (a rare word).
 */
export type MatchMode = 'count' | 'walk' | 'matched';

/** The search box's words as they are matched: folded, split on whitespace; each must occur in the lead's text. */
export interface SearchWords {
  all: string[];
  /** the words the trigram index can answer */
  long: string[];
  /** the words too short for it */
  short: string[];
}

export function searchWords(search: string | undefined): SearchWords {
  // the store is also called without the query schema (export, bulk actions): it drops control characters itself
  const all = foldSearch(withoutControlChars(search ?? ''))
    .split(/\s+/)
    .filter(Boolean);
  // code points, as the trigram tokenizer counts them
  const isLong = (word: string) => [...word].length >= MIN_INDEXED_WORD;
  return { all, long: all.filter(isLong), short: all.filter((word) => !isLong(word)) };
}

/** An FTS5 query: every word as a phrase (in double quotes any character is literal, "" being a quote). */
export function ftsQuery(words: string[]): string {
  return words.map((word) => `"${word.replaceAll('"', '""')}"`).join(' ');
}

/** The provider names (as stored) whose folded text contains `word`: the provider part of a lead's text. */
export function providersContaining(word: string, providers: readonly string[]): string[] {
  return providers.filter((provider) => foldSearch(provider).includes(word));
}

const contains = (word: string) => sql`instr(${leads.search_text}, ${word}) > 0`;
const identityMatches = (words: string[]) =>
  sql`${leads.id} IN (SELECT rowid FROM ${SEARCH_INDEX} WHERE ${SEARCH_INDEX} MATCH ${ftsQuery(words)})`;

/** The long words no provider name contains (nearly all): only the trigram index can match them. */
export function identityOnlyWords(words: SearchWords, providers: readonly string[]): string[] {
  return words.long.filter((word) => !providersContaining(word, providers).length);
}

/**
 * The search through the trigram index: a word is in the lead's identity or in its provider's name. Words no
 * provider name contains go to the index as one query.
 */
function indexedSearch(words: SearchWords, providers: readonly string[]): SQL[] {
  const identityOnly = identityOnlyWords(words, providers);
  const conditions = identityOnly.length ? [identityMatches(identityOnly)] : [];
  for (const word of words.long.filter((w) => !identityOnly.includes(w))) {
    conditions.push(
      sql`(${identityMatches([word])} OR ${inArray(leads.provider, providersContaining(word, providers))})`,
    );
  }
  return [...conditions, ...words.short.map(contains)];
}

/**
 * The query's conditions for one access path (see MatchMode). `providers` (every stored provider name) is needed
 * by the count and matched modes when the query has a search.
 */
export function leadWhere(
  query: LeadQuery,
  now: Date,
  mode: MatchMode,
  providers: readonly string[] = [],
): SQL | undefined {
  const conditions: (SQL | undefined)[] = [];
  // In walk mode filters are written on +column, which SQLite cannot serve from an index: the page query then walks
  // the sort's index and stops after one page of matches, instead of collecting every match through a filter index
  // and sorting them all (150 ms for a 25,000-lead segment on 100,000 leads, against ~15 ms this way).
  const col = (column: SQLiteColumn) => (mode === 'count' ? sql`${column}` : sql`+${column}`);

  const search = searchWords(query.search);
  conditions.push(
    ...(mode === 'walk' || !search.long.length ? search.all.map(contains) : indexedSearch(search, providers)),
  );
  if (query.providers?.length) conditions.push(inArray(col(leads.provider), query.providers));
  if (query.segments?.length) conditions.push(inArray(col(leads.segment), query.segments));
  if (query.categories?.length) conditions.push(inArray(col(leads.priority_category), query.categories));
  if (query.min_score !== undefined) conditions.push(gte(col(leads.readiness_score), query.min_score));
  if (query.max_score !== undefined) conditions.push(lte(col(leads.readiness_score), query.max_score));
  if (query.risk_flag) conditions.push(sql`instr(${leads.risk_flags_text}, ${`,${query.risk_flag},`}) > 0`);
  if (query.tag) conditions.push(sql`instr(${leads.tags_text}, ${`,${query.tag},`}) > 0`);
  if (query.expiring_within_days !== undefined) {
    conditions.push(gte(col(leads.expires_at), isoDay(now, -EXPIRED_GRACE_DAYS)));
    conditions.push(lte(col(leads.expires_at), isoDay(now, query.expiring_within_days)));
  }
  if (query.referral_kind) {
    conditions.push(
      sql`EXISTS (SELECT 1 FROM ${partnerCenterReferrals} WHERE ${partnerCenterReferrals.domain} = ${sql.raw('"leads"."domain"')} AND ${partnerCenterReferrals.referral_type} = ${query.referral_kind})`,
    );
  }
  if (query.domains) {
    // a JSON array parameter keeps a 100,000-domain selection inside SQLite's bound-variable limit
    conditions.push(sql`${leads.domain} IN (SELECT value FROM json_each(${JSON.stringify(query.domains)}))`);
  }
  if (query.scanned === 'scanned') conditions.push(isNotNull(leads.scanned_at));
  if (query.scanned === 'unscanned' || query.scan_state === 'unscanned') conditions.push(isNull(leads.scanned_at));
  if (query.scan_state === 'failed') conditions.push(eq(col(leads.scan_status), 'dns_timeout'));
  if (query.scan_state === 'partial') conditions.push(eq(col(leads.scan_status), 'partial'));
  const archived = query.archived ?? 'exclude';
  if (archived !== 'include')
    conditions.push(sql`${LEAD_ID} ${sql.raw(archived === 'only' ? 'IN' : 'NOT IN')} ${ARCHIVED_IDS}`);
  return and(...conditions);
}

// drizzle leaves columns unqualified in single-table queries: the outer id is spelled out beside the subquery's
const LEAD_ID = sql.raw('"leads"."id"');
/**
 * The archived leads' ids, read once from their partial index (leads_archived_idx). Testing membership keeps every
 * grid walk on its own sort index: the rowid is in each index, archived_at is not.
 */
export const ARCHIVED_IDS = sql.raw(
  '(SELECT archived.id FROM leads AS archived WHERE archived.archived_at IS NOT NULL)',
);

/** Sorts on the searched text itself: a searched word's matches sit together in their order, not spread out. */
const TEXT_SORTS: ReadonlySet<LeadSortKey> = new Set(['domain', 'company_name', 'provider']);

/**
 * How to read one window of a query's matches in grid order: walk the sort index while matches are dense, read the
 * search's trigram matches and sort them while they are few. Reading the matches costs about `total` rows. A walk
 * over an unrelated order meets matches evenly, about (offset + limit) × all / total rows before its window is
 * full; over the searched text's own order ("anadolu" by domain) they come in one clump, at worst past every
 * other lead: take the cheaper path for that estimate.
 */
export function pageMode(query: LeadQuery, total: number, allLeads: number, end: number): MatchMode {
  if (!searchWords(query.search).long.length) return 'walk';
  const walk = TEXT_SORTS.has(query.sort ?? 'priority')
    ? allLeads - total + end
    : (end * allLeads) / Math.max(total, 1);
  return total < walk ? 'matched' : 'walk';
}

const SORT_COLUMNS: Record<Exclude<LeadSortKey, 'priority' | 'domain'>, SQLiteColumn> = {
  company_name: leads.company_sort,
  provider: leads.provider,
  readiness_score: leads.readiness_score,
  segment: leads.segment,
  priority_score: leads.priority_score,
  expires_at: leads.expires_at,
  scanned_at: leads.scanned_at,
};

/**
 * How a query is ordered, in two parts: leads that have the sorted value, in the order of that key's index
 * (leads_grid_*_idx, read forward for asc and backward for desc, so no sort step on 100,000 rows), then the leads
 * without it (unscanned, no WHOIS date...) by domain. Keeping them last in both directions is what needs two parts:
 * one index cannot put NULLs last both ways.
 */
export interface SortPlan {
  /** the sorted column whose NULLs form the tail; null when the key is never NULL (domain) */
  nullable: SQLiteColumn | null;
  order: SQL[];
  tailOrder: SQL[];
}

export function sortPlan(query: LeadQuery): SortPlan {
  const key = query.sort ?? 'priority';
  const descending = query.order === 'desc';
  const dir = (c: SQLiteColumn) => (descending ? desc(c) : asc(c));
  const byDomain = [dir(leads.domain)];
  if (key === 'domain') return { nullable: null, order: byDomain, tailOrder: byDomain };
  if (key === 'priority') {
    // P-category best first, then readiness high to low; 'desc' walks the same index backwards
    const score = descending ? asc(leads.readiness_score) : desc(leads.readiness_score);
    return {
      nullable: leads.priority_category,
      order: [dir(leads.priority_category), score, ...byDomain],
      tailOrder: byDomain,
    };
  }
  const column = SORT_COLUMNS[key];
  return { nullable: column, order: [dir(column), ...byDomain], tailOrder: byDomain };
}

/** YYYY-MM-DD of now + days, in UTC like the stored WHOIS dates. */
export function isoDay(now: Date, days: number): string {
  return new Date(now.getTime() + days * 86_400_000).toISOString().slice(0, 10);
}
