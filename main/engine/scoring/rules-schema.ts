import { z } from 'zod';
import { DMARC_ERRORS, DMARC_POLICIES, PRIORITY_CATEGORIES, SEGMENTS, SPF_ERRORS } from '../../../shared/domain';
import { conditionIssues, type Condition, type Fact } from './condition';

const scalar = z.union([z.string(), z.number(), z.boolean()]);
const condition = z.record(z.union([scalar, z.array(scalar)])) as z.ZodType<Condition>;
const points = z.record(z.number().int());

const hardFailRule = z
  .object({
    // The reference names a boolean fact ("mx_missing"); an object condition is accepted too.
    condition: z
      .union([z.string(), condition])
      .transform((c): Condition => (typeof c === 'string' ? { [c]: true } : c)),
    description: z.string(),
    score: z.number().int().min(0).max(100),
    segment: z.enum(SEGMENTS),
  })
  .strict();

const segmentOut = { segment: z.enum(SEGMENTS), description: z.string() };
const heatOut = { heat: z.string().min(1) };
const commercialSegmentOut = { segment: z.string().min(1) };
const categoryOut = { category: z.enum(PRIORITY_CATEGORIES), label: z.string().min(1) };
const priorityOut = { priority: z.number().int().min(1) };

const rule = <T extends z.ZodRawShape>(shape: T) =>
  z.object({ description: z.string().optional(), ...shape, condition }).strict();

const SIGNAL_FACTS: Fact[] = [
  'provider',
  'nxdomain',
  'mx_missing',
  'spf',
  'spf_permerror',
  'spf_error',
  'dkim',
  'dkim_revoked',
  'dmarc',
  'dmarc_error',
  'dmarc_policy',
  'dmarc_pct',
  'spf_lookup_count',
  'spf_include_count',
  'spf_multiple_records',
  'expires_in_days',
];

/** Evaluation order of the engine; each step may test signals plus what earlier steps produced. */
const STEPS: { section: string; produces: Fact | null }[] = [
  { section: 'hard_fail_rules', produces: null },
  { section: 'point_conditions', produces: 'score' },
  { section: 'segment_rules', produces: 'technical_segment' },
  { section: 'technical_heat_rules', produces: 'technical_heat' },
  { section: 'commercial_segment_rules', produces: 'commercial_segment' },
  { section: 'commercial_heat_rules', produces: 'commercial_heat' },
  { section: 'priority_category_rules', produces: 'priority_category' },
  { section: 'priority_score_rules', produces: 'priority_score' },
  { section: 'risk_flag_rules', produces: null },
  { section: 'tag_rules', produces: null },
];

/** Point tables, applied in this order; each key needs a point_conditions and a point_labels entry. */
export const POINT_SECTIONS = ['provider_points', 'signal_points', 'risk_points'] as const;

/** providerNames (from providers.json) lets provider values in conditions be checked for typos. */
export function rulesSchema(providerNames: readonly string[] | null = null) {
  return z
    .object({
      base_score: z.number().int(),
      provider_points: points,
      signal_points: points,
      risk_points: points,
      point_conditions: z.record(condition),
      point_labels: z.record(z.string().min(1)),
      hard_fail_rules: z.array(hardFailRule),
      segment_rules: z.array(rule(segmentOut)),
      technical_heat_rules: z.array(rule(heatOut)),
      commercial_segment_rules: z.array(rule(commercialSegmentOut)),
      commercial_heat_rules: z.array(rule(heatOut)),
      priority_category_rules: z.array(rule(categoryOut)),
      priority_score_rules: z.array(rule(priorityOut)),
      risk_flag_rules: z.array(rule({ flag: z.string().min(1), description: z.string() })),
      tag_rules: z.array(rule({ tag: z.string().min(1), description: z.string() })),
      fallbacks: z
        .object({
          segment_rules: z.object(segmentOut).strict(),
          technical_heat_rules: z.object(heatOut).strict(),
          commercial_segment_rules: z.object(commercialSegmentOut).strict(),
          commercial_heat_rules: z.object(heatOut).strict(),
          priority_category_rules: z.object(categoryOut).strict(),
          priority_score_rules: z.object(priorityOut).strict(),
        })
        .strict(),
    })
    .strict()
    .superRefine((rules, ctx) => {
      const pointKeys = new Set(POINT_SECTIONS.flatMap((s) => Object.keys(rules[s])));
      for (const [mapName, map] of [
        ['point_conditions', rules.point_conditions],
        ['point_labels', rules.point_labels],
      ] as const) {
        for (const key of pointKeys) {
          if (!Object.hasOwn(map, key))
            ctx.addIssue({ code: 'custom', path: [mapName], message: `missing entry for points key "${key}"` });
        }
        for (const key of Object.keys(map)) {
          if (!pointKeys.has(key))
            ctx.addIssue({
              code: 'custom',
              path: [mapName, key],
              message: `"${key}" is not a key of ${POINT_SECTIONS.join('/')}`,
            });
        }
      }

      const outputs = (list: { heat?: string; segment?: string }[], fallback: { heat?: string; segment?: string }) =>
        new Set([...list, fallback].map((r) => (r.heat ?? r.segment) as string));
      const vocabulary: Partial<Record<Fact, ReadonlySet<string>>> = {
        dmarc_policy: new Set(DMARC_POLICIES),
        dmarc_error: new Set(DMARC_ERRORS),
        spf_error: new Set(SPF_ERRORS),
        technical_segment: new Set(SEGMENTS),
        priority_category: new Set(PRIORITY_CATEGORIES),
        technical_heat: outputs(rules.technical_heat_rules, rules.fallbacks.technical_heat_rules),
        commercial_segment: outputs(rules.commercial_segment_rules, rules.fallbacks.commercial_segment_rules),
        commercial_heat: outputs(rules.commercial_heat_rules, rules.fallbacks.commercial_heat_rules),
        ...(providerNames ? { provider: new Set(providerNames) } : {}),
      };

      const available = new Set<Fact>(SIGNAL_FACTS);
      for (const { section, produces } of STEPS) {
        const conditions: [(string | number)[], Record<string, unknown>][] =
          section === 'point_conditions'
            ? Object.entries(rules.point_conditions).map(([k, c]) => [[section, k], c])
            : (rules[section as keyof typeof rules] as { condition: Condition }[]).map((r, i) => [
                [section, i, 'condition'],
                r.condition,
              ]);
        for (const [path, c] of conditions) {
          for (const issue of conditionIssues(c, available, vocabulary)) {
            ctx.addIssue({ code: 'custom', path: [...path, issue.key], message: issue.message });
          }
        }
        if (produces) available.add(produces);
      }
    });
}

export type ScoringRules = z.output<ReturnType<typeof rulesSchema>>;
