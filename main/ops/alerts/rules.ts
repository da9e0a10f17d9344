import { z } from 'zod';
import { METRIC_KINDS } from '../../../shared/ops';
import type { MetricName } from '../../../shared/ops';

const text = z.object({ en: z.string().min(1).max(300), tr: z.string().min(1).max(300) }).strict();
const eventMetric = z
  .string()
  .refine((m): m is MetricName => METRIC_KINDS[m as MetricName] === 'event', 'must be an event metric');
const gaugeMetric = z
  .string()
  .refine((m): m is MetricName => METRIC_KINDS[m as MetricName] === 'gauge', 'must be a gauge metric');
const common = { id: z.string().regex(/^[a-z][a-z0-9_]{0,40}$/), title: text, body: text };

export const AlertRuleSchema = z.discriminatedUnion('kind', [
  /** the mean of the last `window` event values (1 = success) is under `below`, once `min_events` exist */
  z
    .object({
      ...common,
      kind: z.literal('recent_rate_below'),
      metric: eventMetric,
      window: z.number().int().min(1).max(1000),
      min_events: z.number().int().min(1).max(1000),
      below: z.number().min(0).max(1),
    })
    .strict(),
  /** the last `length` events all carry label `label` = `equals` */
  z
    .object({
      ...common,
      kind: z.literal('recent_streak'),
      metric: eventMetric,
      label: z.string().min(1).max(40),
      equals: z.string().min(1).max(40),
      length: z.number().int().min(1).max(100),
    })
    .strict(),
  /** a gauge's latest value is over `above` */
  z.object({ ...common, kind: z.literal('gauge_above'), metric: gaugeMetric, above: z.number() }).strict(),
  /** free space where the database lives is under `bytes` */
  z.object({ ...common, kind: z.literal('disk_free_below'), bytes: z.number().int().min(0) }).strict(),
]);
export type AlertRule = z.infer<typeof AlertRuleSchema>;

export const AlertRulesSchema = z
  .object({
    interval_s: z.number().int().min(5).max(86_400),
    rules: z
      .array(AlertRuleSchema)
      .max(50)
      .refine((rules) => new Set(rules.map((r) => r.id)).size === rules.length, 'rule ids must be unique'),
  })
  .strict();
export type AlertRules = z.infer<typeof AlertRulesSchema>;
