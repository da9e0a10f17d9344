// The human text of the sales summary lives in resources/sales/templates.{lang}.json; this schema is the one
// list of keys both languages must provide, so a missing or misspelt key fails at load time, not mid-call.
import { join } from 'node:path';
import type { Lang } from '../../shared/lang';
import { glossaryStrings } from '../../shared/glossary';
import { loadGlossary } from '../config/glossary';
import { loadConfig } from '../config/load';
import { loadResource } from '../config/resource-loader';
import { z } from 'zod';
import { PRIORITY_CATEGORIES, SEGMENTS, TENANT_SIZES } from '../../shared/domain';
import {
  NEXT_STEP_PRIORITIES,
  NEXT_STEP_TIMELINES,
  OFFER_TIERS,
  RISK_LEVELS,
  URGENCIES,
} from '../../shared/sales-summary';

export type SalesLang = Lang;

/** an object with exactly these string keys */
function texts<const K extends string>(keys: readonly K[]) {
  const shape = Object.fromEntries(keys.map((k) => [k, z.string().min(1)])) as Record<K, z.ZodString>;
  return z.object(shape).strict();
}

const sentences = z.array(z.string().min(1)).min(1);
const messageAndNote = texts(['message', 'internal_note']);
const priceKinds = ['license', 'migration', 'defender', 'consulting'] as const;

export const SalesTemplatesSchema = z
  .object({
    meta: z.object({ locale: z.string().min(2) }).strict(),
    labels: z
      .object({
        size: texts(TENANT_SIZES),
        self_hosted: z.string().min(1),
        /**
         * how a provider reads inside a sentence where its label (provider_labels.json) is a common noun, not a name:
         * "e-postaları şu an paylaşımlı barındırma üzerinde"; a provider not listed is written as its label
         */
        provider_in_sentence: z.record(z.string().max(40), z.string().min(1).max(80)),
        no_score: z.string().min(1),
        risk: texts(RISK_LEVELS),
        urgency: texts(URGENCIES),
        action: texts(['call', 'email', 'wait']),
        timeline: texts(NEXT_STEP_TIMELINES),
        priority: texts(NEXT_STEP_PRIORITIES),
        factor: texts(['segment', 'readiness_score', 'priority_score', 'tenant_size', 'contact_quality']),
      })
      .strict(),
    one_liner: texts([
      'unscanned',
      'no_verdict',
      'not_found',
      'partial',
      'migration_high_sized',
      'migration_high',
      'migration_medium_local',
      'migration_medium',
      'migration_low',
      'existing_high',
      'existing_medium',
      'existing_low',
      'cold_medium',
      'cold_low',
      'skip',
    ]),
    segment: texts([
      'unscanned',
      'no_verdict',
      'not_found',
      'existing_high',
      'existing_medium',
      'existing_low',
      'existing_inconsistent',
      'migration',
      'migration_from',
      'migration_from_local',
      'migration_band_80',
      'migration_band_70',
      'migration_band_60',
      'migration_band_inconsistent',
      'signals_verified',
      'signals_none_verified',
      'cold_local',
      'cold_medium',
      'cold_low',
      'skip_local',
      'skip_low',
      'skip_other',
    ]).extend({ signal: texts(['spf_present', 'dkim_present', 'dmarc_enforced']) }),
    provider: texts([
      'unscanned',
      'not_found',
      'none',
      'M365',
      'Google',
      'Yandex',
      'Zoho',
      'Hosting',
      'Unknown',
      'sending_service',
      'local',
      'other',
      'mx',
      'mx_unknown',
    ]),
    security: z
      .object({
        detail: texts([
          'spf_present',
          'spf_missing',
          'spf_unknown',
          'spf_broken',
          'dkim_present',
          'dkim_missing',
          'dkim_unknown',
          'dkim_revoked',
          'dmarc_absent',
          'dmarc_invalid',
          'dmarc_none',
          'dmarc_enforced',
          'dmarc_unknown',
          'dmarc_partial',
          'dmarc_full',
        ]),
        summary: texts(['high', 'medium', 'low_spf_present_dkim_present_dmarc_full', 'low_checked', 'unchecked']),
        unchecked_name: texts(['spf_unknown', 'dkim_unknown', 'dmarc_unknown']),
        sales_angle: texts(RISK_LEVELS),
        action: texts(RISK_LEVELS),
        step: texts([
          'spf_missing',
          'spf_broken',
          'dkim_missing',
          'dkim_revoked',
          'dmarc_absent',
          'dmarc_invalid',
          'dmarc_none',
          'dmarc_partial',
        ]),
      })
      .strict(),
    call_script: texts([
      'unscanned',
      'rescan',
      'not_found',
      'not_found_next',
      'greeting',
      'rep_placeholder',
      'company_placeholder',
      'generic_opener',
      'generic_cta',
      'cold_opener',
      'cold_risk',
      'cold_generic',
      'cold_cta',
      'migration_opener',
      'migration_issues',
      'migration_cta_offer',
      'migration_cta',
      'existing_opener',
      'existing_issues',
      'existing_value',
      'existing_cta',
    ]).extend({ value: texts(OFFER_TIERS) }),
    questions: z
      .object({
        migration: sentences,
        migration_local: sentences,
        existing: sentences,
        generic: sentences,
        large: sentences,
        medium: sentences,
        small: sentences,
        closing: sentences,
      })
      .strict(),
    offer: texts(['with_prices', 'without_prices']).extend({ reason: texts(OFFER_TIERS), price: texts(priceKinds) }),
    potential: z
      .object({
        segment: texts([...SEGMENTS, 'unknown']),
        readiness: texts(['high', 'medium', 'low', 'unknown']),
        priority: texts(['top', 'mid', 'low', 'unknown']),
        tenant: texts([...TENANT_SIZES, 'unknown']),
        contact: texts(['good', 'weak']),
        summary: texts([...SEGMENTS, 'unknown']),
      })
      .strict(),
    next_step: z
      .object({
        scan: messageAndNote,
        rescan: messageAndNote,
        check_domain: messageAndNote,
        by_category: z
          .object(
            Object.fromEntries(PRIORITY_CATEGORIES.map((c) => [c, messageAndNote])) as Record<
              (typeof PRIORITY_CATEGORIES)[number],
              typeof messageAndNote
            >,
          )
          .strict(),
        expiring: messageAndNote,
      })
      .strict(),
    text: texts([
      'title',
      'security_unchecked',
      'risk_level',
      'sales_angle',
      'recommended_action',
      'offer_tier',
      'potential_total',
      'factor',
      'next_step',
      'message',
      'internal_note',
      'generated_at',
    ]).extend({
      heading: texts([
        'overview',
        'segment',
        'provider',
        'security',
        'call_script',
        'questions',
        'offer',
        'potential',
        'urgency',
        'next_step',
      ]),
      offer_price: texts(priceKinds),
    }),
  })
  .strict();

/** The templates as the engine reads them: the file with its glossary terms filled in, plus the provider names. */
export type SalesTemplates = z.output<typeof SalesTemplatesSchema> & {
  /** providers.json name → the name people read (resources/provider_labels.json, the one list the UI shows too) */
  provider_names: Record<string, string>;
};

/**
 * "{term.segments.Migration}" → the glossary's word for it, in every string of the file, so a segment name or a
 * sales term is written once for the UI and the summary. An unknown term fails the load like a missing key.
 */
function fillTerms(value: unknown, terms: Record<string, Record<string, string>>, where: string): unknown {
  if (typeof value === 'string')
    return value.replace(/\{term\.(\w+)\.(\w+)\}/g, (placeholder, group: string, key: string) => {
      const term = terms[group]?.[key];
      if (term === undefined) throw new Error(`${where}: ${placeholder} is not in resources/glossary.json`);
      return term;
    });
  if (Array.isArray(value)) return value.map((item, i) => fillTerms(item, terms, `${where}[${i}]`));
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, fillTerms(v, terms, `${where}.${k}`)]));
  return value;
}

const loaded = new Map<string, SalesTemplates>();

/**
 * Reads and validates resources/sales/templates.{lang}.json (resources = the resources folder), fills in the
 * glossary terms and adds the provider names. Synchronous and cached: it runs once per folder and language.
 */
export function loadSalesTemplates(resources: string, lang: SalesLang): SalesTemplates {
  const key = `${lang}:${resources}`;
  let templates = loaded.get(key);
  if (!templates) {
    const file = `templates.${lang}.json`;
    const raw = loadResource(join(resources, 'sales'), file, SalesTemplatesSchema);
    const terms = glossaryStrings(loadGlossary(resources), lang);
    templates = {
      ...(fillTerms(raw, terms, `${file} $`) as z.output<typeof SalesTemplatesSchema>),
      provider_names: loadConfig(resources).providerLabels[lang],
    };
    loaded.set(key, templates);
  }
  return templates;
}
