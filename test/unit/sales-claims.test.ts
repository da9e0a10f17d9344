// Property test: no sentence of a sales summary may contradict the lead's signals, for every provider x SPF x
// DKIM x DMARC x segment x language. Two independent checks:
//  1. claim markers: every template string is prefixed with ⟦its key⟧; keys that state a signal carry a claim
//     token (spf_missing, dmarc_enforced, ...) and each token used must be true for the input;
//  2. phrases: with the real templates, the localized "SPF is missing"-style phrases never appear unless true.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildSalesSummary, loadSalesTemplates } from '../../main/sales';
import type { SalesTemplates } from '../../main/sales';
import { PRIORITY_CATEGORIES, SEGMENTS, TENANT_SIZES } from '../../shared/domain';
import type { DmarcPolicy, Segment } from '../../shared/domain';
import { SettingsSchema } from '../../shared/settings';
import { NEXT_STEP_ACTIONS, NEXT_STEP_PRIORITIES, NEXT_STEP_TIMELINES, URGENCIES } from '../../shared/sales-summary';
import type { SalesInput, SalesSummary } from '../../shared/sales-summary';

const root = join(import.meta.dirname, '..', '..');
const settings = SettingsSchema.parse(
  JSON.parse(readFileSync(join(root, 'resources', 'default-settings.json'), 'utf8')),
);
const LANGS = ['tr', 'en'] as const;
type Lang = (typeof LANGS)[number];
const real: Record<Lang, SalesTemplates> = {
  tr: loadSalesTemplates(join(root, 'resources'), 'tr'),
  en: loadSalesTemplates(join(root, 'resources'), 'en'),
};

/** a copy of the templates where every string starts with ⟦dotted.key⟧ (the locale stays usable) */
function markTemplates(value: unknown, path = ''): unknown {
  if (typeof value === 'string') return path === 'meta.locale' ? value : `⟦${path}⟧${value}`;
  if (Array.isArray(value)) return value.map((v, i) => markTemplates(v, `${path}.${i}`));
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, markTemplates(v, path ? `${path}.${k}` : k)]));
  return value;
}
const marked: Record<Lang, SalesTemplates> = {
  tr: markTemplates(real.tr) as SalesTemplates,
  en: markTemplates(real.en) as SalesTemplates,
};

const PROVIDERS = ['M365', 'Google', 'Yandex', 'Zoho', 'Amazon', 'SendGrid', 'Mailgun', 'Hosting', 'Local', 'Unknown'];
const TRI = [true, false, null] as const;
/** DMARC as the scanner reports it: policy null is either "no record" (present false) or "lookup failed" */
const DMARCS: { policy: DmarcPolicy | null; present: boolean | null }[] = [
  { policy: null, present: null },
  { policy: null, present: false },
  { policy: 'none', present: true },
  { policy: 'quarantine', present: true },
  { policy: 'reject', present: true },
];
const NOW = new Date(2025, 10, 20, 9, 30, 0);

function lead(overrides: Partial<SalesInput>): SalesInput {
  return {
    domain: 'ornek.com.tr',
    company_name: null,
    provider: 'Google',
    segment: 'Migration',
    readiness_score: 70,
    priority_score: 3,
    priority_category: 'P2',
    tenant_size: null,
    local_provider: null,
    mx_root: 'example.net',
    spf: null,
    dkim: null,
    dmarc_policy: null,
    dmarc_present: null,
    dmarc_coverage: null,
    expires_at: null,
    contact_quality_score: null,
    scanned: true,
    ...overrides,
  };
}

// ---- the expected facts, restated independently of the engine ----

/** which claim tokens are true for this input */
function truths(input: SalesInput): Record<string, boolean> {
  const enforced = input.dmarc_policy === 'quarantine' || input.dmarc_policy === 'reject';
  const coverage = input.dmarc_coverage ?? 100;
  return {
    spf_present: input.spf === true,
    spf_missing: input.spf === false,
    spf_unknown: input.spf === null,
    dkim_present: input.dkim === true,
    dkim_missing: input.dkim === false,
    dkim_unknown: input.dkim === null,
    dmarc_absent: input.dmarc_policy === null && input.dmarc_present === false,
    dmarc_unknown: input.dmarc_policy === null && input.dmarc_present !== false,
    dmarc_none: input.dmarc_policy === 'none',
    dmarc_enforced: enforced,
    dmarc_partial: enforced && coverage < 100,
    dmarc_full: enforced && coverage >= 100,
  };
}

function expectedIssues(input: SalesInput): string[] {
  const t = truths(input);
  return ['spf_missing', 'dkim_missing', 'dmarc_absent', 'dmarc_none', 'dmarc_partial'].filter((k) => t[k]);
}

function expectedRisk(input: SalesInput): 'high' | 'medium' | 'low' | null {
  const t = truths(input);
  if (t.spf_unknown && t.dkim_unknown && t.dmarc_unknown) return null;
  const issues = expectedIssues(input);
  if (issues.length >= 2 || t.dmarc_absent || t.dmarc_none) return 'high';
  return issues.length === 1 ? 'medium' : 'low';
}

function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value && typeof value === 'object') return Object.values(value).flatMap(strings);
  return [];
}

function markers(summary: SalesSummary): Set<string> {
  return new Set(strings(summary).flatMap((s) => [...s.matchAll(/⟦([^⟧]+)⟧/g)].map((m) => m[1])));
}

const CLAIM = /(?:spf|dkim)_(?:present|missing|unknown)|dmarc_(?:absent|none|enforced|unknown|partial|full)/g;

/** Check 1: every claim a used template makes is true, and the signal facts the rep needs are stated. */
function claimViolations(summary: SalesSummary, input: SalesInput): string[] {
  const truth = truths(input);
  const used = markers(summary);
  const risk = expectedRisk(input);
  const out: string[] = [];
  for (const key of used) {
    for (const claim of key.match(CLAIM) ?? []) if (!truth[claim]) out.push(`${key} claims ${claim}`);
    const level = /^security\.(?:summary|sales_angle|action)\.(high|medium)$/.exec(key)?.[1];
    if (level && level !== risk) out.push(`${key} used at risk ${risk}`);
    if (key === 'call_script.cold_risk' && risk !== 'high') out.push(`${key} used at risk ${risk}`);
    if (/_issues$/.test(key) && expectedIssues(input).length === 0) out.push(`${key} used without issues`);
  }
  if (summary.security_reasoning) {
    const state = (name: string) =>
      Object.keys(truth).find((k) => k.startsWith(name) && truth[k] && !/partial|full/.test(k));
    for (const signal of ['spf', 'dkim', 'dmarc'])
      if (!used.has(`security.detail.${state(signal)}`)) out.push(`no detail states ${signal} (${state(signal)})`);
  }
  return out;
}

const PHRASES: Record<Lang, Record<string, string[]>> = {
  tr: {
    spf_missing: ['spf kaydı yok', 'spf eksik', 'spf kaydı eksik'],
    spf_present: ['spf kaydı var'],
    dkim_missing: ['dkim kaydı yok', 'dkim eksik', 'dkim imzası yok'],
    dkim_present: ['dkim kaydı bulundu'],
    dmarc_absent: ['dmarc kaydı yok', 'dmarc yok', 'dmarc politikası yok'],
    dmarc_none: ['yalnızca izleme'],
    dmarc_partial: ['tam kapsam değil'],
  },
  en: {
    spf_missing: ['no spf record', 'spf record is missing', 'missing spf'],
    spf_present: ['spf record present'],
    dkim_missing: ['no dkim record', 'dkim is missing', 'missing dkim'],
    dkim_present: ['dkim record found'],
    dmarc_absent: ['no dmarc record', 'no dmarc policy', 'dmarc is missing', 'without dmarc'],
    dmarc_none: ['monitoring only'],
    dmarc_partial: ['not full coverage'],
  },
};
const UNCHECKED: Record<Lang, (signal: string) => string> = {
  tr: (s) => `${s} kontrol edilemedi`,
  en: (s) => `${s} could not be checked`,
};

/** Check 2: the real text never states a fact that is false, and names every unchecked signal as such. */
function phraseViolations(summary: SalesSummary, input: SalesInput, lang: Lang): string[] {
  const truth = truths(input);
  const text = strings(summary).join('\n').toLowerCase();
  const out: string[] = [];
  for (const [claim, phrases] of Object.entries(PHRASES[lang]))
    for (const phrase of phrases)
      if (!truth[claim] && text.includes(phrase)) out.push(`says "${phrase}" but ${claim} is false`);
  if (summary.security_reasoning)
    for (const signal of ['spf', 'dkim', 'dmarc'])
      if (truth[`${signal}_unknown`] && !text.includes(UNCHECKED[lang](signal)))
        out.push(`${signal} unknown but not called unchecked`);
  return out;
}

/** structural invariants of every summary */
function invariantViolations(summary: SalesSummary, input: SalesInput): string[] {
  const out: string[] = [];
  const p = summary.opportunity_potential;
  if (!Number.isInteger(p) || p < 0 || p > 100 || p !== summary.opportunity_rationale.total) out.push(`potential ${p}`);
  const n = summary.next_step;
  if (
    !n ||
    !NEXT_STEP_ACTIONS.includes(n.action) ||
    !NEXT_STEP_TIMELINES.includes(n.timeline) ||
    !NEXT_STEP_PRIORITIES.includes(n.priority)
  )
    out.push(`next_step ${JSON.stringify(n)}`);
  if (!n.message || !n.internal_note) out.push('next_step without text');
  if (!URGENCIES.includes(summary.urgency)) out.push(`urgency ${summary.urgency}`);
  if ((summary.security_reasoning?.risk_level ?? null) !== expectedRisk(input))
    out.push(`risk ${summary.security_reasoning?.risk_level} expected ${expectedRisk(input)}`);
  if (!summary.one_liner.startsWith(`${input.domain} - `)) out.push('one_liner prefix');
  if (summary.call_script.length < 2 || summary.call_script.length > 5)
    out.push(`call_script ${summary.call_script.length}`);
  if (summary.discovery_questions.length < 5 || summary.discovery_questions.length > 9)
    out.push(`questions ${summary.discovery_questions.length}`);
  if (!input.scanned && (n.action !== 'wait' || n.timeline !== '24_saat'))
    out.push('unscanned lead without a scan step');
  return out;
}

function check(input: SalesInput, lang: Lang): string[] {
  const ctx = { settings, lang, now: NOW };
  const withMarkers = buildSalesSummary(input, { ...ctx, templates: marked[lang] });
  const plain = buildSalesSummary(input, { ...ctx, templates: real[lang] });
  return [
    ...claimViolations(withMarkers, input),
    ...phraseViolations(plain, input, lang),
    ...invariantViolations(plain, input),
  ];
}

describe('sales summary never contradicts the signals', () => {
  it('every provider x SPF x DKIM x DMARC x segment x language (exhaustive)', () => {
    const failures: string[] = [];
    let cases = 0;
    for (const provider of PROVIDERS)
      for (const spf of TRI)
        for (const dkim of TRI)
          for (const dmarc of DMARCS)
            for (const segment of SEGMENTS)
              for (const lang of LANGS)
                for (const readiness_score of [0, 45, 85]) {
                  const input = lead({
                    provider,
                    spf,
                    dkim,
                    dmarc_policy: dmarc.policy,
                    dmarc_present: dmarc.present,
                    segment,
                    readiness_score,
                  });
                  cases++;
                  for (const v of check(input, lang)) failures.push(`${JSON.stringify(input)} ${lang}: ${v}`);
                }
    expect(cases).toBe(10 * 3 * 3 * 5 * 4 * 2 * 3);
    expect(failures.slice(0, 10)).toEqual([]);
  });

  it('random leads over every field (fast-check)', () => {
    const tri = fc.constantFrom(true, false, null);
    const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: null });
    const input = fc.record({
      provider: maybe(fc.constantFrom(...PROVIDERS, 'Yahoo')),
      segment: maybe(fc.constantFrom<Segment>(...SEGMENTS)),
      readiness_score: maybe(fc.integer({ min: 0, max: 100 })),
      priority_score: maybe(fc.integer({ min: 1, max: 7 })),
      priority_category: maybe(fc.constantFrom(...PRIORITY_CATEGORIES)),
      partial: fc.boolean(),
      tenant_size: maybe(fc.constantFrom(...TENANT_SIZES)),
      local_provider: maybe(fc.constantFrom('TürkHost', 'Natro')),
      mx_root: maybe(fc.constantFrom('google.com', 'turkhost.com.tr')),
      spf: tri,
      dkim: tri,
      dmarc: fc.constantFrom(...DMARCS),
      dmarc_coverage: maybe(fc.integer({ min: 0, max: 100 })),
      expires_in: maybe(fc.integer({ min: -30, max: 400 })),
      contact_quality_score: maybe(fc.integer({ min: 0, max: 100 })),
      scanned: fc.boolean(),
      lang: fc.constantFrom(...LANGS),
      tuning: fc.constantFrom(undefined, 0.5, 1.5),
    });
    fc.assert(
      fc.property(input, ({ dmarc, expires_in, lang, tuning, ...rest }) => {
        const expires =
          expires_in === null ? null : new Date(NOW.getTime() + expires_in * 86_400_000).toISOString().slice(0, 10);
        const l = lead({ ...rest, dmarc_policy: dmarc.policy, dmarc_present: dmarc.present, expires_at: expires });
        const summary = buildSalesSummary(l, { settings, lang, now: NOW, templates: real[lang], tuningFactor: tuning });
        expect(check(l, lang)).toEqual([]);
        expect(summary.opportunity_rationale.tuning_factor).toBe(tuning ?? 1);
      }),
      { numRuns: 1000 },
    );
  });

  // the checks themselves must be able to fail, or the test above proves nothing
  describe('the checks catch a contradicting template', () => {
    const spfPresent = lead({ spf: true, dkim: true, dmarc_policy: 'reject', dmarc_present: true });

    it('claim markers: an "SPF missing" sentence where SPF is present', () => {
      const wrong = structuredClone(marked.tr);
      wrong.security.detail.spf_present = marked.tr.security.detail.spf_missing;
      const s = buildSalesSummary(spfPresent, { settings, lang: 'tr', now: NOW, templates: wrong });
      expect(claimViolations(s, spfPresent)).toContain('security.detail.spf_missing claims spf_missing');
    });

    it.each(LANGS)('phrases (%s): "DMARC absent" text where DMARC is reject', (lang) => {
      const wrong = structuredClone(real[lang]);
      wrong.security.detail.dmarc_enforced = real[lang].security.detail.dmarc_absent;
      const s = buildSalesSummary(spfPresent, { settings, lang, now: NOW, templates: wrong });
      expect(phraseViolations(s, spfPresent, lang)).toEqual([expect.stringContaining('dmarc_absent is false')]);
    });

    it('claim markers: the reference bug "SPF and DKIM missing, no DMARC" with DMARC reject', () => {
      const input = lead({ spf: false, dkim: false, dmarc_policy: 'reject', dmarc_present: true });
      const wrong = structuredClone(marked.en);
      wrong.security.summary.high = `${wrong.security.summary.high} ${marked.en.security.detail.dmarc_absent}`;
      const s = buildSalesSummary(input, { settings, lang: 'en', now: NOW, templates: wrong });
      expect(claimViolations(s, input)).toContain('security.detail.dmarc_absent claims dmarc_absent');
    });

    it('risk level and unchecked wording', () => {
      const unknownSpf = lead({ spf: null, dkim: true, dmarc_policy: 'reject', dmarc_present: true });
      const s = buildSalesSummary(unknownSpf, { settings, lang: 'en', now: NOW, templates: real.en });
      const tampered = structuredClone(s);
      tampered.security_reasoning = {
        ...s.security_reasoning!,
        risk_level: 'high',
        details: ['no SPF record'],
        summary: '',
      };
      expect(invariantViolations(tampered, unknownSpf)).toEqual(['risk high expected low']);
      expect(phraseViolations(tampered, unknownSpf, 'en')).toEqual([
        'says "no spf record" but spf_missing is false',
        'spf unknown but not called unchecked',
      ]);
    });
  });
});
