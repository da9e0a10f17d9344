// Derivations of the sales summary: the previous Hunter's reference examples (reference §3.3 / §9.4), with its
// known bugs fixed (reference §10 items 18-19), plus templates, settings and plain-text rendering.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSalesSummary, loadSalesTemplates, renderSalesSummaryText } from '../../main/sales';
import type { SalesTemplates } from '../../main/sales';
import { buildNextStep } from '../../main/sales/next-step';
import { recommendOfferTier } from '../../main/sales/offer';
import { buildOpportunity } from '../../main/sales/opportunity';
import { buildSecurityReasoning, readSecuritySignals } from '../../main/sales/security';
import { fill } from '../../main/sales/text';
import { calculateUrgency } from '../../main/sales/urgency';
import { SettingsSchema } from '../../shared/settings';
import type { Settings } from '../../shared/settings';
import type { SalesInput } from '../../shared/sales-summary';
import type { PriorityCategory, Segment, TenantSize } from '../../shared/domain';

const root = join(import.meta.dirname, '..', '..');
const salesDir = join(root, 'resources', 'sales');
const tr = loadSalesTemplates(join(root, 'resources'), 'tr');
const en = loadSalesTemplates(join(root, 'resources'), 'en');
const defaults = SettingsSchema.parse(
  JSON.parse(readFileSync(join(root, 'resources', 'default-settings.json'), 'utf8')),
);
const NOW = new Date(2025, 10, 20, 9, 30, 0);

function lead(overrides: Partial<SalesInput> = {}): SalesInput {
  return {
    domain: 'ornek.com.tr',
    company_name: 'Örnek A.Ş.',
    provider: 'Google',
    segment: 'Migration',
    readiness_score: 70,
    priority_score: 2,
    priority_category: 'P2',
    tenant_size: null,
    local_provider: null,
    mx_root: 'google.com',
    spf: true,
    dkim: true,
    dmarc_policy: 'reject',
    dmarc_present: true,
    dmarc_coverage: 100,
    expires_at: null,
    contact_quality_score: null,
    scanned: true,
    ...overrides,
  };
}

function summary(overrides: Partial<SalesInput> = {}, lang: 'tr' | 'en' = 'tr', settings: Settings = defaults) {
  return buildSalesSummary(lead(overrides), { templates: lang === 'tr' ? tr : en, settings, lang, now: NOW });
}

/** every string in a summary, joined: for "does the rep see X anywhere" checks */
const allText = (value: unknown): string => JSON.stringify(value);

function days(n: number): string {
  const d = new Date(NOW.getFullYear(), NOW.getMonth(), NOW.getDate() + n);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

describe('opportunity potential (reference examples)', () => {
  const potential = (
    segment: Segment | null,
    score: number | null,
    priority: number | null,
    tenant: TenantSize | null,
    cq: number | null = null,
  ) =>
    buildOpportunity(
      { segment, readiness_score: score, priority_score: priority, tenant_size: tenant, contact_quality_score: cq },
      tr,
    );

  it.each([
    ['Migration', 85, 1, 'large', 80, 99],
    ['Existing', 65, 3, 'medium', 60, 74],
    ['Cold', 30, 6, 'small', 40, 36],
    ['Skip', 10, 7, null, 20, 14],
    ['Migration', 70, 2, 'large', null, 89],
    ['Migration', 70, 2, 'small', null, 84],
    ['Cold', 40, 5, 'small', null, 40],
    [null, null, null, null, null, 23],
  ] as const)('(%s, %s, %s, %s, cq %s) = %i', (segment, score, priority, tenant, cq, expected) => {
    const r = potential(segment, score, priority, tenant, cq);
    expect(r.total).toBe(expected);
    expect(r.factors.reduce((a, f) => a + f.score, 0)).toBe(expected);
  });

  it('a real readiness 0 scores 0, a missing score the neutral 10 (reference §10.19)', () => {
    expect(potential('Skip', 0, 7, null).factors[1]).toMatchObject({ name: 'readiness_score', raw: 0, score: 0 });
    expect(potential('Skip', 0, 7, null).total).toBe(10);
    expect(potential('Skip', null, 7, null).factors[1]).toMatchObject({ raw: null, score: 10 });
  });

  it('factors as the reference rationale: (Cold, 40, 5, small) and contact quality', () => {
    expect(potential('Cold', 40, 5, 'small').factors.map((f) => [f.name, f.score])).toEqual([
      ['segment', 15],
      ['readiness_score', 12],
      ['priority_score', 8],
      ['tenant_size', 5],
    ]);
    expect(potential('Migration', 85, 1, 'large', 80).factors[4]).toMatchObject({
      name: 'contact_quality',
      weight: 0.05,
      raw: 80,
      score: 4,
    });
    expect(potential('Migration', 70, 2, 'large', 90).total).toBeGreaterThan(
      potential('Migration', 70, 2, 'large', 30).total,
    );
  });

  it('tuning factor scales and clamps to 100', () => {
    const r = buildOpportunity(
      { segment: 'Migration', readiness_score: 85, priority_score: 1, tenant_size: 'large', contact_quality_score: 80 },
      tr,
      1.5,
    );
    expect(r).toMatchObject({ total: 100, tuning_factor: 1.5 });
    expect(
      buildOpportunity(
        { segment: 'Cold', readiness_score: 40, priority_score: 5, tenant_size: 'small', contact_quality_score: null },
        tr,
        0.5,
      ).total,
    ).toBe(20);
  });
});

describe('urgency follows the P category', () => {
  it.each([
    ['P1', null, 'high'],
    ['P2', null, 'high'],
    ['P3', null, 'medium'],
    ['P4', null, 'low'],
    ['P5', null, 'low'],
    ['P6', null, 'low'],
    // an expiring domain raises a lead worth pursuing (P1-P4), never a nurture or no-go lead
    ['P3', 30, 'high'],
    ['P4', 75, 'medium'],
    ['P4', -5, 'high'],
    ['P4', 200, 'low'],
    ['P5', 30, 'low'],
    ['P6', -5, 'low'],
    [null, 10, 'low'],
  ] as const)('%s, expires in %s days -> %s', (category, expiresIn, expected) => {
    const input = { priority_category: category, expires_at: expiresIn === null ? null : days(expiresIn) };
    expect(calculateUrgency(input, NOW)).toBe(expected);
  });
});

describe('offer tier', () => {
  it.each([
    ['large', 'Migration', 50, 'Enterprise', [20, 10000, 10, 50000]],
    ['medium', 'Cold', 45, 'Business Standard', [10, 2000, 5, null]],
    ['small', 'Migration', 90, 'Business Basic', [5, 500, null, null]],
    [null, 'Migration', 75, 'Business Standard', [10, 2000, 5, null]],
    [null, 'Migration', 50, 'Business Basic', [5, 500, null, null]],
    // an existing Microsoft 365 customer has nothing to migrate: never a migration fee
    [null, 'Existing', 90, 'Business Basic', [5, null, null, null]],
  ] as const)('tenant %s, %s %i -> %s with the settings prices', (tenant, segment, score, tier, prices) => {
    expect(recommendOfferTier({ tenant_size: tenant, segment, readiness_score: score })).toBe(tier);
    const o = summary({ tenant_size: tenant, segment, readiness_score: score }).offer_tier;
    expect(o).toMatchObject({ tier, license: tier, currency: 'EUR' });
    expect([
      o.price_per_user_per_month,
      o.migration_fee,
      o.defender_price_per_user_per_month,
      o.consulting_fee,
    ]).toEqual(prices);
  });
});

describe('next step follows the P category', () => {
  const step = (category: PriorityCategory, urgency: 'low' | 'medium' | 'high' = 'low') =>
    buildNextStep({ state: 'scored', category, potential: 40, urgency }, tr);

  it.each([
    ['P1', 'high', 'call', '24_saat', 'high'],
    ['P2', 'high', 'call', '24_saat', 'high'],
    ['P3', 'medium', 'call', '3_gün', 'medium'],
    ['P4', 'low', 'email', '1_hafta', 'medium'],
    ['P5', 'low', 'email', '1_hafta', 'low'],
    ['P6', 'low', 'wait', '1_ay', 'low'],
    // an expiring domain (urgency high) turns P3/P4 into a call now; P5/P6 are never urgent
    ['P3', 'high', 'call', '24_saat', 'high'],
    ['P4', 'high', 'call', '24_saat', 'high'],
  ] as const)('%s at urgency %s -> %s / %s / %s', (category, urgency, action, timeline, priority) => {
    expect(step(category, urgency)).toMatchObject({ action, timeline, priority });
  });

  it('P1/P2 are the top buckets: a hot Migration lead and its summary say "call within 24 hours"', () => {
    const hot = summary({ readiness_score: 85, priority_category: 'P2' });
    expect(hot).toMatchObject({
      urgency: 'high',
      next_step: { action: 'call', timeline: '24_saat', priority: 'high' },
    });
    expect(hot.next_step.internal_note).toContain('24 saat');
    const cold = summary({ segment: 'Cold', provider: 'Local', readiness_score: 45, priority_category: 'P5' });
    expect(cold).toMatchObject({ urgency: 'low', next_step: { action: 'email', priority: 'low' } });
  });

  it('messages and notes name the category and the reference keywords', () => {
    expect(step('P2').message).toMatch(/Microsoft 365/);
    expect(step('P3').internal_note).toContain('3 gün');
    expect(step('P5').internal_note.toLowerCase()).toContain('düşük');
    expect(step('P6').internal_note).toContain('yeni sinyal');
    for (const category of ['P1', 'P2', 'P3', 'P4', 'P5', 'P6'] as const)
      expect(step(category).internal_note).toMatch(new RegExp(`^${category}`));
  });
});

describe('security reasoning (reference observed outputs, bugs fixed)', () => {
  const sec = (
    spf: boolean | null,
    dkim: boolean | null,
    policy: 'none' | 'quarantine' | 'reject' | null,
    coverage: number | null,
    present: boolean | null = policy ? true : false,
  ) =>
    buildSecurityReasoning(
      readSecuritySignals({ spf, dkim, dmarc_policy: policy, dmarc_coverage: coverage, dmarc_present: present }),
      tr,
    );

  it.each([
    [false, false, 'none', null, 'high'],
    [true, true, 'reject', 75, 'medium'],
    [true, true, 'reject', 100, 'low'],
    [true, true, 'none', null, 'high'],
    [false, true, 'reject', 100, 'medium'],
    [true, true, 'quarantine', null, 'low'],
    [false, false, 'reject', 100, 'high'],
    [true, true, null, null, 'high'],
  ] as const)('(%s, %s, %s, %s) -> %s', (spf, dkim, policy, coverage, level) => {
    expect(sec(spf, dkim, policy, coverage)?.risk_level).toBe(level);
  });

  it('all unknown -> null; DMARC with a failed lookup is "could not be checked", not missing', () => {
    expect(sec(null, null, null, null, null)).toBeNull();
    const s = sec(true, true, null, null, null)!;
    expect(s.risk_level).toBe('low');
    expect(s.details).toContain('DMARC kontrol edilemedi (DNS yanıt vermedi)');
    expect(allText(s)).not.toContain('DMARC kaydı yok');
  });

  it('SPF and DKIM missing with DMARC reject never says DMARC is absent (reference §10.18)', () => {
    const s = sec(false, false, 'reject', 100)!;
    expect(s.summary).toBe('Yüksek risk: SPF kaydı yok ve DKIM kaydı yok (yaygın seçiciler denendi).');
    expect(allText(s)).not.toMatch(/DMARC kaydı yok|DMARC politikası yok/);
  });

  it('only SPF missing never asks to add DMARC (reference §10.18)', () => {
    const s = sec(false, true, 'reject', 100)!;
    expect(s.summary).toBe('Orta risk: SPF kaydı yok.');
    expect(s.recommended_action).toBe('Önerilen adımlar: SPF kaydı yayınlayın.');
  });

  it('partial coverage is reported with its percentage', () => {
    expect(sec(true, true, 'reject', 75)!.summary).toContain('%75');
    expect(sec(true, true, 'reject', 100)!.details).toContain('DMARC kapsamı %100, tam koruma');
  });
});

describe('texts (reference keyword checks)', () => {
  it('one-liner always starts with the domain and follows segment and score', () => {
    const local = { provider: 'Local', local_provider: 'TürkHost', mx_root: 'turkhost.com.tr' };
    expect(summary({ ...local, readiness_score: 85, tenant_size: 'large' }).one_liner).toBe(
      'ornek.com.tr - büyük ölçekli geçiş fırsatı, hazırlık yüksek (puan: 85); Enterprise teklifi hazırlanabilir',
    );
    expect(summary({ ...local, local_provider: 'Natro', readiness_score: 65 }).one_liner).toContain('Natro kullanıyor');
    expect(summary({ segment: 'Existing', provider: 'M365', readiness_score: 75 }).one_liner).toMatch(
      /mevcut.*ek satış/,
    );
    expect(summary({ segment: 'Cold', readiness_score: 45 }).one_liner).toContain('soğuk aday');
    expect(summary({ segment: 'Skip', readiness_score: 0 }).one_liner).toBe(
      'ornek.com.tr - Uygun değil segmenti, şimdilik takip edilmemeli',
    );
  });

  it('Migration >= 80 explanation lists only the signals that exist (reference §10.18)', () => {
    const text = summary({ readiness_score: 85, spf: true, dkim: false, dmarc_policy: 'none' }).segment_explanation;
    expect(text).toContain('Doğrulanan güvenlik sinyalleri: SPF.');
    expect(text).not.toMatch(/DKIM|DMARC/);
    expect(summary({ readiness_score: 85, spf: null, dkim: false, dmarc_policy: null }).segment_explanation).toContain(
      'Doğrulanmış güçlü bir SPF/DKIM/DMARC sinyali bulunmuyor',
    );
  });

  it('M365 provider text makes no unchecked "SPF includes Microsoft" claim', () => {
    const text = summary({ segment: 'Existing', provider: 'M365', mx_root: 'outlook.com' }, 'en').provider_reasoning;
    expect(text).toBe(
      'Uses **Microsoft 365**. There is room to grow the existing setup on licensing and security (Defender for Office 365, Entra ID). The MX record points to outlook.com.',
    );
  });

  it('explanations name the provider and segment', () => {
    expect(summary({ provider: 'Local', local_provider: 'TürkHost' }).segment_explanation).toMatch(
      /Geçiş.*kendi sunucusunda \(TürkHost\)/,
    );
    expect(
      summary({ segment: 'Cold', provider: 'Local', local_provider: 'Natro', readiness_score: 30 }).segment_explanation,
    ).toMatch(/Soğuk.*Natro/);
    expect(summary({ segment: 'Skip', provider: 'Local', readiness_score: 3 }).segment_explanation).toMatch(
      /^\*\*Uygun değil\*\*/,
    );
    expect(
      summary({ provider: 'Unknown', mx_root: null, segment: 'Skip', readiness_score: 0 }).provider_reasoning,
    ).toMatch(/belirsiz.*MX/);
    expect(summary({ provider: 'Hosting' }).provider_reasoning).toContain('barındırma');
  });

  it('call script: 2-5 bullets, company from settings, security findings, tier value', () => {
    const migration = summary({
      provider: 'Local',
      local_provider: 'TürkHost',
      readiness_score: 80,
      tenant_size: 'large',
      spf: false,
      dkim: false,
      dmarc_policy: 'none',
    });
    expect(migration.call_script).toHaveLength(4);
    expect(migration.call_script[0]).toBe(
      "Merhaba, ben [Adınız], [Şirketiniz] adına arıyorum. Örnek A.Ş. e-postalarının şu an TürkHost üzerinde çalıştığını gördük; Microsoft 365'e geçişi konuşmak isterim.",
    );
    expect(migration.call_script[1]).toContain(
      'SPF kaydı yok, DKIM kaydı yok (yaygın seçiciler denendi) ve DMARC var ama politikası p=none',
    );
    expect(migration.call_script[2]).toContain('Enterprise');
    // a provider whose label is a common noun reads as one mid-sentence, in both languages
    const hosted = { provider: 'Hosting', readiness_score: 80 } as const;
    expect(summary(hosted).call_script[0]).toContain('e-postalarının şu an paylaşımlı barındırma üzerinde çalıştığını');
    expect(summary(hosted, 'en').call_script[0]).toContain('currently runs on shared hosting,');

    const cold = summary({
      segment: 'Cold',
      readiness_score: 45,
      spf: false,
      dmarc_policy: null,
      dmarc_present: false,
    });
    expect(cold.call_script).toHaveLength(3);
    expect(cold.call_script.join(' ')).toMatch(/dış göz.*kimlik avı.*10-15 dakikalık/);
    const coldClean = summary({ segment: 'Cold', readiness_score: 45 });
    expect(coldClean.call_script[1]).toBe(tr.call_script.cold_generic);

    const existing = summary({ segment: 'Existing', provider: 'M365', dmarc_policy: 'quarantine', dmarc_coverage: 50 });
    expect(existing.call_script.join(' ')).toMatch(/mevcut.*DMARC kapsamı %50/);
  });

  it('discovery questions: 5-9, by segment and size, always budget and process', () => {
    const q = summary({ provider: 'Local', local_provider: 'TürkHost', tenant_size: 'large' }).discovery_questions;
    expect(q).toHaveLength(9);
    expect(q.join(' ')).toMatch(/altyapı.*Kimlik avı.*sunucu.*Büyük.*KVKK.*bütçe.*süreç.*zaman/s);
    expect(summary({ segment: 'Skip', tenant_size: null }).discovery_questions).toHaveLength(5);
  });
});

describe('unscanned and unanswered leads', () => {
  const unscanned = {
    provider: null,
    segment: null,
    readiness_score: null,
    priority_score: null,
    mx_root: null,
    spf: null,
    dkim: null,
    dmarc_policy: null,
    dmarc_present: null,
    dmarc_coverage: null,
    scanned: false,
  } satisfies Partial<SalesInput>;

  it.each(['tr', 'en'] as const)('an unscanned lead says so and the next step is a scan (%s)', (lang) => {
    const t = lang === 'tr' ? tr : en;
    const s = summary(unscanned, lang);
    expect(s.one_liner).toBe(`ornek.com.tr - ${t.one_liner.unscanned}`);
    expect(s.segment_explanation).toBe(t.segment.unscanned);
    expect(s.provider_reasoning).toBe(t.provider.unscanned);
    expect(s.security_reasoning).toBeNull();
    expect(s.call_script[0]).toBe(t.call_script.unscanned);
    expect(s.next_step).toEqual({ action: 'wait', timeline: '24_saat', priority: 'medium', ...t.next_step.scan });
    expect(s).toMatchObject({ scanned: false, language: lang, opportunity_potential: 23 });
  });

  it('a scanned lead without a verdict asks for a rescan', () => {
    const s = summary({ ...unscanned, scanned: true });
    expect(s.one_liner).toContain('yeniden tarayın');
    expect(s.next_step).toMatchObject({ action: 'wait', timeline: '24_saat', message: tr.next_step.rescan.message });
  });
});

describe('templates', () => {
  const keys = (value: unknown, prefix = ''): string[] =>
    value !== null && typeof value === 'object'
      ? Object.entries(value).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k))
      : [prefix];

  it('Turkish and English have the identical key set', () => {
    const raw = (lang: string) => JSON.parse(readFileSync(join(salesDir, `templates.${lang}.json`), 'utf8'));
    expect(keys(raw('en')).sort()).toEqual(keys(raw('tr')).sort());
  });

  it('every placeholder of a template has the same name in both languages', () => {
    const placeholders = (t: SalesTemplates) =>
      Object.fromEntries(
        keys(t).map((k) => [
          k,
          (
            String(k.split('.').reduce<unknown>((o, p) => (o as Record<string, unknown>)[p], t)).match(/\{\w+\}/g) ?? []
          ).sort(),
        ]),
      );
    expect(placeholders(en)).toEqual(placeholders(tr));
  });

  it('fill interpolates and refuses a missing value', () => {
    expect(fill('{a} ve {b}', { a: 1, b: 'iki' })).toBe('1 ve iki');
    expect(() => fill('{a} ve {b}', { a: 1 })).toThrow(/\{b\}/);
  });

  it('loading rejects a template file with a missing key', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sales-templates-'));
    const broken = JSON.parse(readFileSync(join(salesDir, 'templates.en.json'), 'utf8'));
    delete broken.security.detail.spf_missing;
    mkdirSync(join(dir, 'sales'));
    writeFileSync(join(dir, 'sales', 'templates.en.json'), JSON.stringify(broken));
    expect(() => loadSalesTemplates(dir, 'en')).toThrow(
      /templates.en.json is invalid:\n.*\$.security.detail.spf_missing/,
    );
  });
});

describe('settings', () => {
  it('default-settings.json holds every Settings field with the reference defaults', () => {
    const raw = JSON.parse(readFileSync(join(root, 'resources', 'default-settings.json'), 'utf8'));
    expect(Object.keys(raw).sort()).toEqual(Object.keys(SettingsSchema.shape).sort());
    expect(defaults).toMatchObject({
      language: 'tr',
      rep_name: '',
      company_name: '',
      currency: 'EUR',
      dns_timeout_ms: 2000,
      scan_concurrency: 200,
    });
    expect(defaults.offer_prices.Enterprise).toEqual({
      price_per_user_per_month: 20,
      migration_fee: 10000,
      defender_price_per_user_per_month: 10,
      consulting_fee: 50000,
    });
  });

  it.each(['tr', 'en'] as const)('company name, prices and currency come from settings (%s)', (lang) => {
    const settings: Settings = {
      ...defaults,
      company_name: 'Bulut Partner Ltd',
      currency: 'TRY',
      offer_prices: {
        ...defaults.offer_prices,
        'Business Standard': { ...defaults.offer_prices['Business Standard'], price_per_user_per_month: 425 },
      },
    };
    const s = summary({ tenant_size: 'medium' }, lang, settings);
    expect(s.call_script[0]).toContain('Bulut Partner Ltd');
    expect(s.offer_tier).toMatchObject({ price_per_user_per_month: 425, currency: 'TRY' });
    // the money format of the UI: amount then symbol in Turkish
    const price = lang === 'tr' ? '425,00 ₺' : 'TRY\u00a0425.00';
    expect(s.offer_tier.recommendation).toContain(price);
    const text = renderSalesSummaryText(s, lang === 'tr' ? tr : en);
    expect(text).toContain('Bulut Partner Ltd');
    expect(text).toContain(price);
    expect(allText(s) + text).not.toMatch(/Gibibyte|EUR/);
  });
});

describe('plain-text rendering', () => {
  it.each(['tr', 'en'] as const)('contains every section, localised, without markdown (%s)', (lang) => {
    const t = lang === 'tr' ? tr : en;
    const s = summary({ readiness_score: 85, tenant_size: 'large', dkim: false, contact_quality_score: 80 }, lang);
    const text = renderSalesSummaryText(s, t);
    for (const heading of Object.values(t.text.heading))
      expect(text).toContain(`\n${heading}\n${'-'.repeat(heading.length)}\n`);
    for (const line of [
      s.one_liner,
      ...s.call_script,
      ...s.discovery_questions,
      ...s.security_reasoning!.details,
      s.next_step.message,
      s.next_step.internal_note,
      s.opportunity_rationale.summary,
    ])
      expect(text).toContain(line);
    expect(text).toContain(s.segment_explanation.replace(/\*\*/g, ''));
    expect(text).not.toContain('**');
    expect(text).toContain(fill(t.text.title, { domain: 'ornek.com.tr' }));
    expect(text).toContain(t.labels.timeline[s.next_step.timeline]);
    const at = lang === 'tr' ? '20 Kasım 2025 09:30' : '20 November 2025 09:30';
    expect(text).toContain(fill(t.text.generated_at, { at }));
  });

  it('an unscanned summary renders the "not checked" security line', () => {
    const s = summary({
      spf: null,
      dkim: null,
      dmarc_policy: null,
      dmarc_present: null,
      scanned: false,
      segment: null,
      readiness_score: null,
    });
    expect(renderSalesSummaryText(s, tr)).toContain(tr.text.security_unchecked);
  });
});

describe('call script names the people on both ends', () => {
  const withRep = (lang: 'tr' | 'en') =>
    ({ ...defaults, rep_name: 'Ayşe Yılmaz', company_name: 'Bulut Partner Ltd', language: lang }) as Settings;

  it.each([
    ['tr', 'Merhaba, ben Ayşe Yılmaz, Bulut Partner Ltd adına arıyorum.'],
    ['en', 'Hello, this is Ayşe Yılmaz, calling on behalf of Bulut Partner Ltd.'],
  ] as const)('the greeting carries the rep name and company from settings (%s)', (lang, greeting) => {
    for (const segment of ['Migration', 'Existing', 'Cold', 'Skip'] as const)
      expect(summary({ segment }, lang, withRep(lang)).call_script.join('\n')).toContain(greeting);
  });

  it.each([
    ['tr', 'Merhaba, ben [Adınız], [Şirketiniz] adına arıyorum.'],
    ['en', 'Hello, this is [Your name], calling on behalf of [Your company].'],
  ] as const)(
    'without a name or company in settings a placeholder is said, no built-in company (%s)',
    (lang, greeting) => {
      expect(defaults.company_name).toBe('');
      expect(defaults.rep_name).toBe('');
      expect(summary({}, lang).call_script[0].startsWith(greeting)).toBe(true);
    },
  );

  it('names the customer by company name, else by the Unicode domain, never punycode', () => {
    expect(summary({ company_name: 'Şeker Lojistik A.Ş.' }).call_script[0]).toContain('Şeker Lojistik A.Ş.');
    const unnamed = summary({ company_name: null, domain: 'xn--eker-zra.com.tr', domain_display: 'şeker.com.tr' });
    expect(unnamed.call_script[0]).toContain('şeker.com.tr');
    expect(unnamed.call_script.join(' ')).not.toContain('xn--');
  });
});

describe('verdicts that match the record', () => {
  it('an existing Microsoft 365 customer is never offered a migration fee', () => {
    for (const tenant_size of [null, 'small', 'medium', 'large'] as const) {
      for (const lang of ['tr', 'en'] as const) {
        const s = summary({ provider: 'M365', segment: 'Existing', priority_category: 'P4', tenant_size }, lang);
        expect(s.offer_tier.migration_fee).toBeNull();
        const migrationPrice = (lang === 'tr' ? tr : en).offer.price.migration.split('{')[0];
        expect(s.offer_tier.recommendation).not.toContain(migrationPrice);
      }
    }
    expect(summary({ provider: 'Google', tenant_size: 'medium' }).offer_tier.migration_fee).toBe(2000);
  });

  it.each(['tr', 'en'] as const)(
    'a domain that does not exist gets "check the website / e-mail", no pitch (%s)',
    (lang) => {
      const t = lang === 'tr' ? tr : en;
      const s = summary(
        {
          nxdomain: true,
          provider: 'Unknown',
          segment: 'Skip',
          readiness_score: 0,
          priority_category: 'P6',
          spf: false,
          dkim: null,
          dmarc_policy: null,
          dmarc_present: false,
        },
        lang,
      );
      expect(s.one_liner).toBe(`ornek.com.tr - ${t.one_liner.not_found}`);
      expect(s.segment_explanation).toBe(t.segment.not_found);
      expect(s.security_reasoning).toBeNull();
      expect(s.call_script[0]).toContain(
        lang === 'tr' ? 'web sitesine ve e-posta adresine' : 'website and e-mail address',
      );
      expect(s.call_script.join(' ')).not.toMatch(/Microsoft 365/);
      expect(s.next_step).toMatchObject({ action: 'wait', ...t.next_step.check_domain });
    },
  );

  it.each([
    ['tr', 'Kısmen tarandı, yeniden tarayın'],
    ['en', 'Partially scanned, rescan'],
  ] as const)('a partially scanned lead opens with "partially scanned, rescan" (%s)', (lang, opening) => {
    const s = summary({ partial: true, readiness_score: 85 }, lang);
    expect(s.one_liner.startsWith(`ornek.com.tr - ${opening}`)).toBe(true);
    expect(s.partially_scanned).toBe(true);
    expect(renderSalesSummaryText(s, lang === 'tr' ? tr : en)).toContain(s.one_liner);
    expect(summary({ readiness_score: 85 }, lang).one_liner).not.toContain(opening);
  });

  it('broken SPF, revoked DKIM and invalid DMARC are named for what they are, never "present" or "missing"', () => {
    const s = summary({
      spf: true,
      spf_broken: true,
      dkim: false,
      dkim_revoked: true,
      dmarc_policy: null,
      dmarc_present: false,
      dmarc_invalid: true,
    });
    expect(s.security_reasoning!.details).toEqual([
      tr.security.detail.spf_broken,
      tr.security.detail.dkim_revoked,
      tr.security.detail.dmarc_invalid,
    ]);
    expect(s.security_reasoning!.risk_level).toBe('high');
    expect(s.segment_explanation).not.toContain('SPF,');
    expect(allText(s)).not.toContain(tr.security.detail.spf_present);
  });
});
