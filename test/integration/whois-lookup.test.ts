import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MemoryTtlCache, type TtlCache } from '../../main/engine/cache';
import { createWhoisLookup } from '../../main/engine/whois';
import {
  GARBAGE,
  HttpStatus,
  SILENT,
  startRdapServer,
  startWhoisServer,
  type RdapServer,
  type WhoisServer,
} from '../support/whois-server';

const fixture = (name: string) => readFileSync(new URL(`../support/whois-fixtures/${name}`, import.meta.url), 'utf8');
const TIMEOUT_MS = 400;
// generous: loaded CI machines schedule timers late, but a hang would blow far past this
const SLACK_MS = 1_000;

/** Stores JSON text like the app's SQLite cache does, so a non-JSON-safe result would not round-trip. */
class JsonCache implements TtlCache {
  readonly inner = new MemoryTtlCache();
  get<T>(key: string): T | undefined {
    const text = this.inner.get<string>(key);
    return text === undefined ? undefined : (JSON.parse(text) as T);
  }
  set(key: string, value: unknown, ttlMs: number): void {
    this.inner.set(key, JSON.stringify(value), ttlMs);
  }
  delete(key: string): void {
    this.inner.delete(key);
  }
}

const count = (requests: string[], name: string) => requests.filter((r) => r === name).length;

let rdap: RdapServer;
let whois: WhoisServer;
let refusedAddress: string;

beforeAll(async () => {
  rdap = await startRdapServer({
    'contoso.com': JSON.parse(fixture('rdap-contoso.com.json')) as object,
    'slow.com': SILENT,
    'garbage.com': GARBAGE,
    'broken.com': new HttpStatus(500),
    'empty.com': { objectClassName: 'domain', ldhName: 'EMPTY.COM' },
    'huge.com': { objectClassName: 'domain', remarks: [{ description: ['x'.repeat(1_500_000)] }] },
  });
  whois = await startWhoisServer({
    'fabrikam.com': fixture('whois-verisign-fabrikam.com.txt'),
    'garbage.com': '\u0007\u0000 <html> lorem ipsum; dolor sit amet\r\n',
    'ornek.com.tr': fixture('whois-nictr-ornek.com.tr.txt'),
    'silent.com.tr': SILENT,
    'blank.com.tr': '\r\n  \r\n',
    // the useful part comes first, then 2 MB of noise that must be cut off, not buffered
    'huge.com.tr': fixture('whois-nictr-ornek.com.tr.txt') + 'Remark: padding padding padding\n'.repeat(70_000),
  });
  // a port that was just listening and is now closed refuses connections
  const closed = await startWhoisServer({});
  await closed.stop();
  refusedAddress = closed.address;
});

afterAll(async () => {
  await Promise.all([rdap?.stop(), whois?.stop()]);
});

function lookupWith(overrides: Partial<Parameters<typeof createWhoisLookup>[0]> = {}) {
  return createWhoisLookup({
    rdapServers: { '.com': rdap.url },
    whoisServers: { '.com': whois.address, '.com.tr': whois.address, '.tr': refusedAddress },
    timeoutMs: TIMEOUT_MS,
    ...overrides,
  });
}

describe('createWhoisLookup against local RDAP and WHOIS servers', () => {
  it('reads a .com domain from RDAP', async () => {
    const before = count(whois.requests, 'contoso.com');
    expect(await lookupWith().lookup('contoso.com')).toEqual({
      status: 'ok',
      source: 'rdap',
      registrar: 'Example Registrar, Inc.',
      created_at: '1998-03-27',
      expires_at: '2027-03-28',
      nameservers: ['ns1-01.azure-dns.com', 'ns2-01.azure-dns.net'],
      reason: null,
    });
    expect(count(whois.requests, 'contoso.com')).toBe(before);
  });

  it('normalises the input name before looking it up', async () => {
    const signal = await lookupWith().lookup('  CONTOSO.com. ');
    expect(signal.status).toBe('ok');
    expect(rdap.requests.at(-1)).toBe('contoso.com');
  });

  it('falls back to port-43 WHOIS when RDAP answers 404', async () => {
    const rdapBefore = count(rdap.requests, 'fabrikam.com');
    expect(await lookupWith().lookup('fabrikam.com')).toEqual({
      status: 'ok',
      source: 'whois',
      registrar: 'Fabrikam Names LLC',
      created_at: '2004-06-15',
      expires_at: '2026-06-15',
      nameservers: ['ns1.fabrikam.com', 'ns2.fabrikam.com'],
      reason: null,
    });
    expect(count(rdap.requests, 'fabrikam.com')).toBe(rdapBefore + 1);
  });

  it('reads .com.tr over WHOIS only, from the longest matching suffix (nic.tr format)', async () => {
    const rdapBefore = rdap.requests.length;
    expect(await lookupWith().lookup('ornek.com.tr')).toEqual({
      status: 'ok',
      source: 'whois',
      registrar: 'Kuzey Bilişim Hizmetleri A.Ş.',
      created_at: '2001-02-09',
      expires_at: '2027-02-08',
      nameservers: ['ns1.kuzeyhost.com.tr', 'ns2.kuzeyhost.com.tr'],
      reason: null,
    });
    expect(rdap.requests.length).toBe(rdapBefore);
  });

  it('uses the shorter suffix when no longer one is mapped (.gov.tr → .tr server)', async () => {
    expect(await lookupWith().lookup('ornek.gov.tr')).toMatchObject({
      status: 'unknown',
      reason: 'connection_refused',
    });
  });

  it('cuts a WHOIS answer beyond 1 MB and still parses what it kept', async () => {
    expect(await lookupWith().lookup('huge.com.tr')).toMatchObject({
      status: 'ok',
      source: 'whois',
      registrar: 'Kuzey Bilişim Hizmetleri A.Ş.',
      expires_at: '2027-02-08',
    });
  });

  // the table is built before beforeAll runs, so rows must not reference the servers
  it.each([
    ['garbage.com', 'RDAP invalid JSON, then WHOIS garbage', 'unparseable_answer', {}],
    ['garbage.com', 'RDAP invalid JSON, no WHOIS server', 'unparseable_answer', { whoisServers: {} }],
    ['empty.com', 'RDAP JSON without any field, no WHOIS server', 'unparseable_answer', { whoisServers: {} }],
    ['broken.com', 'RDAP 500, no WHOIS server', 'rdap_http_500', { whoisServers: {} }],
    ['nope.com', 'RDAP 404, no WHOIS server', 'rdap_http_404', { whoisServers: {} }],
    ['nope.com', 'RDAP 404, WHOIS "No match"', 'not_found', {}],
    ['huge.com', 'RDAP body over 1 MB, no WHOIS server', 'answer_too_large', { whoisServers: {} }],
    ['blank.com.tr', 'WHOIS closes without text', 'empty_answer', {}],
    ['contoso.io', 'TLD with neither server', 'no_server_for_tld', {}],
  ] as const)('%s (%s) → unknown %s', async (domain, _case, reason, overrides) => {
    expect(await lookupWith(overrides).lookup(domain)).toEqual({
      status: 'unknown',
      source: null,
      registrar: null,
      created_at: null,
      expires_at: null,
      nameservers: [],
      reason,
    });
  });

  it('reports a refused RDAP port', async () => {
    const lookup = lookupWith({ rdapServers: { '.com': `http://${refusedAddress}/domain/` }, whoisServers: {} });
    expect(await lookup.lookup('contoso.com')).toMatchObject({ status: 'unknown', reason: 'connection_refused' });
  });

  it('gives up on a silent RDAP server after the timeout', async () => {
    const started = performance.now();
    const signal = await lookupWith({ whoisServers: {} }).lookup('slow.com');
    const elapsed = performance.now() - started;
    expect(signal).toMatchObject({ status: 'unknown', reason: 'timeout' });
    expect(elapsed).toBeGreaterThanOrEqual(TIMEOUT_MS - 50);
    expect(elapsed).toBeLessThan(TIMEOUT_MS + SLACK_MS);
  });

  it('gives up on a silent WHOIS server after the timeout', async () => {
    const started = performance.now();
    const signal = await lookupWith().lookup('silent.com.tr');
    const elapsed = performance.now() - started;
    expect(signal).toMatchObject({ status: 'unknown', reason: 'timeout' });
    expect(elapsed).toBeGreaterThanOrEqual(TIMEOUT_MS - 50);
    expect(elapsed).toBeLessThan(TIMEOUT_MS + SLACK_MS);
  });

  it('serves the second lookup of a success from a JSON-backed cache', async () => {
    const cache = new JsonCache();
    const lookup = lookupWith({ cache, cacheTtlMs: 60_000 });
    const first = await lookup.lookup('fabrikam.com');
    const rdapHits = count(rdap.requests, 'fabrikam.com');
    const whoisHits = count(whois.requests, 'fabrikam.com');

    const second = await lookup.lookup('fabrikam.com');
    expect(second).toEqual(first);
    expect(second.status).toBe('ok');
    expect(count(rdap.requests, 'fabrikam.com')).toBe(rdapHits);
    expect(count(whois.requests, 'fabrikam.com')).toBe(whoisHits);
    expect(cache.get('whois:fabrikam.com')).toEqual(first);
  });

  it('does not cache unknowns, so a transient failure is retried', async () => {
    const cache = new JsonCache();
    const lookup = lookupWith({ cache, whoisServers: {} });
    const before = count(rdap.requests, 'broken.com');
    await lookup.lookup('broken.com');
    await lookup.lookup('broken.com');
    expect(count(rdap.requests, 'broken.com')).toBe(before + 2);
    expect(cache.get('whois:broken.com')).toBeUndefined();
  });

  it('ignores a cache entry that is not a WhoisSignal', async () => {
    const cache = new JsonCache();
    cache.set('whois:contoso.com', { registrar: 'stale shape', expires_at: { $date: 1 } }, 60_000);
    expect(await lookupWith({ cache }).lookup('contoso.com')).toMatchObject({
      status: 'ok',
      registrar: 'Example Registrar, Inc.',
    });
  });

  it('drops a creation date later than today (now option)', async () => {
    const signal = await lookupWith({ now: () => new Date('1997-06-01T00:00:00Z') }).lookup('contoso.com');
    expect(signal).toMatchObject({ status: 'ok', created_at: null, expires_at: '2027-03-28' });
  });

  it('turns a failing cache into an unknown instead of throwing', async () => {
    const failing: TtlCache = {
      get: () => {
        throw new Error('database is locked');
      },
      set: () => {},
      delete: () => {},
    };
    expect(await lookupWith({ cache: failing }).lookup('contoso.com')).toMatchObject({
      status: 'unknown',
      reason: 'internal_error: database is locked',
    });
  });
});
