// The sales summary contract v1: what a rep reads before the call. Field names and enum values are frozen
// (they follow the previous Hunter's sales-summary response); later versions may only ADD optional fields.
// The zod schema is the single source of truth: the TypeScript type is inferred from it and
// shared/sales-summary.schema.json is exported from it (test/unit/sales-contract.test.ts keeps the file in sync).
// zod/v4 (shipped inside the project's zod 3.25 package) is used here only because it can emit JSON Schema.
import { LANGUAGES } from './lang';
import * as z from 'zod/v4';
import { SEGMENTS, TENANT_SIZES } from './domain';
import type { DmarcPolicy, PriorityCategory, Segment, TenantSize, Tri } from './domain';

export const RISK_LEVELS = ['high', 'medium', 'low'] as const;
export const OFFER_TIERS = ['Business Basic', 'Business Standard', 'Enterprise'] as const;
export type OfferTierName = (typeof OFFER_TIERS)[number];
export const URGENCIES = ['low', 'medium', 'high'] as const;
export type Urgency = (typeof URGENCIES)[number];
export const NEXT_STEP_ACTIONS = ['call', 'email', 'wait'] as const;
export const NEXT_STEP_TIMELINES = ['24_saat', '3_gün', '1_hafta', '1_ay'] as const;
export const NEXT_STEP_PRIORITIES = ['high', 'medium', 'low'] as const;

const price = z.number().min(0).nullable();

const SecurityReasoningSchema = z.looseObject({
  risk_level: z.enum(RISK_LEVELS),
  summary: z.string(),
  details: z.array(z.string()),
  sales_angle: z.string(),
  recommended_action: z.string(),
});

const OfferTierSchema = z.looseObject({
  tier: z.enum(OFFER_TIERS),
  license: z.string(),
  price_per_user_per_month: price,
  migration_fee: price,
  defender_price_per_user_per_month: price,
  consulting_fee: price,
  recommendation: z.string(),
  /** ISO 4217 code of every price above (from settings) */
  currency: z.string().optional(),
});

const OpportunityFactorSchema = z.looseObject({
  name: z.string(),
  weight: z.number(),
  /** the input the factor was computed from (segment/tenant "Unknown" when missing) */
  raw: z.union([z.string(), z.number(), z.null()]),
  score: z.number(),
  comment: z.string(),
});

const OpportunityRationaleSchema = z.looseObject({
  total: z.number().int().min(0).max(100),
  factors: z.array(OpportunityFactorSchema),
  tuning_factor: z.number(),
  summary: z.string(),
});

const NextStepSchema = z.looseObject({
  action: z.enum(NEXT_STEP_ACTIONS),
  timeline: z.enum(NEXT_STEP_TIMELINES),
  priority: z.enum(NEXT_STEP_PRIORITIES),
  message: z.string(),
  internal_note: z.string(),
});

const MetadataSchema = z.looseObject({
  domain: z.string(),
  provider: z.string().nullable(),
  segment: z.enum(SEGMENTS).nullable(),
  readiness_score: z.number().nullable(),
  priority_score: z.number().int().nullable(),
  tenant_size: z.enum(TENANT_SIZES).nullable(),
  local_provider: z.string().nullable(),
  /** local time, ISO 8601 without zone: YYYY-MM-DDTHH:mm:ss */
  generated_at: z.string(),
});

export const SalesSummarySchema = z.looseObject({
  domain: z.string(),
  /** always starts with "{domain} - " */
  one_liner: z.string(),
  /** may contain **bold** markdown */
  segment_explanation: z.string(),
  provider_reasoning: z.string(),
  /** null when no e-mail security signal is known (nothing checked yet) */
  security_reasoning: SecurityReasoningSchema.nullable(),
  call_script: z.array(z.string()),
  discovery_questions: z.array(z.string()),
  offer_tier: OfferTierSchema,
  opportunity_potential: z.number().int().min(0).max(100),
  opportunity_rationale: OpportunityRationaleSchema,
  urgency: z.enum(URGENCIES),
  next_step: NextStepSchema,
  metadata: MetadataSchema,
  // optional additions (allowed by the contract)
  language: z.enum(LANGUAGES).optional(),
  /** false: the domain was never scanned, the texts say so and next_step recommends scanning */
  scanned: z.boolean().optional(),
  /** true: the latest scan left some DNS checks unanswered; one_liner opens with "partially scanned, rescan" */
  partially_scanned: z.boolean().optional(),
});

export type SalesSummary = z.infer<typeof SalesSummarySchema>;
export type SecurityReasoning = z.infer<typeof SecurityReasoningSchema>;
export type OfferTier = z.infer<typeof OfferTierSchema>;
export type OpportunityRationale = z.infer<typeof OpportunityRationaleSchema>;
export type OpportunityFactor = z.infer<typeof OpportunityFactorSchema>;
export type NextStep = z.infer<typeof NextStepSchema>;

/** The JSON Schema (draft 2020-12) of the contract; additional properties are allowed everywhere. */
export function salesSummaryJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(SalesSummarySchema, {
    target: 'draft-2020-12',
    // zod writes "allow anything" as {}; the contract document spells it `true`
    override: (ctx) => {
      const extra = ctx.jsonSchema.additionalProperties;
      if (extra && typeof extra === 'object' && Object.keys(extra).length === 0)
        ctx.jsonSchema.additionalProperties = true;
    },
  }) as Record<string, unknown>;
}

/** The lead facts the summary is built from (one lead, as stored after its latest scan). */
export interface SalesInput {
  domain: string;
  /** Unicode form of the domain, for what a person reads aloud (never punycode); the domain when omitted */
  domain_display?: string;
  company_name: string | null;
  provider: string | null;
  segment: Segment | null;
  readiness_score: number | null;
  /** legacy priority 1 (best) - 7 */
  priority_score: number | null;
  /** the verdict's P category: urgency and next step follow it (P1/P2 are the top buckets) */
  priority_category: PriorityCategory | null;
  tenant_size: TenantSize | null;
  local_provider: string | null;
  mx_root: string | null;
  /** true present, false authoritative "no record", null could not be checked */
  spf: Tri;
  dkim: Tri;
  /** effective DMARC policy; null when there is no record OR the lookup failed (see dmarc_present) */
  dmarc_policy: DmarcPolicy | null;
  /** DMARC pct 0-100; null = no pct known (treated as 100 for an enforcing record) */
  dmarc_coverage: number | null;
  /** YYYY-MM-DD */
  expires_at: string | null;
  contact_quality_score: number | null;
  /** false: never scanned (all signals are null) */
  scanned: boolean;
  /** the latest scan could not check every signal (scan_status partial) */
  partial?: boolean;
  /** the domain does not exist (NXDOMAIN): no pitch, the rep checks the website and e-mail address */
  nxdomain?: boolean;
  /** an SPF record is published but receivers treat it as broken (permerror) */
  spf_broken?: boolean;
  /** the only DKIM key found is revoked (empty p=) */
  dkim_revoked?: boolean;
  /** DMARC records are published but give no policy (several records, or no valid p and no rua) */
  dmarc_invalid?: boolean;
  /**
   * Whether a DMARC record exists (DnsSignals.dmarc.present). Needed to tell "no DMARC record" from
   * "DMARC could not be checked" when dmarc_policy is null; when omitted, a null policy counts as unknown
   * so the summary never claims a record is missing without an authoritative answer.
   */
  dmarc_present?: Tri;
}
