// The only place the engine touches the network for DNS. Every answer is one of four outcomes so callers can keep
// "absent" (nodata / nxdomain) apart from "we don't know" (unknown): a timeout must never read as a missing record.
import { MemoryTtlCache, type TtlCache } from '../cache';
import { createLimiter } from './limiter';
import { resolveServers } from './servers';
import { createDnsTransport } from './transport';

export type { DnsAnswer, DnsRecordType, MxRecord, RecordsOf } from './types';
import type { DnsAnswer, DnsRecordType, RecordsOf } from './types';

export interface DnsQueryOptions {
  /**
   * The name is shared by many domains (SPF include targets such as spf.protection.outlook.com): concurrent
   * callers share one in-flight query and definite answers are cached for the client's sharedTtlMs.
   */
  shared?: boolean;
}

export interface DnsClientStats {
  /** query() calls, cache hits included */
  queries: number;
  /** packets' worth of work: one per try sent to a server */
  attempts: number;
  /** truncated answers asked again over TCP (within the same try) */
  tcpFallbacks: number;
  timeouts: number;
  /** queries that ended unknown after all tries */
  unknown: number;
  cacheHits: number;
  /** shared queries that joined one already in flight */
  joined: number;
  inFlight: number;
  queued: number;
}

export interface DnsClient {
  query<T extends DnsRecordType>(name: string, type: T, opts?: DnsQueryOptions): Promise<DnsAnswer<RecordsOf<T>>>;
  stats(): DnsClientStats;
}

export interface DnsClientOptions {
  /** IP addresses: 'ip', 'ipv4:port', '[ipv6]:port'; empty or missing = the system's resolvers */
  servers?: string[];
  /** per try */
  timeoutMs: number;
  /** total tries, rotating over the servers */
  tries: number;
  /** queries in flight at once; the rest queue */
  concurrency?: number;
  /** store for shared answers; defaults to a private in-memory cache */
  cache?: TtlCache;
  sharedTtlMs?: number;
}

const DEFAULT_CONCURRENCY = 256;
// checkdmarc keeps answers 30 minutes; include targets of the big providers change far less often than that
const DEFAULT_SHARED_TTL_MS = 30 * 60_000;

// asking again cannot turn a malformed name into a valid one
const NOT_RETRYABLE = new Set(['EBADNAME']);

export function createDnsClient(opts: DnsClientOptions): DnsClient {
  if (!(opts.timeoutMs > 0) || !Number.isInteger(opts.tries) || opts.tries < 1) {
    throw new RangeError('timeoutMs must be > 0 and tries a positive integer');
  }
  const servers = resolveServers(opts.servers);
  const transport = createDnsTransport();
  const limiter = createLimiter(opts.concurrency ?? DEFAULT_CONCURRENCY);
  const cache = opts.cache ?? new MemoryTtlCache();
  const sharedTtlMs = opts.sharedTtlMs ?? DEFAULT_SHARED_TTL_MS;
  const inFlight = new Map<string, Promise<DnsAnswer>>();
  const counters = { queries: 0, attempts: 0, timeouts: 0, unknown: 0, cacheHits: 0, joined: 0 };
  // spreads first tries over the servers so one slow server does not take every first attempt
  let nextServer = 0;

  async function resolveWithRetries(name: string, type: DnsRecordType): Promise<DnsAnswer> {
    const first = nextServer++;
    let code = 'ETIMEOUT';
    for (let attempt = 0; attempt < opts.tries; attempt++) {
      counters.attempts++;
      const answer = await transport.ask(servers[(first + attempt) % servers.length], name, type, opts.timeoutMs);
      if (answer.status !== 'unknown') return answer;
      code = answer.code;
      if (code === 'ETIMEOUT') counters.timeouts++;
      if (NOT_RETRYABLE.has(code)) break;
    }
    counters.unknown++;
    return { status: 'unknown', code };
  }

  const resolveLimited = (name: string, type: DnsRecordType) => limiter.run(() => resolveWithRetries(name, type));

  function resolveShared(name: string, type: DnsRecordType): Promise<DnsAnswer> {
    const key = `dns:${type}:${name.toLowerCase()}`;
    const cached = cache.get<DnsAnswer>(key);
    if (cached) {
      counters.cacheHits++;
      return Promise.resolve(cached);
    }
    const pending = inFlight.get(key);
    if (pending) {
      counters.joined++;
      return pending;
    }
    const started = resolveLimited(name, type).then((answer) => {
      inFlight.delete(key);
      // unknown answers are not cached: the next domain that needs the name should get a fresh chance
      if (answer.status !== 'unknown') cache.set(key, answer, sharedTtlMs);
      return answer;
    });
    inFlight.set(key, started);
    return started;
  }

  return {
    query<T extends DnsRecordType>(name: string, type: T, queryOpts?: DnsQueryOptions) {
      counters.queries++;
      const answer = queryOpts?.shared ? resolveShared(name, type) : resolveLimited(name, type);
      return answer as Promise<DnsAnswer<RecordsOf<T>>>;
    },
    stats: () => ({
      ...counters,
      tcpFallbacks: transport.tcpFallbacks,
      inFlight: limiter.active,
      queued: limiter.pending,
    }),
  };
}
