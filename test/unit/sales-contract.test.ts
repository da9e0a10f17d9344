// Contract v1 of the sales summary. The frozen lists below are the contract: if this test fails because a
// field or enum value was removed/renamed, that is a breaking change for D365 notes, exports and the UI.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSalesSummary, loadSalesTemplates } from '../../main/sales';
import { SettingsSchema } from '../../shared/settings';
import { SalesSummarySchema, salesSummaryJsonSchema } from '../../shared/sales-summary';
import type { SalesInput } from '../../shared/sales-summary';

const root = join(import.meta.dirname, '..', '..');
const schemaFile = join(root, 'shared', 'sales-summary.schema.json');
const readJson = (file: string) => JSON.parse(readFileSync(file, 'utf8'));

const FROZEN_REQUIRED: Record<string, string[]> = {
  '': [
    'domain',
    'one_liner',
    'segment_explanation',
    'provider_reasoning',
    'security_reasoning',
    'call_script',
    'discovery_questions',
    'offer_tier',
    'opportunity_potential',
    'opportunity_rationale',
    'urgency',
    'next_step',
    'metadata',
  ],
  security_reasoning: ['risk_level', 'summary', 'details', 'sales_angle', 'recommended_action'],
  offer_tier: [
    'tier',
    'license',
    'price_per_user_per_month',
    'migration_fee',
    'defender_price_per_user_per_month',
    'consulting_fee',
    'recommendation',
  ],
  opportunity_rationale: ['total', 'factors', 'tuning_factor', 'summary'],
  'opportunity_rationale.factors[]': ['name', 'weight', 'raw', 'score', 'comment'],
  next_step: ['action', 'timeline', 'priority', 'message', 'internal_note'],
  metadata: [
    'domain',
    'provider',
    'segment',
    'readiness_score',
    'priority_score',
    'tenant_size',
    'local_provider',
    'generated_at',
  ],
};

const FROZEN_ENUMS: Record<string, string[]> = {
  'security_reasoning.risk_level': ['high', 'medium', 'low'],
  'offer_tier.tier': ['Business Basic', 'Business Standard', 'Enterprise'],
  urgency: ['low', 'medium', 'high'],
  'next_step.action': ['call', 'email', 'wait'],
  'next_step.timeline': ['24_saat', '3_gün', '1_hafta', '1_ay'],
  'next_step.priority': ['high', 'medium', 'low'],
  'metadata.segment': ['Migration', 'Existing', 'Cold', 'Skip'],
  'metadata.tenant_size': ['small', 'medium', 'large'],
};

type Json = Record<string, unknown>;

/** the object schema at a dotted path ("a.b[]" = items of array b), looking through a nullable anyOf */
function schemaAt(schema: Json, path: string): Json {
  let node = schema;
  for (const part of path ? path.split('.') : []) {
    const name = part.replace('[]', '');
    node = (node.properties as Record<string, Json>)[name];
    const branches = node.anyOf as Json[] | undefined;
    if (branches) node = branches.find((b) => b.type !== 'null')!;
    if (part.endsWith('[]')) node = node.items as Json;
  }
  return node;
}

/** A validator for exactly the JSON Schema subset the contract file uses. Returns the violations. */
function validate(schema: Json, value: unknown, at = '$'): string[] {
  if (schema.anyOf) {
    const ok = (schema.anyOf as Json[]).some((s) => validate(s, value, at).length === 0);
    return ok ? [] : [`${at}: matches no anyOf branch`];
  }
  const errors: string[] = [];
  const type = schema.type as string | undefined;
  const actual = value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value;
  if (type === 'integer' ? !Number.isInteger(value) : type && type !== actual)
    return [`${at}: expected ${type}, got ${actual}`];
  if (schema.enum && !(schema.enum as unknown[]).includes(value)) errors.push(`${at}: ${String(value)} not in enum`);
  if (typeof value === 'number') {
    if (typeof schema.minimum === 'number' && value < schema.minimum) errors.push(`${at}: below minimum`);
    if (typeof schema.maximum === 'number' && value > schema.maximum) errors.push(`${at}: above maximum`);
  }
  if (Array.isArray(value) && schema.items)
    value.forEach((v, i) => errors.push(...validate(schema.items as Json, v, `${at}[${i}]`)));
  if (actual === 'object') {
    const obj = value as Json;
    const props = (schema.properties ?? {}) as Record<string, Json>;
    for (const key of (schema.required ?? []) as string[]) if (!(key in obj)) errors.push(`${at}.${key}: required`);
    for (const [key, v] of Object.entries(obj)) {
      if (props[key]) errors.push(...validate(props[key], v, `${at}.${key}`));
      else if (schema.additionalProperties === false) errors.push(`${at}.${key}: not allowed`);
    }
  }
  return errors;
}

/** every object key path in a value; array items are merged under "[]" */
function keyPaths(value: unknown, prefix = ''): Set<string> {
  const out = new Set<string>();
  if (Array.isArray(value)) value.forEach((v) => keyPaths(v, `${prefix}[]`).forEach((p) => out.add(p)));
  else if (value !== null && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) {
      const path = prefix ? `${prefix}.${k}` : k;
      out.add(path);
      keyPaths(v, path).forEach((p) => out.add(p));
    }
  return out;
}

const fullInput: SalesInput = {
  domain: 'ornek-lojistik.com.tr',
  company_name: 'Örnek Lojistik A.Ş.',
  provider: 'Google',
  segment: 'Migration',
  readiness_score: 85,
  priority_score: 1,
  priority_category: 'P2',
  tenant_size: 'large',
  local_provider: null,
  mx_root: 'google.com',
  spf: true,
  dkim: false,
  dmarc_policy: 'quarantine',
  dmarc_present: true,
  dmarc_coverage: 50,
  expires_at: '2026-03-01',
  contact_quality_score: 80,
  scanned: true,
};
const unscannedInput: SalesInput = {
  ...fullInput,
  domain: 'yeni-lead.com',
  provider: null,
  segment: null,
  readiness_score: null,
  priority_score: null,
  tenant_size: null,
  mx_root: null,
  spf: null,
  dkim: null,
  dmarc_policy: null,
  dmarc_present: null,
  dmarc_coverage: null,
  expires_at: null,
  contact_quality_score: null,
  scanned: false,
};

function summarise(input: SalesInput, lang: 'tr' | 'en' = 'tr') {
  const settings = SettingsSchema.parse(readJson(join(root, 'resources', 'default-settings.json')));
  const templates = loadSalesTemplates(join(root, 'resources'), lang);
  return buildSalesSummary(input, { templates, settings, lang, now: new Date(2025, 10, 20, 9, 30, 0) });
}

describe('sales summary contract v1', () => {
  // the JSON file is exported from the zod schema; UPDATE_SALES_SCHEMA=1 rewrites it after an additive change
  it('schema file is the export of the zod schema', () => {
    const generated = salesSummaryJsonSchema();
    if (process.env.UPDATE_SALES_SCHEMA) writeFileSync(schemaFile, `${JSON.stringify(generated, null, 2)}\n`);
    expect(readJson(schemaFile)).toEqual(generated);
  });

  const schema = readJson(schemaFile) as Json;

  it('allows additional (optional) properties at the top level', () => {
    expect(schema.additionalProperties).toBe(true);
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
  });

  it.each(Object.entries(FROZEN_REQUIRED))('required fields of "%s" are frozen', (path, fields) => {
    expect([...(schemaAt(schema, path).required as string[])].sort()).toEqual([...fields].sort());
  });

  it.each(Object.entries(FROZEN_ENUMS))('enum %s is frozen', (path, values) => {
    const [parent, field] = path.includes('.')
      ? [path.slice(0, path.lastIndexOf('.')), path.slice(path.lastIndexOf('.') + 1)]
      : ['', path];
    let node = (schemaAt(schema, parent).properties as Record<string, Json>)[field];
    if (node.anyOf) node = (node.anyOf as Json[]).find((b) => b.enum)!;
    expect([...(node.enum as string[])].sort()).toEqual([...values].sort());
  });

  it('security_reasoning is nullable; potential is an integer 0-100', () => {
    const sec = (schema.properties as Record<string, Json>).security_reasoning;
    expect((sec.anyOf as Json[]).some((b) => b.type === 'null')).toBe(true);
    expect((schema.properties as Record<string, Json>).opportunity_potential).toMatchObject({
      type: 'integer',
      minimum: 0,
      maximum: 100,
    });
  });

  it.each([
    ['full tr', fullInput, 'tr'],
    ['full en', fullInput, 'en'],
    ['unscanned tr', unscannedInput, 'tr'],
  ] as const)('a generated summary (%s) validates against the schema file and the zod schema', (_, input, lang) => {
    const summary = summarise(input, lang);
    expect(validate(schema, JSON.parse(JSON.stringify(summary)))).toEqual([]);
    expect(SalesSummarySchema.safeParse(summary).success).toBe(true);
  });

  it('the validator rejects a breaking summary', () => {
    const broken = JSON.parse(JSON.stringify(summarise(fullInput))) as Json;
    delete broken.next_step;
    (broken.offer_tier as Json).tier = 'E5';
    broken.opportunity_potential = 101;
    expect(validate(schema, broken).sort()).toEqual([
      '$.next_step: required',
      '$.offer_tier.tier: E5 not in enum',
      '$.opportunity_potential: above maximum',
    ]);
  });

  it('key set equals the frozen sample fixture', () => {
    const fixture = readJson(join(root, 'test', 'fixtures', 'sales-summary-v1.sample.json'));
    expect(validate(schema, fixture)).toEqual([]);
    expect([...keyPaths(summarise(fullInput))].sort()).toEqual([...keyPaths(fixture)].sort());
  });
});
