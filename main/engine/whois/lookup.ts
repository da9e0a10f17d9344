import { canonicalHost } from '../dns/names';
import type { WhoisSignal } from '../../../shared/domain';
import type { AsyncTtlCache } from '../cache';
import { hasAnyField, okSignal, unknownSignal, type WhoisFields } from './fields';
import { longestSuffixMatch, normaliseSuffixMap } from './suffix';
import { fetchRdap } from './rdap-client';
import { parseServerAddress, queryPort43 } from './port43-client';
import { parseRdap } from './rdap-parse';
import { isNoMatchAnswer, parseWhoisText } from './text-parse';

export interface WhoisLookupOptions {
  /** suffix → RDAP base URL ending with "/" (the domain is appended), e.g. ".com" → ".../v1/domain/" */
  rdapServers: Record<string, string>;
  /** suffix → "host" (port 43) or "host:port" */
  whoisServers: Record<string, string>;
  /** per network attempt; a domain needing RDAP and then WHOIS may take up to twice this */
  timeoutMs: number;
  cache?: AsyncTtlCache;
  cacheTtlMs?: number;
  now?: () => Date;
}

export interface WhoisLookup {
  /** never throws: every failure becomes { status: 'unknown', reason } */
  lookup(domain: string): Promise<WhoisSignal>;
}

/** Registration data changes rarely: a week-old answer still tells registrar, age and expiry well enough. */
export const DEFAULT_WHOIS_CACHE_TTL_MS = 7 * 24 * 60 * 60 * 1000;
/** per network attempt when the caller sets none */
export const DEFAULT_WHOIS_TIMEOUT_MS = 4000;

type Attempt = { ok: true; fields: WhoisFields } | { ok: false; reason: string };

function cacheKey(domain: string): string {
  return `whois:${domain}`;
}

/** Guards against entries written by an older build (or another shape) in a persistent cache. */
function isCachedSignal(value: unknown): value is WhoisSignal {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Partial<WhoisSignal>;
  return v.status === 'ok' && (v.source === 'rdap' || v.source === 'whois') && Array.isArray(v.nameservers);
}

/** A registration date after today is a misparse (or registry garbage), not information. */
function dropFutureCreation(fields: WhoisFields, today: string): WhoisFields {
  return fields.created_at !== null && fields.created_at > today ? { ...fields, created_at: null } : fields;
}

async function tryRdap(baseUrl: string, domain: string, timeoutMs: number): Promise<Attempt> {
  const answer = await fetchRdap(`${baseUrl}${encodeURIComponent(domain)}`, timeoutMs);
  if (!answer.ok) return answer;
  let json: unknown;
  try {
    json = JSON.parse(answer.body);
  } catch {
    return { ok: false, reason: 'unparseable_answer' };
  }
  const fields = parseRdap(json);
  return fields && hasAnyField(fields) ? { ok: true, fields } : { ok: false, reason: 'unparseable_answer' };
}

async function tryPort43(serverSpec: string, domain: string, timeoutMs: number): Promise<Attempt> {
  const answer = await queryPort43(parseServerAddress(serverSpec), domain, timeoutMs);
  if (!answer.ok) return answer;
  const fields = parseWhoisText(answer.body);
  if (hasAnyField(fields)) return { ok: true, fields };
  return { ok: false, reason: isNoMatchAnswer(answer.body) ? 'not_found' : 'unparseable_answer' };
}

export function createWhoisLookup(opts: WhoisLookupOptions): WhoisLookup {
  const rdapServers = normaliseSuffixMap(opts.rdapServers);
  const whoisServers = normaliseSuffixMap(opts.whoisServers);
  const ttlMs = opts.cacheTtlMs ?? DEFAULT_WHOIS_CACHE_TTL_MS;
  const now = opts.now ?? (() => new Date());

  async function resolve(domain: string): Promise<WhoisSignal> {
    const rdapBase = longestSuffixMatch(domain, rdapServers);
    const whoisServer = longestSuffixMatch(domain, whoisServers);
    const success = (source: 'rdap' | 'whois', fields: WhoisFields) =>
      okSignal(source, dropFutureCreation(fields, now().toISOString().slice(0, 10)));

    let failure = 'no_server_for_tld';
    if (rdapBase !== null) {
      const result = await tryRdap(rdapBase, domain, opts.timeoutMs);
      if (result.ok) return success('rdap', result.fields);
      failure = result.reason;
    }
    // any RDAP failure, 404 included, falls through: several registries serve RDAP for part of their zone only
    if (whoisServer !== null) {
      const result = await tryPort43(whoisServer, domain, opts.timeoutMs);
      if (result.ok) return success('whois', result.fields);
      // the last protocol tried explains the unknown best
      failure = result.reason;
    }
    return unknownSignal(failure);
  }

  return {
    async lookup(rawDomain) {
      const domain = canonicalHost(rawDomain);
      try {
        const cached = await opts.cache?.get<unknown>(cacheKey(domain));
        if (isCachedSignal(cached)) return cached;
        const signal = await resolve(domain);
        // Only successes are cached: unknowns are mostly transient (timeouts, 5xx, rate limits) and a cached
        // one would hide recovery for a day; no_server_for_tld costs no network so caching it buys nothing.
        if (signal.status === 'ok') opts.cache?.set(cacheKey(domain), signal, ttlMs);
        return signal;
      } catch (error) {
        // the network paths map their own failures; this keeps the "never throws" contract when the
        // injected cache (SQLite in the app) fails
        return unknownSignal(`internal_error: ${error instanceof Error ? error.message : String(error)}`);
      }
    },
  };
}
