// Call script (2-5 bullets) and discovery questions (5-9), by segment. The greeting carries the rep's own name and
// company from settings ("{company} adına arıyorum" needs no Turkish case suffix), a bracketed placeholder when
// either is not set; the customer is named by company name, else by the Unicode domain a person can read aloud.
import type { OfferTierName, SalesInput } from '../../shared/sales-summary';
import { providerInSentence } from './narrative';
import { issueTexts, riskLevel } from './security';
import type { SecuritySignals } from './security';
import type { LeadState } from './state';
import { fill, joinList } from './text';
import type { SalesTemplates } from './templates';

export interface CallScriptContext {
  state: LeadState;
  /** the rep's name and company from settings; empty = not set */
  rep: string;
  company: string;
  tier: OfferTierName;
  signals: SecuritySignals;
}

export function callScript(input: SalesInput, ctx: CallScriptContext, t: SalesTemplates): string[] {
  const c = t.call_script;
  const domain = input.domain_display || input.domain;
  const vars = { customer: input.company_name?.trim() || domain };
  const greeting = fill(c.greeting, {
    rep: ctx.rep.trim() || c.rep_placeholder,
    company: ctx.company.trim() || c.company_placeholder,
  });
  const opener = (template: string, extra: Record<string, string> = {}) =>
    `${greeting} ${fill(template, { ...vars, ...extra })}`;
  const generic = [opener(c.generic_opener), c.generic_cta];
  if (ctx.state === 'unscanned') return [c.unscanned, ...generic];
  if (ctx.state === 'no_verdict') return [c.rescan, ...generic];
  if (ctx.state === 'not_found') return [fill(c.not_found, { domain }), c.not_found_next];

  const issues = issueTexts(ctx.signals, t);
  const issueVars = { issues: joinList(t, issues) };
  switch (input.segment) {
    case 'Cold':
      return [
        opener(c.cold_opener),
        riskLevel(ctx.signals) === 'high' ? fill(c.cold_risk, issueVars) : c.cold_generic,
        c.cold_cta,
      ];
    case 'Migration': {
      const current = input.local_provider ?? providerInSentence(input.provider, t);
      return [
        opener(c.migration_opener, { current }),
        ...(issues.length ? [fill(c.migration_issues, issueVars)] : []),
        c.value[ctx.tier],
        (input.readiness_score ?? 0) >= 70 ? c.migration_cta_offer : c.migration_cta,
      ];
    }
    case 'Existing':
      return [
        opener(c.existing_opener),
        ...(issues.length ? [fill(c.existing_issues, issueVars)] : []),
        c.existing_value,
        c.existing_cta,
      ];
    default:
      return generic;
  }
}

export function discoveryQuestions(input: SalesInput, state: LeadState, t: SalesTemplates): string[] {
  const q = t.questions;
  const segment = state === 'scored' ? input.segment : null;
  const bySegment =
    segment === 'Migration'
      ? [...q.migration, ...(input.provider === 'Local' ? q.migration_local : [])]
      : segment === 'Existing'
        ? q.existing
        : q.generic;
  const bySize = input.tenant_size ? q[input.tenant_size] : [];
  return [...bySegment, ...bySize, ...q.closing];
}
