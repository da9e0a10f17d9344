// DEV/TEST ONLY: an in-memory HunterApi with generated leads, so the renderer can be developed, screenshot
// and e2e-tested without the Electron main process. Deterministic (seeded) so screenshots are stable.
import type {
  Channel,
  ChannelInput,
  ChannelOutput,
  ErrorCode,
  EventName,
  HunterApi,
  HunterEvents,
  ImportPreview,
  ImportPreviewRow,
  ScanJobStatus,
} from '../../shared/ipc/contract';
import type { Kpis, LeadDetail, LeadQuery, LeadRow, LeadStats, ScanHistoryEntry } from '../../shared/leads';
import type { PriorityCategory, ScoreBreakdown, Segment } from '../../shared/domain';
import type { Settings } from '../../shared/settings';
import type { SalesSummary } from '../../shared/sales-summary';

export interface FakeApiOptions {
  /** how many leads to generate (default 400) */
  count?: number;
  /** simulated IPC latency per call */
  latencyMs?: number;
  /** start with a paused, unfinished scan job so the Resume offer can be exercised */
  pausedJob?: boolean;
  /** milliseconds per simulated domain scan in bulk jobs */
  scanStepMs?: number;
}

type Handler<C extends Channel> = (input: ChannelInput<C>) => ChannelOutput<C> | Promise<ChannelOutput<C>>;

function fail(code: ErrorCode, message: string, details?: unknown): never {
  throw Object.assign(new Error(message), { code, details });
}

function mulberry32(seed: number) {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function hash(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

const WORDS = ['anadolu', 'marmara', 'ege', 'yildiz', 'atlas', 'kuzey', 'pergel', 'mavi', 'delta', 'zirve', 'orion', 'kartal', 'lale', 'inci', 'nova', 'tekno', 'ada', 'bora', 'sinerji', 'vizyon'];
const IDN_WORDS = ['çiçek', 'güneş', 'işık', 'öncü', 'şahin', 'doğuş'];
const SUFFIXES = ['lojistik', 'tekstil', 'gida', 'insaat', 'yazilim', 'otomotiv', 'enerji', 'medikal', 'mimarlik', 'danismanlik'];
const TLDS = ['com.tr', 'com', 'net', 'com.tr', 'org.tr', 'net.tr'];
const LEGAL = ['A.Ş.', 'Ltd. Şti.', 'San. ve Tic. A.Ş.'];
const PROVIDERS: [string, number][] = [['M365', 0.3], ['Google', 0.2], ['Yandex', 0.08], ['Zoho', 0.03], ['Hosting', 0.15], ['Local', 0.14], ['Unknown', 0.1]];
const RISK_FLAGS = ['no_dmarc', 'dmarc_none', 'no_spf', 'spf_too_many_lookups', 'no_dkim', 'domain_expiring', 'spf_softfail'];
const TAGS = ['google_workspace', 'local_hosting', 'large_tenant', 'yandex', 'has_dkim', 'dmarc_reject', 'multi_mx'];
const DAY = 86_400_000;
const LABELS: Record<PriorityCategory, string> = {
  P1: 'Sıcak göç fırsatı',
  P2: 'Göç fırsatı',
  P3: 'Göç adayı',
  P4: 'Güvenlik upsell',
  P5: 'Soğuk',
  P6: 'Atla',
};
// whole days keep generated dates stable within a day while staying realistic relative to today
const NOW = Math.floor(Date.now() / DAY) * DAY;

function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)];
}

function pickWeighted(random: () => number, items: [string, number][]): string {
  let roll = random();
  for (const [item, weight] of items) {
    roll -= weight;
    if (roll <= 0) return item;
  }
  return items[items.length - 1][0];
}

function toAscii(display: string): string {
  return new URL(`http://${display}`).hostname;
}

function verdictFor(provider: string | null, score: number): { segment: Segment; category: PriorityCategory } {
  if (!provider || provider === 'Unknown') return { segment: 'Skip', category: 'P6' };
  if (provider === 'M365') return { segment: 'Existing', category: score >= 60 ? 'P4' : 'P5' };
  if (score >= 80) return { segment: 'Migration', category: 'P1' };
  if (score >= 65) return { segment: 'Migration', category: 'P2' };
  if (score >= 45) return { segment: 'Migration', category: 'P3' };
  return { segment: 'Cold', category: 'P5' };
}

function generateLead(index: number): LeadRow {
  const random = mulberry32(index + 1);
  const idn = random() < 0.04;
  const word = idn ? pick(random, IDN_WORDS) : pick(random, WORDS);
  const suffix = pick(random, SUFFIXES);
  const display = `${word}${suffix}${index > 40 ? index : ''}.${pick(random, TLDS)}`;
  const provider = pickWeighted(random, PROVIDERS);
  const scanned = random() < 0.85;
  const score = Math.round(Math.min(100, Math.max(0, 55 + (random() - 0.5) * 90)));
  const { segment, category } = verdictFor(provider, score);
  const flags = RISK_FLAGS.filter(() => random() < 0.18);
  const tags = TAGS.filter(() => random() < 0.14);
  const expires = random() < 0.9 ? new Date(NOW + (random() * 730 - 30) * DAY).toISOString().slice(0, 10) : null;
  const scannedAt = scanned ? new Date(NOW - random() * 14 * DAY).toISOString() : null;
  const company = `${word[0].toLocaleUpperCase('tr')}${word.slice(1)} ${suffix[0].toUpperCase()}${suffix.slice(1)} ${pick(random, LEGAL)}`;
  const row: LeadRow = {
    domain: idn ? toAscii(display) : display,
    domain_display: display,
    company_name: random() < 0.9 ? company : null,
    provider: scanned ? provider : null,
    readiness_score: scanned ? score : null,
    segment: scanned ? segment : null,
    priority_score: scanned ? Number(category.slice(1)) : null,
    priority_category: scanned ? category : null,
    priority_label: scanned ? LABELS[category] : null,
    risk_flags: scanned ? flags : [],
    tags: scanned ? tags : [],
    expires_at: scanned ? expires : null,
    scanned_at: scannedAt,
    scan_status: scanned ? (random() < 0.06 ? 'partial' : 'completed') : 'pending',
    referral_count: 0,
    referral_type: null,
    d365_sync_status: null,
    d365_lead_id: null,
  };
  return row;
}

function mxFor(provider: string | null, domain: string): string[] | null {
  switch (provider) {
    case 'M365':
      return [`${domain.replace(/\./g, '-')}.mail.protection.outlook.com`];
    case 'Google':
      return ['aspmx.l.google.com', 'alt1.aspmx.l.google.com'];
    case 'Yandex':
      return ['mx.yandex.net'];
    case 'Zoho':
      return ['mx.zoho.eu', 'mx2.zoho.eu'];
    case 'Hosting':
      return [`mail.${domain}`];
    case 'Local':
      return ['mx1.natrohost.com', 'mx2.natrohost.com'];
    case null:
      return null;
    default:
      return [];
  }
}

function breakdownFor(row: LeadRow): ScoreBreakdown | null {
  if (row.readiness_score === null) return null;
  const items = [
    { rule: 'provider', points: row.provider === 'M365' ? -20 : 25, reason: `Provider: ${row.provider}` },
    { rule: 'spf', points: row.risk_flags.includes('no_spf') ? -5 : 5, reason: row.risk_flags.includes('no_spf') ? 'No SPF record' : 'SPF present' },
    { rule: 'no_dkim', points: row.risk_flags.includes('no_dkim') ? 10 : 0, reason: 'DKIM missing: easy security win' },
    { rule: 'dmarc', points: row.risk_flags.includes('no_dmarc') ? 8 : -4, reason: row.risk_flags.includes('no_dmarc') ? 'No DMARC policy' : 'DMARC enforced' },
    { rule: 'company_size', points: 6, reason: 'Several MX hosts: mid-size company' },
  ].filter((item) => item.points !== 0);
  const base = 50;
  const sum = base + items.reduce((total, item) => total + item.points, 0);
  // nudge the last item so the visual adds up to the stored score
  items.push({ rule: 'tuning', points: row.readiness_score - sum, reason: 'Expiry and tenant signals' });
  return { base, items: items.filter((item) => item.points !== 0), raw_total: row.readiness_score, total: row.readiness_score, hard_fail: null };
}

function withDetail(row: LeadRow): LeadDetail {
  const mx = row.scanned_at ? mxFor(row.provider, row.domain) : null;
  const dmarcMissing = row.risk_flags.includes('no_dmarc');
  return {
    ...row,
    mx_root: mx && mx.length ? mx[0].split('.').slice(-2).join('.') : null,
    local_provider: row.provider === 'Local' ? 'Natro' : null,
    tenant_size: row.provider === 'M365' ? 'medium' : null,
    tenant_name: row.provider === 'M365' ? `${row.domain.split('.')[0]}.onmicrosoft.com` : null,
    technical_heat: null,
    commercial_segment: null,
    commercial_heat: null,
    reason: row.segment ? `${row.provider} mail, ${row.segment}` : null,
    dns: row.scanned_at
      ? {
          mx_records: mx,
          spf: {
            present: !row.risk_flags.includes('no_spf'),
            record: row.risk_flags.includes('no_spf') ? null : 'v=spf1 include:_spf.google.com include:spf.protection.outlook.com ~all',
            lookup_count: row.risk_flags.includes('spf_too_many_lookups') ? 12 : 3,
            includes: ['_spf.google.com', 'spf.protection.outlook.com'],
            multiple_records: false,
            error: row.risk_flags.includes('spf_too_many_lookups') ? 'too_many_lookups' : null,
          },
          dkim: {
            present: !row.risk_flags.includes('no_dkim'),
            selectors: row.risk_flags.includes('no_dkim') ? [] : [{ selector: 'selector1', cname: row.provider === 'M365' ? `selector1-${row.domain.replace(/\./g, '-')}._domainkey.${row.domain.split('.')[0]}.onmicrosoft.com` : null }, { selector: 'google', cname: null }],
            tenant_name: row.provider === 'M365' ? `${row.domain.split('.')[0]}.onmicrosoft.com` : null,
          },
          dmarc: {
            present: !dmarcMissing,
            record: dmarcMissing ? null : `v=DMARC1; p=${row.risk_flags.includes('dmarc_none') ? 'none' : 'quarantine'}; pct=100; rua=mailto:dmarc@${row.domain}`,
            policy: dmarcMissing ? null : row.risk_flags.includes('dmarc_none') ? 'none' : 'quarantine',
            subdomain_policy: null,
            pct: dmarcMissing ? null : 100,
            rua: dmarcMissing ? [] : [`mailto:dmarc@${row.domain}`],
          },
          ns: ['ns1.natrohost.com', 'ns2.natrohost.com'],
          mx_a: ['185.1.2.3'],
          nxdomain: false,
          unknown_checks: row.scan_status === 'partial' ? ['dkim'] : [],
        }
      : null,
    whois: row.scanned_at
      ? { status: 'ok', source: 'rdap', registrar: 'Natro Bilişim', created_at: '2012-03-14', expires_at: row.expires_at, nameservers: ['ns1.natrohost.com', 'ns2.natrohost.com'], reason: null }
      : null,
    breakdown: breakdownFor(row),
    contact_quality_score: null,
    created_at: new Date(NOW - 30 * DAY).toISOString(),
  };
}

function compareNullable<T>(a: T | null, b: T | null, compare: (x: T, y: T) => number): number {
  if (a === null && b === null) return 0;
  if (a === null) return 1; // unknowns sink to the bottom whatever the order
  if (b === null) return -1;
  return compare(a, b);
}

// plain code-unit order: a collator makes 100,000-row sorts too slow for a stand-in
const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const byNumber = (a: number, b: number) => a - b;

function sortLeads(rows: LeadRow[], query: LeadQuery): LeadRow[] {
  const direction = query.order === 'desc' ? -1 : 1;
  const key = query.sort ?? 'priority';
  const compare = (a: LeadRow, b: LeadRow): number => {
    switch (key) {
      case 'priority':
        return (
          compareNullable(a.priority_category, b.priority_category, (x, y) => direction * byText(x, y)) ||
          compareNullable(a.readiness_score, b.readiness_score, (x, y) => byNumber(y, x))
        );
      case 'readiness_score':
      case 'priority_score':
        return compareNullable(a[key], b[key], (x, y) => direction * byNumber(x, y));
      default:
        return compareNullable(a[key], b[key], (x, y) => direction * byText(String(x), String(y)));
    }
  };
  return [...rows].sort((a, b) => compare(a, b) || byText(a.domain, b.domain));
}

function matches(row: LeadRow, query: LeadQuery): boolean {
  if (query.search) {
    const needle = query.search.toLocaleLowerCase('tr');
    if (![row.domain, row.domain_display, row.company_name ?? ''].some((value) => value.toLocaleLowerCase('tr').includes(needle))) return false;
  }
  if (query.providers?.length && !query.providers.includes(row.provider ?? '')) return false;
  if (query.segments?.length && !(row.segment && query.segments.includes(row.segment))) return false;
  if (query.categories?.length && !(row.priority_category && query.categories.includes(row.priority_category))) return false;
  if (query.min_score !== undefined && (row.readiness_score ?? -1) < query.min_score) return false;
  if (query.max_score !== undefined && (row.readiness_score ?? 101) > query.max_score) return false;
  if (query.risk_flag && !row.risk_flags.includes(query.risk_flag)) return false;
  if (query.tag && !row.tags.includes(query.tag)) return false;
  if (query.expiring_within_days) {
    if (!row.expires_at) return false;
    const days = (Date.parse(row.expires_at) - NOW) / DAY;
    if (days > query.expiring_within_days || days < -30) return false;
  }
  if (query.scanned === 'scanned' && !row.scanned_at) return false;
  if (query.scanned === 'unscanned' && row.scanned_at) return false;
  return true;
}


function normaliseDomain(input: string): { domain: string; display: string } | { error: string } {
  let value = input.trim().toLocaleLowerCase('tr');
  if (!value) return { error: 'empty' };
  if (value.includes('@')) value = value.split('@').pop() ?? '';
  value = value.replace(/^[a-z]+:\/\//, '').split(/[/?#]/)[0].replace(/^www\./, '').replace(/\.$/, '');
  if (/^\d+(\.\d+){3}$/.test(value)) return { error: 'ip_address' };
  if (['example.com', 'test.com', 'domain.com'].includes(value)) return { error: 'placeholder' };
  if (!/^[\p{L}\p{N}-]+(\.[\p{L}\p{N}-]+)+$/u.test(value)) return { error: 'invalid_domain' };
  try {
    return { domain: toAscii(value), display: value };
  } catch {
    return { error: 'invalid_domain' };
  }
}

function decodeBase64Utf8(base64: string): string {
  const binary = atob(base64);
  const bytes = Uint8Array.from(binary, (char) => char.charCodeAt(0));
  return new TextDecoder().decode(bytes);
}

function encodeUtf8Base64(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  bytes.forEach((byte) => (binary += String.fromCharCode(byte)));
  return btoa(binary);
}

const DEFAULT_SETTINGS: Settings = {
  language: 'tr',
  dns_servers: ['1.1.1.1', '8.8.8.8'],
  dns_timeout_ms: 2500,
  dns_tries: 2,
  dkim_selectors: ['selector1', 'selector2', 'google', 'default', 'k1'],
  scan_concurrency: 50,
  whois_enabled: true,
  company_name: 'Bulut Partner A.Ş.',
  currency: 'TRY',
  offer_prices: {
    'Business Basic': { price_per_user_per_month: 210, migration_fee: 15000, defender_price_per_user_per_month: 110, consulting_fee: 5000 },
    'Business Standard': { price_per_user_per_month: 430, migration_fee: 25000, defender_price_per_user_per_month: 110, consulting_fee: 8000 },
    Enterprise: { price_per_user_per_month: 1250, migration_fee: 60000, defender_price_per_user_per_month: null, consulting_fee: 20000 },
  },
};

export function createFakeApi(options: FakeApiOptions = {}): HunterApi {
  const latency = options.latencyMs ?? 25;
  const stepMs = options.scanStepMs ?? 40;
  const leads = new Map<string, LeadRow>();
  for (let index = 0; index < (options.count ?? 400); index++) {
    const lead = generateLead(index);
    leads.set(lead.domain, lead);
  }
  const history = new Map<string, ScanHistoryEntry[]>();
  let settings: Settings = structuredClone(DEFAULT_SETTINGS);
  const listeners = new Map<EventName, Set<(payload: unknown) => void>>();
  let version = 0;
  // sorted once per sort key and data version; filters then keep that order, so a filter change is cheap
  const sortedBy = new Map<string, LeadRow[]>();
  let sortedVersion = -1;
  let filteredCache: { key: string; version: number; rows: LeadRow[] } | null = null;
  let job: (ScanJobStatus & { queue: string[] }) | null = null;
  let timer: ReturnType<typeof setInterval> | null = null;
  let nextJobId = 1;

  const emit = <E extends EventName>(event: E, payload: HunterEvents[E]) => listeners.get(event)?.forEach((listener) => listener(payload));

  function query(input: LeadQuery): LeadRow[] {
    const { offset: _offset, limit: _limit, ...rest } = input;
    const key = JSON.stringify(rest);
    if (filteredCache?.key === key && filteredCache.version === version) return filteredCache.rows;
    if (sortedVersion !== version) {
      sortedBy.clear();
      sortedVersion = version;
    }
    const sortKey = `${rest.sort ?? 'priority'}:${rest.order ?? 'asc'}`;
    let sorted = sortedBy.get(sortKey);
    if (!sorted) {
      sorted = sortLeads([...leads.values()], rest);
      sortedBy.set(sortKey, sorted);
    }
    filteredCache = { key, version, rows: sorted.filter((row) => matches(row, rest)) };
    return filteredCache.rows;
  }

  function rescan(domain: string): LeadDetail {
    const old = leads.get(domain);
    if (!old) fail('not_found', `no lead ${domain}`);
    const random = mulberry32(hash(domain) + version);
    const provider = old.provider ?? pickWeighted(random, PROVIDERS);
    const score = Math.max(0, Math.min(100, (old.readiness_score ?? 50) + Math.round((random() - 0.5) * 10)));
    const { segment, category } = verdictFor(provider, score);
    const row: LeadRow = {
      ...old,
      provider,
      readiness_score: score,
      segment,
      priority_category: category,
      priority_score: Number(category.slice(1)),
      priority_label: LABELS[category],
      scanned_at: new Date().toISOString(),
      scan_status: 'completed',
      expires_at: old.expires_at ?? new Date(NOW + 200 * DAY).toISOString().slice(0, 10),
    };
    const next = withDetail(row);
    const changes: Record<string, [unknown, unknown]> = {};
    (['readiness_score', 'segment', 'priority_category', 'provider'] as const).forEach((field) => {
      if (old[field] !== next[field]) changes[field] = [old[field], next[field]];
    });
    history.set(domain, [
      { scanned_at: row.scanned_at!, scan_status: 'completed', readiness_score: score, segment, priority_category: category, provider, changes },
      ...historyFor(old),
    ]);
    leads.set(domain, row);
    version++;
    return next;
  }

  function historyFor(lead: LeadRow): ScanHistoryEntry[] {
    const known = history.get(lead.domain);
    if (known) return known;
    if (!lead.scanned_at || lead.readiness_score === null) return [];
    const earlier = Math.max(0, lead.readiness_score - 12);
    const entries: ScanHistoryEntry[] = [
      { scanned_at: lead.scanned_at, scan_status: lead.scan_status, readiness_score: lead.readiness_score, segment: lead.segment, priority_category: lead.priority_category, provider: lead.provider, changes: { readiness_score: [earlier, lead.readiness_score], risk_flags: [[], lead.risk_flags] } },
      { scanned_at: new Date(Date.parse(lead.scanned_at) - 21 * DAY).toISOString(), scan_status: 'completed', readiness_score: earlier, segment: lead.segment, priority_category: lead.priority_category, provider: lead.provider, changes: {} },
    ];
    history.set(lead.domain, entries);
    return entries;
  }

  function publicJob(): ScanJobStatus | null {
    if (!job) return null;
    const { queue: _queue, ...status } = job;
    return status;
  }

  function runJob(): void {
    if (timer) clearInterval(timer);
    const startedAt = Date.now() - (job?.done ?? 0) * stepMs;
    timer = setInterval(() => {
      if (!job || job.state !== 'running') return;
      const batch = job.queue.splice(0, 3);
      batch.forEach((domain) => {
        rescan(domain);
        job!.done++;
        job!.succeeded++;
      });
      const elapsed = (Date.now() - startedAt) / 1000;
      job.rate_per_s = elapsed > 0 ? job.done / elapsed : 0;
      job.eta_ms = job.rate_per_s > 0 ? ((job.total - job.done) / job.rate_per_s) * 1000 : null;
      if (!job.queue.length) {
        job.state = 'done';
        job.eta_ms = 0;
        clearInterval(timer!);
        timer = null;
      }
      emit('leads.changed', { domains: batch });
      emit('scan.progress', publicJob()!);
    }, stepMs * 3);
  }

  if (options.pausedJob) {
    const domains = [...leads.keys()].slice(0, 120);
    job = { job_id: nextJobId++, state: 'paused', total: domains.length, done: 48, succeeded: 46, failed: 2, rate_per_s: 0, eta_ms: null, started_at: new Date(NOW - 3600_000).toISOString(), queue: domains.slice(48) };
  }

  function summaryFor(lead: LeadDetail, lang: 'tr' | 'en'): SalesSummary {
    const tr = lang === 'tr';
    const name = lead.company_name ?? lead.domain_display;
    const price = settings.offer_prices['Business Standard'];
    return {
      domain: lead.domain,
      one_liner: tr
        ? `${lead.domain_display} - ${name}, ${lead.provider ?? 'bilinmeyen'} üzerinde; ${lead.segment === 'Migration' ? 'Microsoft 365 göçü için güçlü aday' : 'güvenlik odaklı görüşme önerilir'}.`
        : `${lead.domain_display} - ${name} runs on ${lead.provider ?? 'unknown'}; ${lead.segment === 'Migration' ? 'a strong Microsoft 365 migration candidate' : 'lead with a security conversation'}.`,
      segment_explanation: tr ? `${lead.segment} segmentinde, hazırlık puanı ${lead.readiness_score}.` : `Segment ${lead.segment}, readiness ${lead.readiness_score}.`,
      provider_reasoning: tr ? `MX kayıtları ${lead.provider} gösteriyor.` : `MX records point to ${lead.provider}.`,
      security_reasoning: lead.risk_flags.length
        ? {
            risk_level: lead.risk_flags.length > 1 ? ('high' as const) : ('medium' as const),
            summary: tr ? 'E-posta kimlik doğrulamasında açıklar var.' : 'Email authentication has gaps.',
            details: lead.risk_flags.map((flag) => (tr ? `Bulgu: ${flag}` : `Finding: ${flag}`)),
            sales_angle: tr ? 'Sahte e-posta riskini Defender ile kapatın.' : 'Close spoofing risk with Defender.',
            recommended_action: tr ? 'DMARC p=reject yol haritası sunun.' : 'Offer a DMARC p=reject roadmap.',
          }
        : null,
      call_script: tr
        ? [`Merhaba, ben ${settings.company_name} şirketinden arıyorum.`, `${lead.domain_display} için e-posta altyapınızı inceledik.`, 'Microsoft 365 ile maliyet ve güvenlik avantajlarını konuşmak ister misiniz?']
        : [`Hi, this is ${settings.company_name}.`, `We reviewed the mail setup of ${lead.domain_display}.`, 'Could we talk about cost and security gains with Microsoft 365?'],
      discovery_questions: tr
        ? ['Kaç kullanıcınız e-posta kullanıyor?', 'Mevcut sözleşmeniz ne zaman yenileniyor?', 'Sahte e-posta sorunu yaşadınız mı?']
        : ['How many users have mailboxes?', 'When does your current contract renew?', 'Have you seen spoofing attempts?'],
      offer_tier: {
        tier: 'Business Standard' as const,
        currency: settings.currency,
        license: 'Microsoft 365 Business Standard',
        price_per_user_per_month: price.price_per_user_per_month,
        migration_fee: price.migration_fee,
        defender_price_per_user_per_month: price.defender_price_per_user_per_month,
        consulting_fee: price.consulting_fee,
        recommendation: tr ? 'Teams ve SharePoint ihtiyacı için Standard önerilir.' : 'Standard fits their Teams and SharePoint needs.',
      },
      opportunity_potential: Math.round((lead.readiness_score ?? 0) * 0.9),
      opportunity_rationale: {
        total: lead.readiness_score ?? 0,
        factors: [
          { name: tr ? 'Sağlayıcı' : 'Provider', weight: 0.4, raw: lead.provider, score: 80, comment: tr ? 'Göç edilebilir sağlayıcı' : 'Migratable provider' },
          { name: tr ? 'Güvenlik açığı' : 'Security gap', weight: 0.3, raw: lead.risk_flags.length, score: lead.risk_flags.length * 30, comment: tr ? 'Açıklar satış açısı sunar' : 'Gaps give a sales angle' },
          { name: tr ? 'Şirket büyüklüğü' : 'Company size', weight: 0.3, raw: 'medium', score: 55, comment: tr ? 'Orta ölçek' : 'Mid-size' },
        ],
        tuning_factor: 1,
        summary: tr ? 'Yüksek göç potansiyeli.' : 'High migration potential.',
      },
      urgency: lead.risk_flags.includes('domain_expiring') ? 'high' : 'medium',
      next_step: {
        action: lead.segment === 'Migration' ? 'call' : 'email',
        timeline: lead.priority_category === 'P1' ? '24_saat' : '1_hafta',
        priority: lead.priority_category === 'P1' || lead.priority_category === 'P2' ? 'high' : 'medium',
        message: tr ? 'Kısa bir tanışma e-postası gönderin.' : 'Send a short intro email.',
        internal_note: tr ? 'Referans müşteri örneği ekleyin.' : 'Attach a reference customer story.',
      },
      metadata: {
        domain: lead.domain,
        provider: lead.provider,
        segment: lead.segment,
        readiness_score: lead.readiness_score,
        priority_score: lead.priority_score,
        tenant_size: lead.tenant_size,
        local_provider: lead.local_provider,
        generated_at: new Date().toISOString().slice(0, 19),
      },
    };
  }

  const handlers: { [C in Channel]: Handler<C> } = {
    'app.info': () => ({ version: '0.1.0-fake', db_path: ':memory:', platform: 'web' }),
    'settings.get': () => settings,
    'settings.set': (patch) => {
      const issues: { path: (string | number)[]; message: string }[] = [];
      patch.dns_servers?.forEach((server, index) => {
        if (!/^(\[[0-9a-fA-F:]+\]|[0-9a-zA-Z.\-:]+)(:\d{1,5})?$/.test(server.trim())) issues.push({ path: ['dns_servers', index], message: 'expected HOST or HOST:PORT' });
      });
      if (patch.scan_concurrency !== undefined && !(patch.scan_concurrency >= 1 && patch.scan_concurrency <= 1000)) issues.push({ path: ['scan_concurrency'], message: 'out of range' });
      if (patch.currency !== undefined && !/^[A-Z]{3}$/.test(patch.currency)) issues.push({ path: ['currency'], message: 'Invalid' });
      if (patch.company_name !== undefined && !patch.company_name.trim()) issues.push({ path: ['company_name'], message: 'Required' });
      if (patch.dkim_selectors !== undefined && patch.dkim_selectors.length === 0) issues.push({ path: ['dkim_selectors'], message: 'Required' });
      if (issues.length) fail('validation', 'settings invalid', issues);
      settings = { ...settings, ...(patch as Partial<Settings>) };
      return settings;
    },
    'leads.list': (input) => {
      const rows = query(input);
      const offset = input.offset ?? 0;
      return { rows: rows.slice(offset, offset + (input.limit ?? 100)), total: rows.length, offset };
    },
    'leads.get': ({ domain }) => withDetail(leads.get(domain) ?? fail('not_found', `no lead ${domain}`)),
    'leads.history': ({ domain }) => historyFor(leads.get(domain) ?? fail('not_found', `no lead ${domain}`)),
    'leads.breakdown': ({ domain }) => breakdownFor(leads.get(domain) ?? fail('not_found', `no lead ${domain}`)) ?? fail('not_found', 'not scanned'),
    'leads.salesSummary': ({ domain, lang }) => summaryFor(withDetail(leads.get(domain) ?? fail('not_found', `no lead ${domain}`)), lang ?? 'tr'),
    'leads.salesSummaryText': ({ domain, lang }) => {
      const summary = summaryFor(withDetail(leads.get(domain) ?? fail('not_found', `no lead ${domain}`)), lang ?? 'tr');
      return { text: [summary.one_liner, '', ...summary.call_script, '', ...summary.discovery_questions].join('\n') };
    },
    'leads.add': ({ input, company_name }) => {
      const normalised = normaliseDomain(input);
      if ('error' in normalised) fail('invalid_domain', `not a domain: ${input}`, { reason: normalised.error });
      if (leads.has(normalised.domain)) return { domain: normalised.domain, created: false };
      const lead: LeadRow = { ...generateLead(leads.size + 7), domain: normalised.domain, domain_display: normalised.display, company_name: company_name || null, provider: null, readiness_score: null, segment: null, priority_category: null, priority_label: null, priority_score: null, risk_flags: [], tags: [], expires_at: null, scanned_at: null, scan_status: 'pending' };
      leads.set(lead.domain, lead);
      version++;
      emit('leads.changed', { domains: [lead.domain] });
      return { domain: lead.domain, created: true };
    },
    'leads.kpis': (): Kpis => {
      let migration = 0;
      let high = 0;
      let max: number | null = null;
      leads.forEach((lead) => {
        if (lead.segment === 'Migration') {
          migration++;
          if ((lead.readiness_score ?? 0) >= 70) high++;
        }
        if (lead.readiness_score !== null) max = Math.max(max ?? 0, lead.readiness_score);
      });
      return { total_leads: leads.size, migration, high_priority: high, max_score: max };
    },
    'leads.stats': (): LeadStats => {
      const count = (key: (lead: LeadRow) => string | null) => {
        const counts = new Map<string, number>();
        leads.forEach((lead) => {
          const value = key(lead);
          if (value) counts.set(value, (counts.get(value) ?? 0) + 1);
        });
        return [...counts].map(([k, c]) => ({ key: k, count: c })).sort((a, b) => b.count - a.count);
      };
      const days = count((lead) => lead.scanned_at?.slice(0, 10) ?? null).sort((a, b) => a.key.localeCompare(b.key));
      return {
        by_provider: count((lead) => lead.provider),
        by_segment: count((lead) => lead.segment),
        by_category: count((lead) => lead.priority_category).sort((a, b) => a.key.localeCompare(b.key)),
        by_risk_flag: [],
        by_tag: [],
        scans_per_day: days.map(({ key, count: c }) => ({ day: key, count: c })),
      };
    },
    'legacy.notes': () => [],
    'legacy.tags': () => [],
    'legacy.addNote': () => fail('gone', 'CRM-lite is retired'),
    'import.preview': ({ file_name, content_base64 }): ImportPreview => {
      if (!/\.csv$/i.test(file_name)) fail('bad_file', 'the fake API only reads CSV');
      const lines = decodeBase64Utf8(content_base64).split(/\r?\n/).filter((line) => line.trim());
      if (!lines.length) fail('bad_file', 'empty file');
      const headers = lines[0].split(/[,;]/).map((header) => header.trim());
      const find = (pattern: RegExp) => headers.find((header) => pattern.test(header)) ?? null;
      const columns = { domain: find(/domain|alan|site/i), company: find(/company|firma|şirket/i), email: find(/mail/i), website: find(/web/i) };
      const domainIndex = headers.indexOf(columns.domain ?? columns.website ?? columns.email ?? headers[0]);
      const companyIndex = columns.company ? headers.indexOf(columns.company) : -1;
      const seen = new Set<string>();
      const rows: ImportPreviewRow[] = lines.slice(1).map((line, index) => {
        const cells = line.split(/[,;]/);
        const input = cells[domainIndex]?.trim() ?? '';
        const normalised = normaliseDomain(input);
        let error = 'error' in normalised ? normalised.error : null;
        const domain = 'error' in normalised ? null : normalised.domain;
        if (domain && seen.has(domain)) error = 'duplicate';
        if (domain) seen.add(domain);
        return { row: index + 1, input, domain, company_name: companyIndex >= 0 ? cells[companyIndex]?.trim() || null : null, error, error_message: error };
      });
      const rejected = rows.filter((row) => row.error).length;
      return { columns, headers, total: rows.length, valid: rows.length - rejected, rejected, duplicates: rows.filter((row) => row.error === 'duplicate').length, rows };
    },
    'import.commit': async (file) => {
      const preview = (await handlers['import.preview'](file)) as ImportPreview;
      let added = 0;
      let updated = 0;
      preview.rows.forEach((row) => {
        if (row.error || !row.domain) return;
        if (leads.has(row.domain)) updated++;
        else {
          added++;
          leads.set(row.domain, { ...generateLead(leads.size + 11), domain: row.domain, domain_display: row.input, company_name: row.company_name, provider: null, readiness_score: null, segment: null, priority_category: null, priority_label: null, priority_score: null, risk_flags: [], tags: [], expires_at: null, scanned_at: null, scan_status: 'pending' });
        }
      });
      version++;
      emit('leads.changed', { domains: [] });
      return { import_id: 1, added, updated, rejected: preview.rejected, duplicates: preview.duplicates };
    },
    'scan.start': ({ domains, query: leadQuery }) => {
      if (job && (job.state === 'running' || job.state === 'paused')) fail('busy', 'a scan job is already running');
      const queue = domains ?? query(leadQuery ?? {}).map((lead) => lead.domain);
      job = { job_id: nextJobId++, state: 'running', total: queue.length, done: 0, succeeded: 0, failed: 0, rate_per_s: 0, eta_ms: null, started_at: new Date().toISOString(), queue: [...queue] };
      runJob();
      return publicJob()!;
    },
    'scan.one': ({ domain }) => {
      const next = rescan(domain);
      emit('leads.changed', { domains: [domain] });
      return next;
    },
    'scan.cancel': ({ job_id }) => {
      if (!job || job.job_id !== job_id) fail('not_found', 'no such job');
      job.state = 'cancelled';
      if (timer) clearInterval(timer);
      timer = null;
      emit('scan.progress', publicJob()!);
      return publicJob()!;
    },
    'scan.resume': ({ job_id }) => {
      if (!job || job.job_id !== job_id) fail('not_found', 'no such job');
      job.state = 'running';
      runJob();
      return publicJob()!;
    },
    'scan.status': () => (job && (job.state === 'running' || job.state === 'paused') ? publicJob() : null),
    'export.leads': ({ query: leadQuery, format }) => {
      if (format === 'xlsx') fail('internal', 'the fake API only writes CSV');
      const rows = query(leadQuery);
      const escape = (value: unknown) => `"${String(value ?? '').replace(/"/g, '""')}"`;
      const lines = [['domain', 'company', 'provider', 'score', 'segment', 'category'].join(','), ...rows.map((row) => [row.domain_display, row.company_name, row.provider, row.readiness_score, row.segment, row.priority_category].map(escape).join(','))];
      return { file_name: 'hunter-leads.csv', content_base64: encodeUtf8Base64(lines.join('\n')), rows: rows.length };
    },
  };

  return {
    // answers like the preload does: an IpcResult, never a rejection
    async invoke(channel, input) {
      await new Promise((resolve) => setTimeout(resolve, latency));
      try {
        const handler = handlers[channel] as Handler<typeof channel> | undefined;
        if (!handler) fail('unknown_channel', channel);
        return { ok: true, data: structuredClone(await handler(input)) };
      } catch (error) {
        const { code, message, details } = error as { code?: ErrorCode; message: string; details?: unknown };
        return { ok: false, error: { code: code ?? 'internal', message, details } };
      }
    },
    on(event, listener) {
      const set = listeners.get(event) ?? new Set();
      set.add(listener as (payload: unknown) => void);
      listeners.set(event, set);
      return () => set.delete(listener as (payload: unknown) => void);
    },
  };
}
