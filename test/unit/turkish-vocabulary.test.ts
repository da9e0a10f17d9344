// Turkish as a rep speaks it: every Turkish string the user can see (UI strings, sales summary templates, provider
// and export labels, the scoring rules' shown texts) is checked against resources/glossary.json: no word of the
// English UI vocabulary, no avoided term, no visible markdown.
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { loadGlossary } from '../../main/config/glossary';
import { loadAlertRules, loadConfig } from '../../main/config/load';
import { loadSalesTemplates } from '../../main/sales';
import { SEGMENTS, SPF_ERRORS } from '../../shared/domain';
import { I18N_RESOURCES } from '../../renderer/i18n/resources';
import { englishInTurkish } from '../support/turkish-vocabulary';

const root = join(import.meta.dirname, '..', '..');
const resources = join(root, 'resources');
const glossary = loadGlossary(resources);
const config = loadConfig(resources);
const readJson = (file: string) => JSON.parse(readFileSync(join(root, file), 'utf8'));

/** every string in a JSON value, keyed by its dotted path */
function leaves(value: unknown, path: string, out: Map<string, string> = new Map()): Map<string, string> {
  if (typeof value === 'string') out.set(path, value);
  else if (Array.isArray(value)) value.forEach((item, i) => leaves(item, `${path}[${i}]`, out));
  else if (value && typeof value === 'object')
    for (const [key, item] of Object.entries(value)) leaves(item, path ? `${path}.${key}` : key, out);
  return out;
}

/** renderer/i18n/tr.json as the UI shows it: every key through i18next, so $t(glossary.*) is nested in */
function uiStrings(): Map<string, string> {
  const i18n = i18next.createInstance();
  void i18n.init({ resources: I18N_RESOURCES, lng: 'tr', initAsync: false, interpolation: { escapeValue: false } });
  const out = new Map<string, string>();
  for (const key of leaves(readJson('renderer/i18n/tr.json'), '').keys()) out.set(`tr.json ${key}`, i18n.t(key));
  return out;
}

function turkishStrings(): Map<string, string> {
  const exportLabels = readJson('resources/export_labels.json').tr;
  const sales = loadSalesTemplates(resources, 'tr');
  const all = new Map<string, string>([
    ...uiStrings(),
    ...[...leaves(sales, '')].filter(([key]) => key !== 'meta.locale').map(([k, v]) => [`sales ${k}`, v] as const),
    ...[...leaves(config.providerLabels.tr, '')].map(([k, v]) => [`provider_labels ${k}`, v] as const),
    ...[...leaves({ headers: exportLabels.headers, values: exportLabels.values }, '')].map(
      ([k, v]) => [`export_labels ${k}`, v] as const,
    ),
    // operations alerts: the notification a rep sees
    ...[...leaves(loadAlertRules(resources), '')]
      .filter(([key]) => key.endsWith('.tr'))
      .map(([k, v]) => [`alert-rules ${k}`, v] as const),
    // a hard fail's description is what the score tab shows as its reason
    ...config.rules.hard_fail_rules.map((r, i) => [`rules hard_fail_rules[${i}]`, r.description] as const),
  ]);
  return all;
}

/** sales template fields the UI renders as bold text and the plain-text summary strips: markdown allowed there */
const MARKDOWN_FIELDS = /^sales (segment|provider)\./;

function markdownProblem(key: string, text: string): string | null {
  if (!text.includes('**')) return null;
  if (!MARKDOWN_FIELDS.test(key)) return 'markdown';
  return text.replace(/\*\*[^*]+\*\*/g, '').includes('**') ? 'unbalanced markdown' : null;
}

describe('Turkish strings (glossary)', () => {
  const strings = turkishStrings();

  it('collects the strings of every source', () => {
    for (const source of ['tr.json', 'sales', 'provider_labels', 'export_labels', 'alert-rules', 'rules'])
      expect(
        [...strings.keys()].some((k) => k.startsWith(`${source} `)),
        source,
      ).toBe(true);
    expect(strings.size).toBeGreaterThan(600);
  });

  it('no Turkish string uses an English UI word or an avoided term', () => {
    const offenders = [...strings]
      .map(([key, text]) => ({ key, text, words: englishInTurkish(text, glossary) }))
      .filter((o) => o.words.length > 0)
      .map((o) => `${o.key}: ${o.words.join(', ')} in "${o.text}"`);
    expect(offenders).toEqual([]);
  });

  it('no Turkish string shows markdown', () => {
    const offenders = [...strings]
      .map(([key, text]) => [key, markdownProblem(key, text)] as const)
      .filter(([, problem]) => problem !== null);
    expect(offenders).toEqual([]);
  });

  it('the check catches a planted English word, an avoided term and markdown', () => {
    expect(englishInTurkish("Yeni lead'ler eklendi", glossary)).toEqual(['lead']);
    expect(englishInTurkish('Skorları SCAN ile yenileyin', glossary)).toEqual(['scan', 'skor']);
    expect(englishInTurkish('Göçe hazır, upsell fırsatı', glossary)).toEqual(['upsell', 'göç']);
    expect(englishInTurkish('Provider: Unknown', glossary)).toEqual(['provider', 'unknown']);
    expect(markdownProblem('tr.json detail.label', '**Kalın** metin')).toBe('markdown');
    expect(markdownProblem('sales segment.migration', '**Geçiş segmenti')).toBe('unbalanced markdown');
  });

  it('names, records and codes that stay as they are do not count', () => {
    const kept = [
      'Partner Center yönlendirmeleri, Yandex Mail ve Zoho Mail',
      'DMARC p=none, firma.com.tr, {{domain}}, {host}, HUNTER_LOG_LEVEL, https://login.microsoftonline.com/x',
      'Dosya: adaylar.csv',
    ];
    for (const text of kept) expect(englishInTurkish(text, glossary), text).toEqual([]);
  });
});

describe('one glossary for the UI and the sales summary', () => {
  const ui = uiStrings();

  it('segment names in the UI, the export and the sales summary are the glossary terms', () => {
    const exportSegments = readJson('resources/export_labels.json').tr.values.segment;
    for (const segment of SEGMENTS) {
      const term = glossary.segments[segment].tr;
      expect(ui.get(`tr.json segments.${segment}`)).toBe(term);
      expect(exportSegments[segment]).toBe(term);
      expect(loadSalesTemplates(resources, 'tr').potential.segment[segment]).toContain(term);
    }
    // the raw file names the term instead of repeating it
    expect(readJson('renderer/i18n/tr.json').segments.Migration).toBe('$t(glossary.segments.Migration)');
    expect(readJson('resources/sales/templates.tr.json').segment.migration).toContain('{term.segments.Migration}');
  });

  it('sales terms in the UI and the sales summary are the glossary terms', () => {
    const terms = glossary.terms;
    expect(ui.get('tr.json kpi.total')).toBe(`Toplam ${terms.lead.tr}`);
    expect(ui.get('tr.json referrals.count_one')).toBe(`{{formatted}} ${terms.referral.tr}`);
    const sales = loadSalesTemplates(resources, 'tr');
    expect(sales.one_liner.cold_medium).toMatch(new RegExp(`^soğuk ${terms.lead.tr},`));
    expect(sales.potential.summary.Existing).toContain(terms.upsell.tr);
    expect(loadSalesTemplates(resources, 'en').one_liner.cold_medium).toMatch(new RegExp(`^cold ${terms.lead.en},`));
  });

  it('the sales summary names providers as provider_labels.json does', () => {
    const t = loadSalesTemplates(resources, 'tr');
    expect(t.provider_names).toEqual(config.providerLabels.tr);
    expect(readJson('resources/sales/templates.tr.json').labels).not.toHaveProperty('provider');
  });

  it('a template naming a term the glossary lacks fails to load', () => {
    const dir = mkdtempSync(join(tmpdir(), 'glossary-'));
    cpSync(resources, dir, { recursive: true });
    const broken = readJson('resources/sales/templates.tr.json');
    broken.segment.migration = '**{term.segments.Greenfield}** segmenti: {from}; {band}.';
    writeFileSync(join(dir, 'sales', 'templates.tr.json'), JSON.stringify(broken));
    expect(() => loadSalesTemplates(dir, 'tr')).toThrow(
      'templates.tr.json $.segment.migration: {term.segments.Greenfield} is not in resources/glossary.json',
    );
  });
});

describe('codes the UI shows have Turkish labels', () => {
  const tr = readJson('renderer/i18n/tr.json');

  it('every scoring rule has a Turkish reason for the score tab', () => {
    expect(Object.keys(tr.detail.breakdown.reasons).sort()).toEqual(Object.keys(config.rules.point_labels).sort());
  });

  it('the Turkish export writes P labels, risk flags and tags as the UI names them', () => {
    const values = readJson('resources/export_labels.json').tr.values;
    const categories = [...config.rules.priority_category_rules, config.rules.fallbacks.priority_category_rules];
    for (const { category, label } of categories)
      expect(values.priorityLabel[label], label).toBe(tr.categories[category].label);
    expect(values.riskFlags).toEqual(tr.riskFlags);
    expect(values.tags).toEqual(tr.tags);
    expect(Object.keys(tr.riskFlags).sort()).toEqual(
      [...new Set(config.rules.risk_flag_rules.map((r) => r.flag))].sort(),
    );
    expect(Object.keys(tr.tags).sort()).toEqual([...new Set(config.rules.tag_rules.map((r) => r.tag))].sort());
  });

  it('every SPF error has a Turkish label', () => {
    expect(Object.keys(tr.detail.dns.spfErrors).sort()).toEqual([...SPF_ERRORS].sort());
  });
});
