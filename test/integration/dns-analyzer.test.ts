import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DkimSignal, DmarcSignal, DnsSignals, SpfSignal } from '../../shared/domain';
import { analyzeDns } from '../../main/engine/dns/analyze';
import { createDnsClient, type DnsClient } from '../../main/engine/dns/client';
import { FIXTURE_DKIM_SELECTORS, LONG_DKIM_RECORD, fixtureZones } from '../fixtures/dns-zones';
import { startDnsServer, type DnsServerHandle } from '../support/dns-server';

const TIMEOUT_MS = 200;
const TRIES = 2;

let server: DnsServerHandle;
let client: DnsClient;

beforeAll(async () => {
  server = await startDnsServer({ zones: fixtureZones, port: 0 });
  client = createDnsClient({ servers: [server.address], timeoutMs: TIMEOUT_MS, tries: TRIES });
});
afterAll(() => server.stop());

// what main/engine/scan.ts derives from providers.json and dkim_selectors.json, in miniature
const HINTS: [RegExp, string[]][] = [
  [/(outlook\.com|mx\.microsoft)$/, ['selector1', 'selector2']],
  [/google\.com$/, ['google']],
  [/zoho\.com$/, ['zoho', 'zmail']],
  [/yandex\.net$/, ['mail']],
  [/hostinger\.com$/, ['default']],
];
const dkimHints = (mxHosts: string[]) => HINTS.find(([re]) => re.test(mxHosts[0] ?? ''))?.[1] ?? [];

/** Every query goes through the shared client; the names asked are recorded per call. */
function recording() {
  const asked: string[] = [];
  const wrapped: DnsClient = {
    query: (name, type, opts) => {
      asked.push(`${type} ${name}`);
      return client.query(name, type, opts);
    },
    stats: () => client.stats(),
  };
  return {
    wrapped,
    dkimAsked: () => asked.filter((q) => q.includes('._domainkey.')).map((q) => q.split(' ')[1].split('.')[0]),
  };
}

const analyze = (domain: string, hints: typeof dkimHints | undefined = dkimHints, dns: DnsClient = client) =>
  analyzeDns(domain, dns, { dkimSelectors: FIXTURE_DKIM_SELECTORS, dkimHints: hints });

const M365_SPF = 'v=spf1 include:spf.protection.outlook.com -all';
const spf = (record: string, lookup_count: number, includes: string[], extra: Partial<SpfSignal> = {}): SpfSignal => ({
  present: true,
  record,
  lookup_count,
  includes,
  multiple_records: false,
  error: null,
  ...extra,
});
const m365Spf = spf(M365_SPF, 1, ['spf.protection.outlook.com']);
const noSpf: SpfSignal = {
  present: false,
  record: null,
  lookup_count: null,
  includes: [],
  multiple_records: false,
  error: null,
};
const dmarc = (
  record: string,
  policy: DmarcSignal['policy'],
  sp: DmarcSignal['policy'],
  pct: number,
  rua: string[] = [],
) => ({ present: true, record, policy, subdomain_policy: sp, pct, rua }) satisfies DmarcSignal;
const noDmarc: DmarcSignal = { present: false, record: null, policy: null, subdomain_policy: null, pct: null, rua: [] };
const dkim = (...selectors: string[]): DkimSignal => ({
  present: true,
  selectors: selectors.map((selector) => ({ selector, cname: null })),
  tenant_name: null,
});
const noDkim: DkimSignal = { present: false, selectors: [], tenant_name: null };
// no MX, no mail: DKIM is not probed, so it stays unknown without counting as an unanswered check
const dkimNotProbed: DkimSignal = { present: null, selectors: [], tenant_name: null };
const signals = (s: Partial<DnsSignals>): DnsSignals => ({
  mx_records: [],
  spf: noSpf,
  dkim: noDkim,
  dmarc: noDmarc,
  ns: [],
  mx_a: null,
  nxdomain: false,
  unknown_checks: [],
  ...s,
});

const EXPECTED: Record<string, DnsSignals> = {
  'm365-classic.test': signals({
    mx_records: ['m365-classic-test.mail.protection.outlook.com'],
    spf: m365Spf,
    dmarc: dmarc('v=DMARC1; p=quarantine; pct=50; rua=mailto:dmarc@m365-classic.test', 'quarantine', 'quarantine', 50, [
      'mailto:dmarc@m365-classic.test',
    ]),
    ns: ['ns1-01.azure-dns.com', 'ns2-01.azure-dns.net'],
    mx_a: ['52.101.68.20', '52.101.68.4'],
  }),
  'm365-new.test': signals({
    mx_records: ['m365-new-test.r-v1.mx.microsoft'],
    spf: m365Spf,
    dmarc: dmarc('v=DMARC1; p=reject; rua=mailto:a@m365-new.test, mailto:b@reports.test', 'reject', 'reject', 100, [
      'mailto:a@m365-new.test',
      'mailto:b@reports.test',
    ]),
    ns: ['ns1-02.azure-dns.com'],
    mx_a: ['52.101.41.1'],
  }),
  'm365-tenant.test': signals({
    mx_records: ['m365-tenant-test.mail.protection.outlook.com'],
    spf: m365Spf,
    dkim: {
      present: true,
      selectors: [{ selector: 'selector1', cname: 'selector1-m365-tenant-test._domainkey.contosoltd.onmicrosoft.com' }],
      tenant_name: 'contosoltd.onmicrosoft.com',
    },
    dmarc: dmarc('v=DMARC1; p=reject; sp=none', 'reject', 'none', 100),
    mx_a: ['52.101.68.30'],
  }),
  'm365-dkim-off.test': signals({
    mx_records: ['m365-dkim-off-test.mail.protection.outlook.com'],
    spf: m365Spf,
    dkim: { present: false, selectors: [], tenant_name: 'fabrikam.onmicrosoft.com' },
    mx_a: [],
  }),
  'google-ws.test': signals({
    mx_records: [
      'aspmx.l.google.com',
      'alt1.aspmx.l.google.com',
      'alt2.aspmx.l.google.com',
      'alt3.aspmx.l.google.com',
      'alt4.aspmx.l.google.com',
    ],
    spf: spf('v=spf1 include:_spf.google.com ~all', 4, ['_spf.google.com']),
    dkim: dkim('google'),
    dmarc: dmarc('v=DMARC1; p=none; rua=mailto:dmarc-reports@google-ws.test', 'none', 'none', 100, [
      'mailto:dmarc-reports@google-ws.test',
    ]),
    ns: ['ns-cloud-a1.googledomains.com', 'ns-cloud-a2.googledomains.com'],
    mx_a: ['142.250.27.26'],
  }),
  'yandex-mail.test': signals({
    mx_records: ['mx.yandex.net'],
    spf: spf('v=spf1 redirect=_spf.yandex.net', 1, []),
    dkim: dkim('mail'),
    mx_a: ['77.88.21.249'],
  }),
  'zoho-mail.test': signals({
    mx_records: ['mx.zoho.com', 'mx2.zoho.com', 'mx3.zoho.com'],
    spf: spf('v=spf1 include:zohomail.com ~all', 1, ['zohomail.com']),
    dkim: dkim('zoho'),
    mx_a: ['136.143.191.44'],
  }),
  'hosting-shared.test': signals({
    mx_records: ['mx1.hostinger.com', 'mx2.hostinger.com'],
    spf: spf('v=spf1 include:_spf.mail.hostinger.com ~all', 1, ['_spf.mail.hostinger.com']),
    dkim: dkim('default'),
    dmarc: dmarc('v=DMARC1; P=Reject; SP=Quarantine', 'reject', 'quarantine', 100),
    mx_a: ['172.65.182.103'],
  }),
  'selfhosted.test': signals({
    mx_records: ['mail.selfhosted.test'],
    spf: spf('v=spf1 mx a ip4:203.0.113.10 -all', 2, []),
    dkim: dkim('dkim'),
    ns: ['ns1.selfhosted.test'],
    mx_a: ['203.0.113.10'],
  }),
  'natro-customer.test': signals({
    mx_records: ['mx.natrohost.com'],
    spf: spf('v=spf1 include:spf.natrohost.com ~all', 1, ['spf.natrohost.com']),
    dmarc: dmarc('v=DMARC1; p=none', 'none', 'none', 100),
    ns: ['ns1.natrohost.com', 'ns2.natrohost.com'],
    mx_a: ['185.85.190.10'],
  }),
  'no-mx.test': signals({ ns: ['ns1.no-mx.test'], dkim: dkimNotProbed }),
  'null-mx.test': signals({ spf: spf('v=spf1 -all', 0, []), dkim: dkimNotProbed }),
  'does-not-exist.test': signals({ nxdomain: true, dkim: dkimNotProbed }),
  'spf-too-many.test': signals({
    mx_records: ['mail.spf-too-many.test'],
    spf: spf(
      'v=spf1 include:a.spf-chain.test include:b.spf-chain.test mx a -all exp=explain.spf-chain.test',
      14,
      ['a.spf-chain.test', 'b.spf-chain.test'],
      { error: 'too_many_lookups' },
    ),
    mx_a: ['203.0.113.20'],
  }),
  'spf-double.test': signals({
    mx_records: ['spf-double-test.mail.protection.outlook.com'],
    spf: { ...m365Spf, multiple_records: true },
    mx_a: ['52.101.68.40'],
  }),
  'spf-loop.test': signals({
    spf: spf('v=spf1 include:loop-a.spf-loop.test -all', 3, ['loop-a.spf-loop.test'], { error: 'include_loop' }),
    dkim: dkimNotProbed,
  }),
  'spf-redirect-loop.test': signals({
    mx_records: ['mail.spf-redirect-loop.test'],
    spf: spf('v=spf1 redirect=spf-redirect-loop.test', 1, [], { error: 'include_loop' }),
    mx_a: ['203.0.113.40'],
  }),
  'dkim-revoked.test': signals({
    mx_records: ['mail.dkim-revoked.test'],
    dkim: { ...noDkim, revoked_selectors: ['default'] },
    mx_a: ['203.0.113.41'],
  }),
  'dmarc-double.test': signals({
    mx_records: ['mail.dmarc-double.test'],
    dmarc: { ...noDmarc, record: 'v=DMARC1; p=reject', error: 'multiple_records' },
    mx_a: ['203.0.113.42'],
  }),
  'dmarc-no-policy.test': signals({
    mx_records: ['mail.dmarc-no-policy.test'],
    dmarc: { ...noDmarc, record: 'v=DMARC1; p=monitor; pct=100', error: 'invalid_policy' },
    mx_a: ['203.0.113.43'],
  }),
  'dkim-long.test': signals({ mx_records: ['mail.dkim-long.test'], dkim: dkim('default'), mx_a: ['203.0.113.30'] }),
  'partial.test': signals({
    mx_records: ['partial-test.mail.protection.outlook.com'],
    spf: spf(
      'v=spf1 include:spf.protection.outlook.com include:spf.silent-vendor.test -all',
      2,
      ['spf.protection.outlook.com', 'spf.silent-vendor.test'],
      { error: 'include_unknown' },
    ),
    dmarc: { ...noDmarc, present: null },
    mx_a: ['52.101.68.50'],
    unknown_checks: ['dmarc'],
  }),
};

const ALL_UNKNOWN = signals({
  mx_records: null,
  spf: { ...noSpf, present: null },
  dkim: { ...noDkim, present: null },
  dmarc: { ...noDmarc, present: null },
  ns: null,
  unknown_checks: ['mx', 'spf', 'dmarc', 'dkim', 'ns'],
});

describe('analyzeDns against the fixture server', () => {
  it.each(Object.entries(EXPECTED))('%s', async (domain, expected) => {
    expect(await analyze(domain)).toEqual(expected);
  });

  it.each(Object.keys(EXPECTED))('%s without provider hints (every selector at once)', async (domain) => {
    expect(await analyze(domain, undefined)).toEqual(EXPECTED[domain]);
  });

  it("probes only the provider's selectors when one holds a key", async () => {
    const { wrapped, dkimAsked } = recording();
    expect(await analyze('google-ws.test', dkimHints, wrapped)).toEqual(EXPECTED['google-ws.test']);
    expect(dkimAsked()).toEqual(['google']);
  });

  it("falls back to the whole list when the provider's selectors hold no key, keeping the tenant", async () => {
    const { wrapped, dkimAsked } = recording();
    expect(await analyze('m365-dkim-off.test', dkimHints, wrapped)).toEqual(EXPECTED['m365-dkim-off.test']);
    expect(dkimAsked()).toEqual([
      'selector1',
      'selector2',
      'default',
      'google',
      'k1',
      's1',
      's2',
      'mail',
      'dkim',
      'zoho',
    ]);
  });

  it('asks no separate CNAME query for the tenant', async () => {
    const { wrapped } = recording();
    const asked: string[] = [];
    const spy: DnsClient = {
      ...wrapped,
      query: (name, type, opts) => (asked.push(type), wrapped.query(name, type, opts)),
    };
    expect((await analyze('m365-tenant.test', dkimHints, spy)).dkim.tenant_name).toBe('contosoltd.onmicrosoft.com');
    expect(asked).not.toContain('CNAME');
  });

  it('normalises the domain it is given', async () => {
    expect(await analyze('M365-Classic.TEST.')).toEqual(EXPECTED['m365-classic.test']);
  });

  it('reports a SERVFAILing domain as unknown, never as missing', async () => {
    expect(await analyze('servfail.test')).toEqual(ALL_UNKNOWN);
  });

  it('reports a silent domain as unknown within timeoutMs × tries', async () => {
    const started = performance.now();
    const result = await analyze('blackhole.test');
    const elapsed = performance.now() - started;
    expect(result).toEqual(ALL_UNKNOWN);
    expect(elapsed).toBeGreaterThanOrEqual(TIMEOUT_MS * TRIES - 20);
    expect(elapsed).toBeLessThan(TIMEOUT_MS * TRIES + 150);
  });

  it('rejoins a DKIM key split over two TXT character-strings', async () => {
    expect(await client.query('default._domainkey.dkim-long.test', 'TXT')).toEqual({
      status: 'ok',
      records: [LONG_DKIM_RECORD],
    });
  });
});
