// SPF record parsing (pure) and the RFC 7208 §4.6.4 DNS-lookup count, which needs the nested include/redirect
// records fetched through the DnsClient.
import type { SpfSignal } from '../../../shared/domain';
import type { DnsAnswer, DnsClient } from './client';
import { canonicalHost } from './names';

export type SpfQualifier = '+' | '-' | '~' | '?';

export type SpfTerm =
  | { kind: 'mechanism'; qualifier: SpfQualifier; name: string; value: string | null }
  | { kind: 'modifier'; name: string; value: string };

export interface ParsedSpf {
  terms: SpfTerm[];
  /** include: targets, in record order, lower-cased */
  includes: string[];
  /** redirect= target when it takes effect (a record with an `all` mechanism ignores it, RFC 7208 §6.1) */
  redirect: string | null;
  /** DNS-lookup terms of this record alone: include, a, mx, ptr, exists, redirect */
  lookupCount: number;
}

export const SPF_LOOKUP_LIMIT = 10;
// Expanding stops after this many nested records so a hostile or broken tree cannot fan out without end;
// by then the count is far past the limit of 10 anyway.
const MAX_NESTED_RECORDS = 40;

const LOOKUP_MECHANISMS = new Set(['include', 'a', 'mx', 'ptr', 'exists']);
const MODIFIER = /^([a-z][a-z0-9_.-]*)=(.*)$/i;
const MECHANISM = /^([+\-~?]?)([a-z][a-z0-9_.-]*)(?::([^/]*))?(?:\/.*)?$/i;

/** RFC 7208 §4.5: the record starts with the version term, compared case-insensitively. */
export function isSpfRecord(txt: string): boolean {
  return /^v=spf1(?:\s|$)/i.test(txt);
}

/** Parses one v=spf1 record. Terms that fit neither grammar are skipped; they add no lookups. */
export function parseSpf(record: string): ParsedSpf {
  const terms: SpfTerm[] = [];
  for (const raw of record.trim().split(/\s+/).slice(1)) {
    const modifier = MODIFIER.exec(raw);
    if (modifier) {
      terms.push({ kind: 'modifier', name: modifier[1].toLowerCase(), value: modifier[2] });
      continue;
    }
    const mechanism = MECHANISM.exec(raw);
    if (mechanism) {
      terms.push({
        kind: 'mechanism',
        qualifier: (mechanism[1] || '+') as SpfQualifier,
        name: mechanism[2].toLowerCase(),
        value: mechanism[3] ?? null,
      });
    }
  }

  const mechanisms = terms.filter((t) => t.kind === 'mechanism');
  const includes = mechanisms.filter((t) => t.name === 'include' && t.value).map((t) => canonicalHost(t.value!));
  const redirectTerm = terms.filter((t) => t.kind === 'modifier').find((t) => t.name === 'redirect');
  const hasAll = mechanisms.some((t) => t.name === 'all');
  const redirect = redirectTerm && !hasAll ? canonicalHost(redirectTerm.value) : null;
  // exp= is only fetched when a message fails, so it never counts (RFC 7208 §6.2); a macro still costs its lookup
  const lookupCount = mechanisms.filter((t) => LOOKUP_MECHANISMS.has(t.name)).length + (redirect ? 1 : 0);
  return { terms, includes, redirect, lookupCount };
}

interface Walk {
  lookups: number;
  fetched: number;
  loop: boolean;
  unknown: boolean;
  notFound: boolean;
}

/**
 * Follows include/redirect targets depth-first along each path, siblings concurrently. Targets with macros are
 * counted by parseSpf but not expanded: their real name depends on the message being checked.
 */
async function expand(parsed: ParsedSpf, path: readonly string[], client: DnsClient, walk: Walk): Promise<void> {
  walk.lookups += parsed.lookupCount;
  const targets = parsed.redirect ? [...parsed.includes, parsed.redirect] : parsed.includes;
  await Promise.all(
    targets
      .filter((target) => !target.includes('%'))
      .map(async (target) => {
        if (path.includes(target)) {
          walk.loop = true;
          return;
        }
        if (walk.fetched >= MAX_NESTED_RECORDS) return;
        walk.fetched++;
        const answer = await client.query(target, 'TXT', { shared: true });
        if (answer.status === 'unknown') {
          walk.unknown = true;
          return;
        }
        const record = answer.status === 'ok' ? answer.records.find(isSpfRecord) : undefined;
        // an include or redirect target without SPF is a permanent error for receivers (RFC 7208 §5.2, §6.1)
        if (!record) {
          walk.notFound = true;
          return;
        }
        await expand(parseSpf(record), [...path, target], client, walk);
      }),
  );
}

/**
 * Errors a receiver evaluates to permerror, i.e. as if the domain published no usable SPF: a second v=spf1 record
 * (RFC 7208 §4.5), more than 10 DNS-lookup terms (§4.6.4), an include/redirect loop (which never ends within the
 * limit) and an include or redirect target without SPF (§5.2, §6.1). include_unknown is a temporary error.
 */
const PERMERRORS = new Set(['include_loop', 'too_many_lookups', 'include_not_found']);

export function isSpfPermerror(spf: {
  multiple_records: boolean;
  error: string | null;
  lookup_count: number | null;
}): boolean {
  return (
    spf.multiple_records ||
    (spf.error !== null && PERMERRORS.has(spf.error)) ||
    (spf.lookup_count ?? 0) > SPF_LOOKUP_LIMIT
  );
}

function walkError(walk: Walk): string | null {
  if (walk.loop) return 'include_loop';
  // the count is a lower bound when something was not fetched, so "too many" is still certain
  if (walk.lookups > SPF_LOOKUP_LIMIT) return 'too_many_lookups';
  if (walk.unknown) return 'include_unknown';
  if (walk.notFound) return 'include_not_found';
  return null;
}

/** Builds the SPF signal from the apex TXT answer, fetching nested records through the (caching) client. */
export async function checkSpf(domain: string, apexTxt: DnsAnswer<string[]>, client: DnsClient): Promise<SpfSignal> {
  if (apexTxt.status === 'unknown') {
    return { present: null, record: null, lookup_count: null, includes: [], multiple_records: false, error: null };
  }
  const records = apexTxt.status === 'ok' ? apexTxt.records.filter(isSpfRecord) : [];
  if (records.length === 0) {
    return { present: false, record: null, lookup_count: null, includes: [], multiple_records: false, error: null };
  }
  const parsed = parseSpf(records[0]);
  const walk: Walk = { lookups: 0, fetched: 0, loop: false, unknown: false, notFound: false };
  await expand(parsed, [canonicalHost(domain)], client, walk);
  return {
    present: true,
    record: records[0],
    lookup_count: walk.lookups,
    includes: parsed.includes,
    multiple_records: records.length > 1,
    error: walkError(walk),
  };
}
