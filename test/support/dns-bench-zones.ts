// Generated zones for throughput benchmarks: `lead-N.bench.test` for any N, records built on first query (the server
// caches the encoded answer) or, for the questions a benchmark will ask, at start-up. The provider mix follows
// N mod 20: 40 % Microsoft 365, 25 % Google, 10 % Yandex/Zoho, 10 % hosting, 10 % self-hosted, 5 % no MX.
import { PROVIDER_NAMES } from '../fixtures/dns-zones';
import type { DnsZones, NameRecords, RecordType } from './dns-server';

/** A name under which nothing ever answers: the benchmark's timeout × tries probe. */
export const BENCH_BLACKHOLE = 'blackhole.bench.test';

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

type Question = { name: string; type: RecordType };

/** What a scan of lead-n asks: apex, DMARC, the primary MX host's A, and a TXT per DKIM selector. */
export function* scanQuestions(n: number, selectors: readonly string[]): Generator<Question> {
  const domain = benchDomain(n);
  for (const type of ['MX', 'TXT', 'NS'] as const) yield { name: domain, type };
  yield { name: `_dmarc.${domain}`, type: 'TXT' };
  const mx = APEX[benchProfile(n)](n).MX?.[0];
  if (mx) yield { name: mx.exchange, type: 'A' };
  for (const selector of selectors) yield { name: `${selector}._domainkey.${domain}`, type: 'TXT' };
}

// raw-query domains start far past any scanned lead so they never share a name with a scan
const RAW_FIRST_LEAD = 1_000_000;
const RAW_KINDS: ((domain: string) => Question)[] = [
  (domain) => ({ name: domain, type: 'MX' }),
  (domain) => ({ name: domain, type: 'TXT' }),
  (domain) => ({ name: domain, type: 'NS' }),
  (domain) => ({ name: `_dmarc.${domain}`, type: 'TXT' }),
];

/** The i-th question of a raw lookup run: a fresh (name, type) for every i, so no resolver cache can answer it. */
export function rawQuestion(i: number): Question {
  return RAW_KINDS[i % RAW_KINDS.length](benchDomain(RAW_FIRST_LEAD + Math.floor(i / RAW_KINDS.length)));
}

export interface BenchPrebuild {
  /** leads 0 .. domains-1, with these DKIM selectors */
  domains: number;
  selectors: readonly string[];
  /** raw questions 0 .. rawQuestions-1 */
  rawQuestions: number;
}

export function benchZones(prebuild?: BenchPrebuild): DnsZones {
  return {
    names: { ...PROVIDER_NAMES, [BENCH_BLACKHOLE]: { blackhole: true } },
    generate,
    prebuild: prebuild
      ? function* () {
          for (let n = 0; n < prebuild.domains; n++) yield* scanQuestions(n, prebuild.selectors);
          for (let i = 0; i < prebuild.rawQuestions; i++) yield rawQuestion(i);
        }
      : undefined,
  };
}
