import type { Lang } from '../../shared/lang';
import type { LeadDetail } from '../../shared/leads';
import type { SalesInput, SalesSummary } from '../../shared/sales-summary';
import { isSpfPermerror } from '../engine/dns/spf';
import { buildSalesSummary, loadSalesTemplates, renderSalesSummaryText } from '../sales';
import type { Settings } from '../../shared/settings';

/** What the sales summary reads besides the lead: where the templates are, and the rep's settings. */
export interface SalesDeps {
  resources: string;
  settings: { get(): Settings };
}

/** The stored lead, as the facts the sales engine reads. */
export function salesInputOf(lead: LeadDetail): SalesInput {
  const dns = lead.dns;
  return {
    domain: lead.domain,
    domain_display: lead.domain_display,
    company_name: lead.company_name,
    provider: lead.provider,
    segment: lead.segment,
    readiness_score: lead.readiness_score,
    priority_score: lead.priority_score,
    priority_category: lead.priority_category,
    tenant_size: lead.tenant_size,
    local_provider: lead.local_provider,
    mx_root: lead.mx_root,
    spf: dns?.spf.present ?? null,
    dkim: dns?.dkim.present ?? null,
    dmarc_policy: dns?.dmarc.policy ?? null,
    dmarc_coverage: dns?.dmarc.pct ?? null,
    dmarc_present: dns?.dmarc.present ?? null,
    expires_at: lead.expires_at,
    contact_quality_score: lead.contact_quality_score,
    scanned: lead.scan_status !== 'pending',
    partial: lead.scan_status === 'partial',
    nxdomain: dns?.nxdomain ?? false,
    spf_broken: dns?.spf.present === true && isSpfPermerror(dns.spf),
    dkim_revoked: dns?.dkim.present === false && (dns.dkim.revoked_selectors?.length ?? 0) > 0,
    dmarc_invalid: dns?.dmarc.error !== undefined,
  };
}

export function salesSummaryFor(ctx: SalesDeps, lead: LeadDetail, lang: Lang, now: Date = new Date()): SalesSummary {
  const settings = ctx.settings.get();
  const templates = loadSalesTemplates(ctx.resources, lang);
  return buildSalesSummary(salesInputOf(lead), { templates, settings, lang, now });
}

export function salesSummaryTextFor(ctx: SalesDeps, lead: LeadDetail, lang: Lang, now: Date = new Date()): string {
  return renderSalesSummaryText(salesSummaryFor(ctx, lead, lang, now), loadSalesTemplates(ctx.resources, lang));
}
