import { Resolver } from 'node:dns/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDnsClient } from '../../main/engine/dns/client';
import { fixtureZones } from '../fixtures/dns-zones';
import { startDnsServer, type DnsServerHandle } from '../support/dns-server';

let server: DnsServerHandle;
// answers nothing for any .test name: a dead first server for failover tests
let silent: DnsServerHandle;

beforeAll(async () => {
  server = await startDnsServer({ zones: fixtureZones });
  silent = await startDnsServer({ zones: { names: { test: { blackhole: true } } } });
});
afterAll(async () => {
  await server.stop();
  await silent.stop();
});

const timed = async <T>(work: () => Promise<T>) => {
  const started = performance.now();
  const value = await work();
  return { value, elapsed: performance.now() - started };
};

describe('createDnsClient', () => {
  it('takes a 127.0.0.1:PORT server and maps answers to ok / nodata / nxdomain / unknown', async () => {
    expect(server.address).toBe(`127.0.0.1:${server.port}`);
    const client = createDnsClient({ servers: [server.address], timeoutMs: 200, tries: 1 });
    expect(await client.query('google-ws.test', 'MX')).toEqual({
      status: 'ok',
      records: expect.arrayContaining([{ exchange: 'ASPMX.L.GOOGLE.COM', priority: 1 }]),
    });
    expect(await client.query('m365-classic.test', 'TXT')).toEqual({
      status: 'ok',
      records: ['v=spf1 include:spf.protection.outlook.com -all', 'MS=ms48213377'],
    });
    expect(await client.query('selector1._domainkey.m365-tenant.test', 'CNAME')).toEqual({
      status: 'ok',
      records: ['selector1-m365-tenant-test._domainkey.contosoltd.onmicrosoft.com'],
    });
    expect(await client.query('m365-classic.test', 'A')).toEqual({ status: 'nodata' });
    expect(await client.query('does-not-exist.test', 'MX')).toEqual({ status: 'nxdomain' });
    expect(await client.query('servfail.test', 'MX')).toEqual({ status: 'unknown', code: 'ESERVFAIL' });
  });

  it('gives up on a silent name after timeoutMs × tries, not the doubled c-ares schedule', async () => {
    const client = createDnsClient({ servers: [server.address], timeoutMs: 150, tries: 3 });
    const { value, elapsed } = await timed(() => client.query('blackhole.test', 'MX'));
    expect(value).toEqual({ status: 'unknown', code: 'ETIMEOUT' });
    expect(elapsed).toBeGreaterThanOrEqual(150 * 3 - 15);
    expect(elapsed).toBeLessThan(150 * 3 + 100);
    expect(client.stats()).toMatchObject({ queries: 1, attempts: 3, timeouts: 3, unknown: 1 });
  });

  it('documents why: c-ares retrying by itself takes far longer than timeout × tries', async () => {
    const resolver = new Resolver({ timeout: 150, tries: 3 });
    resolver.setServers([server.address]);
    const { elapsed } = await timed(() => resolver.resolveMx('blackhole.test').catch(() => null));
    expect(elapsed).toBeGreaterThan(150 * 3 * 1.5);
  });

  it('moves to the next server on retry', async () => {
    const client = createDnsClient({ servers: [silent.address, server.address], timeoutMs: 100, tries: 2 });
    const silentBefore = silent.queryCount();
    const { value, elapsed } = await timed(() => client.query('natro-customer.test', 'MX'));
    expect(value).toEqual({ status: 'ok', records: [{ exchange: 'mx.natrohost.com', priority: 10 }] });
    expect(silent.queryCount() - silentBefore).toBe(1);
    expect(elapsed).toBeGreaterThanOrEqual(95);
    expect(client.stats()).toMatchObject({ attempts: 2, timeouts: 1, unknown: 0 });
  });

  it('queues queries beyond the concurrency limit', async () => {
    const client = createDnsClient({ servers: [silent.address], timeoutMs: 100, tries: 1, concurrency: 2 });
    const { value, elapsed } = await timed(() => {
      const all = Promise.all([1, 2, 3, 4, 5].map((i) => client.query(`q${i}.queue.test`, 'A')));
      expect(client.stats()).toMatchObject({ inFlight: 2, queued: 3 });
      return all;
    });
    expect(value.map((a) => a.status)).toEqual(['unknown', 'unknown', 'unknown', 'unknown', 'unknown']);
    // three waves of at most two
    expect(elapsed).toBeGreaterThanOrEqual(300 - 15);
    expect(client.stats()).toMatchObject({ inFlight: 0, queued: 0 });
  });

  it('shares one in-flight query and caches definite answers for shared names only', async () => {
    const client = createDnsClient({ servers: [server.address], timeoutMs: 200, tries: 1 });
    const before = server.queryCount();
    const [a, b] = await Promise.all([
      client.query('_spf.google.com', 'TXT', { shared: true }),
      client.query('_SPF.Google.com', 'TXT', { shared: true }),
    ]);
    expect(a).toEqual(b);
    expect(server.queryCount() - before).toBe(1);
    expect(await client.query('_spf.google.com', 'TXT', { shared: true })).toEqual(a);
    expect(client.stats()).toMatchObject({ queries: 3, attempts: 1, joined: 1, cacheHits: 1 });
  });

  it('does not cache unknown answers for shared names', async () => {
    const client = createDnsClient({ servers: [server.address], timeoutMs: 50, tries: 1 });
    await client.query('spf.silent-vendor.test', 'TXT', { shared: true });
    await client.query('spf.silent-vendor.test', 'TXT', { shared: true });
    expect(client.stats()).toMatchObject({ queries: 2, attempts: 2, cacheHits: 0, unknown: 2 });
  });
});
