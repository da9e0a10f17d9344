import { Resolver } from 'node:dns/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureZones } from '../fixtures/dns-zones';
import { benchDomain, benchZones } from '../support/dns-bench-zones';
import { startDnsServer, type DnsServerHandle } from '../support/dns-server';
import { startDnsServerProcess } from '../support/dns-server-process';

let server: DnsServerHandle;
let resolver: Resolver;

beforeAll(async () => {
  server = await startDnsServer({ zones: fixtureZones });
  resolver = new Resolver({ timeout: 300, tries: 1 });
  resolver.setServers([server.address]);
});
afterAll(() => server.stop());

const codeOf = (work: Promise<unknown>) =>
  work.then(
    () => 'ok',
    (err: NodeJS.ErrnoException) => err.code,
  );

describe('fixture DNS server', () => {
  it('answers a TXT query on a CNAME with the chain, like a recursive resolver', async () => {
    expect(await resolver.resolveTxt('selector1._domainkey.m365-tenant.test')).toEqual([
      ['v=DKIM1; k=rsa; p=MIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQC3fixture'],
    ]);
    expect(await codeOf(resolver.resolveTxt('selector2._domainkey.m365-tenant.test'))).toBe('ENOTFOUND');
  });

  it('tells NXDOMAIN, NODATA and SERVFAIL apart, also below a broken name', async () => {
    expect(await codeOf(resolver.resolveMx('nope.test'))).toBe('ENOTFOUND');
    expect(await codeOf(resolver.resolveMx('spf-loop.test'))).toBe('ENODATA');
    expect(await codeOf(resolver.resolveTxt('_dmarc.servfail.test'))).toBe('ESERVFAIL');
  });

  it('matches names case-insensitively and counts queries', async () => {
    const before = server.queryCount();
    expect(await resolver.resolve4('MAIL.SelfHosted.test')).toEqual(['203.0.113.10']);
    expect(server.queryCount() - before).toBe(1);
  });

  it('generates bench zones on demand', async () => {
    const bench = await startDnsServer({ zones: benchZones() });
    const r = new Resolver({ timeout: 300, tries: 1 });
    r.setServers([bench.address]);
    try {
      expect(await r.resolveMx(benchDomain(7))).toEqual([
        { exchange: 'lead-7-bench-test.mail.protection.outlook.com', priority: 0 },
      ]);
      expect(await r.resolveCname(`selector1._domainkey.${benchDomain(7)}`)).toEqual([
        'selector1-lead-7-bench-test._domainkey.lead7.onmicrosoft.com',
      ]);
      expect(await r.resolveMx(benchDomain(8))).toContainEqual({ exchange: 'aspmx.l.google.com', priority: 1 });
      expect(await codeOf(r.resolveMx(benchDomain(19)))).toBe('ENODATA');
      expect(await codeOf(r.resolveMx('lead-x.bench.test'))).toBe('ENOTFOUND');
    } finally {
      await bench.stop();
    }
  });

  it('runs in a child process that prints its port', async () => {
    const child = await startDnsServerProcess({ zones: 'fixtures' });
    const r = new Resolver({ timeout: 300, tries: 1 });
    r.setServers([child.address]);
    try {
      expect(await r.resolveMx('natro-customer.test')).toEqual([{ exchange: 'mx.natrohost.com', priority: 10 }]);
      expect(await child.queryCount()).toBe(1);
    } finally {
      await child.stop();
    }
  });
});
