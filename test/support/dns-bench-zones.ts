// Generated zones for throughput benchmarks: `lead-N.bench.test` for any N, records built on first query (the server
// caches the encoded answer), so 10,000 domains cost nothing up front. The provider mix follows N mod 20:
// 40 % Microsoft 365, 25 % Google, 10 % Yandex/Zoho, 10 % hosting, 10 % self-hosted, 5 % no MX.
import { PROVIDER_NAMES } from '../fixtures/dns-zones';
import type { DnsZones, NameRecords } from './dns-server';

export type BenchProfile = 'm365' | 'google' | 'yandex' | 'zoho' | 'hosting' | 'selfhosted' | 'no_mx';

const PROFILE_BY_SLOT: BenchProfile[] = [
  ...Array<BenchProfile>(8).fill('m365'),
  ...Array<BenchProfile>(5).fill('google'),
  'yandex',
  'zoho',
  'hosting',
  'hosting',
  'selfhosted',
  'selfhosted',
  'no_mx',
];

const KEY = 'v=DKIM1; k=rsa; p=MIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQDbench';

export function benchDomain(n: number): string {
  return `lead-${n}.bench.test`;
}

export function benchProfile(n: number): BenchProfile {
  return PROFILE_BY_SLOT[n % PROFILE_BY_SLOT.length];
}

const APEX: Record<BenchProfile, (n: number) => NameRecords> = {
  m365: (n) => ({
    MX: [{ priority: 0, exchange: `lead-${n}-bench-test.mail.protection.outlook.com` }],
    TXT: ['v=spf1 include:spf.protection.outlook.com -all', `MS=ms${10_000_000 + n}`],
  }),
  google: () => ({
    MX: [
      { priority: 1, exchange: 'aspmx.l.google.com' },
      { priority: 5, exchange: 'alt1.aspmx.l.google.com' },
      { priority: 5, exchange: 'alt2.aspmx.l.google.com' },
    ],
    TXT: ['v=spf1 include:_spf.google.com ~all'],
  }),
  yandex: () => ({ MX: [{ priority: 10, exchange: 'mx.yandex.net' }], TXT: ['v=spf1 redirect=_spf.yandex.net'] }),
  zoho: () => ({ MX: [{ priority: 10, exchange: 'mx.zoho.com' }], TXT: ['v=spf1 include:zohomail.com ~all'] }),
  hosting: () => ({
    MX: [{ priority: 5, exchange: 'mx1.hostinger.com' }],
    TXT: ['v=spf1 include:_spf.mail.hostinger.com ~all'],
  }),
  selfhosted: (n) => ({ MX: [{ priority: 10, exchange: `mail.lead-${n}.bench.test` }], TXT: ['v=spf1 mx a -all'] }),
  no_mx: () => ({ A: ['198.51.100.80'] }),
};

/** Records below the apex, by the label(s) in front of it. */
function subName(profile: BenchProfile, n: number, sub: string): NameRecords | undefined {
  if (sub === '_dmarc' && profile !== 'no_mx') {
    return { TXT: [n % 3 === 0 ? 'v=DMARC1; p=none' : 'v=DMARC1; p=quarantine; pct=100; rua=mailto:d@bench.test'] };
  }
  if (sub === 'selector1._domainkey' && profile === 'm365') {
    return { CNAME: `selector1-lead-${n}-bench-test._domainkey.lead${n}.onmicrosoft.com` };
  }
  if (sub === 'google._domainkey' && profile === 'google') return { TXT: [KEY] };
  if (sub === 'mail' && profile === 'selfhosted') return { A: ['203.0.113.80'] };
  return undefined;
}

const LEAD = /^(?:(.+)\.)?lead-(\d+)\.bench\.test$/;
const M365_MX = /^lead-(\d+)-bench-test\.mail\.protection\.outlook\.com$/;
const TENANT_KEY = /^selector1-lead-\d+-bench-test\._domainkey\.lead\d+\.onmicrosoft\.com$/;

function generate(name: string): NameRecords | undefined {
  const lead = LEAD.exec(name);
  if (lead) {
    const n = Number(lead[2]);
    const profile = benchProfile(n);
    if (lead[1] !== undefined) return subName(profile, n, lead[1]);
    return { ...APEX[profile](n), NS: ['ns1.bench.test', 'ns2.bench.test'] };
  }
  if (M365_MX.test(name)) return { A: ['52.101.68.60'] };
  if (TENANT_KEY.test(name)) return { TXT: [KEY] };
  return undefined;
}

export function benchZones(): DnsZones {
  return { names: { ...PROVIDER_NAMES }, generate };
}
