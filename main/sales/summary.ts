import type { Settings } from '../../shared/settings';
import type { SalesInput, SalesSummary } from '../../shared/sales-summary';
import { callScript, discoveryQuestions } from './call-script';
import { oneLiner, providerReasoning, segmentExplanation } from './narrative';
import { buildNextStep } from './next-step';
import { buildOfferTier } from './offer';
import { buildOpportunity } from './opportunity';
import { buildSecurityReasoning, readSecuritySignals } from './security';
import { leadState } from './state';
import type { SalesLang, SalesTemplates } from './templates';
import { calculateUrgency } from './urgency';

export interface SalesContext {
  templates: SalesTemplates;
  settings: Pick<Settings, 'rep_name' | 'company_name' | 'currency' | 'offer_prices'>;
  lang: SalesLang;
  now: Date;
  /** multiplies the opportunity potential (previous Hunter's HUNTER_SALES_ENGINE_OPPORTUNITY_FACTOR); default 1 */
  tuningFactor?: number;
}

/** local wall-clock time as YYYY-MM-DDTHH:mm:ss (the contract's generated_at has no zone) */
function localIso(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`;
}

/** Pure: the same lead facts, templates, settings and clock give the same summary. */
export function buildSalesSummary(input: SalesInput, ctx: SalesContext): SalesSummary {
  const t = ctx.templates;
  const state = leadState(input);
  const signals = readSecuritySignals(input);
  const offer = buildOfferTier(input, ctx.settings, t);
  const rationale = buildOpportunity(input, t, ctx.tuningFactor ?? 1);
  const urgency = calculateUrgency(input, ctx.now);
  const notFound = state === 'not_found';
  return {
    domain: input.domain,
    one_liner: oneLiner(input, state, offer.tier, t),
    segment_explanation: segmentExplanation(input, state, signals, t),
    provider_reasoning: providerReasoning(input, state, t),
    // a domain that does not exist has no mail to protect: its missing records are no sales argument
    security_reasoning: notFound ? null : buildSecurityReasoning(signals, t),
    call_script: callScript(
      input,
      { state, rep: ctx.settings.rep_name, company: ctx.settings.company_name, tier: offer.tier, signals },
      t,
    ),
    discovery_questions: discoveryQuestions(input, state, t),
    offer_tier: offer,
    opportunity_potential: rationale.total,
    opportunity_rationale: rationale,
    urgency,
    next_step: buildNextStep({ state, category: input.priority_category, potential: rationale.total, urgency }, t),
    metadata: {
      domain: input.domain,
      provider: input.provider,
      segment: input.segment,
      readiness_score: input.readiness_score,
      priority_score: input.priority_score,
      tenant_size: input.tenant_size,
      local_provider: input.local_provider,
      generated_at: localIso(ctx.now),
    },
    language: ctx.lang,
    scanned: input.scanned,
    ...(input.partial && state === 'scored' ? { partially_scanned: true } : {}),
  };
}
