// The facts a push sends, taken from the lead (and its Partner Center referral) when the push is queued. They are
// stored with the outbox item, so what reaches Dynamics 365 is what the user saw when they pressed "push", even if
// the lead is rescanned before the outbox is drained.
import { z } from 'zod';
import type { LeadDetail } from '../../../shared/leads';
import type { ReferralForPush } from '../../store/referrals-repository';

const text = (max: number) => z.string().max(max).nullable();

export const PushFactsSchema = z
  .object({
    domain: z.string().min(1).max(253),
    subject: z.string().min(1).max(300),
    company_name: z.string().min(1).max(300),
    website_url: z.string().max(300),
    contact_email: text(320),
    contact_first_name: text(100),
    contact_last_name: text(100),
    contact_phone: text(50),
    sales_summary: z.string().max(100_000),
    readiness_score: z.number().int().nullable(),
    priority_score: z.number().int().nullable(),
    provider: text(100),
    tenant_size: text(20),
    infra_summary: text(2000),
    referral_id: text(100),
    azure_tenant_id: text(100),
    lead_source: z.enum(['partner_center', 'manual']),
    m365_fit_score: z.number().int().nullable(),
    processing_status: z.literal('completed'),
    opportunity_name: z.string().min(1).max(300),
    deal_value: z.number().min(0).max(1e12).nullable(),
    /** YYYY-MM-DD (Dataverse DateOnly) */
    close_date: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/)
      .nullable(),
    /** ISO 4217 code the opportunity's currency is bound by */
    currency: z.string().regex(/^[A-Z]{3}$/),
    note_subject: z.string().min(1).max(500),
  })
  .strict();
export type PushFacts = z.infer<typeof PushFactsSchema>;

interface Contact {
  email: string | null;
  first_name: string | null;
  last_name: string | null;
  phone: string | null;
}

function str(v: unknown, max: number): string | null {
  return typeof v === 'string' && v.trim() !== '' ? v.trim().slice(0, max) : null;
}

function record(v: unknown): Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
}

/** The referral's customer contact: the first member of customerProfile.team that has an e-mail address. */
function referralContact(raw: Record<string, unknown>): Contact | null {
  const team = record(raw.customerProfile).team;
  if (!Array.isArray(team)) return null;
  const member = team.map(record).find((m) => str(m.email, 320));
  if (!member) return null;
  return {
    email: str(member.email, 320),
    first_name: str(member.firstName, 100),
    last_name: str(member.lastName, 100),
    phone: str(member.phoneNumber, 50),
  };
}

/** details.closingDateTime as the DateOnly Dataverse wants; anything unparsable is left out. */
function closeDate(raw: Record<string, unknown>): string | null {
  const v = str(record(raw.details).closingDateTime, 40);
  if (!v) return null;
  const d = new Date(v);
  return Number.isNaN(d.getTime()) ? null : d.toISOString().slice(0, 10);
}

function yesNo(v: boolean | null | undefined): string {
  return v === true ? 'yes' : v === false ? 'no' : 'unknown';
}

/** One line a seller can read in Dynamics 365: the mail provider and the state of SPF, DKIM and DMARC. */
function infraSummary(lead: LeadDetail): string | null {
  if (!lead.dns) return null;
  const dmarc = lead.dns.dmarc;
  const dmarcText = dmarc.present
    ? `${dmarc.policy ?? 'none'}${dmarc.pct !== null && dmarc.pct !== 100 ? ` (${dmarc.pct}%)` : ''}`
    : yesNo(dmarc.present);
  return [
    `Provider: ${lead.provider ?? 'unknown'}`,
    ...(lead.mx_root ? [`MX: ${lead.mx_root}`] : []),
    `SPF: ${yesNo(lead.dns.spf.present)}`,
    `DKIM: ${yesNo(lead.dns.dkim.present)}`,
    `DMARC: ${dmarcText}`,
  ].join('; ');
}

export function pushFacts(input: {
  lead: LeadDetail;
  referral: ReferralForPush | null;
  salesSummary: string;
  /** the currency the user's prices are in, used when the referral names none */
  defaultCurrency: string;
}): PushFacts {
  const { lead, referral } = input;
  const raw = referral?.raw_data ?? {};
  const contact = referral ? referralContact(raw) : null;
  const company = lead.company_name ?? referral?.company_name ?? referral?.customer_name ?? lead.domain_display;
  const currency = str(record(raw.details).currency, 3)?.toUpperCase() ?? referral?.currency ?? input.defaultCurrency;
  return PushFactsSchema.parse({
    domain: lead.domain,
    subject: `Hunter: ${lead.domain_display}`,
    company_name: company.slice(0, 300),
    website_url: `https://${lead.domain}`,
    contact_email: contact?.email ?? null,
    contact_first_name: contact?.first_name ?? null,
    contact_last_name: contact?.last_name ?? null,
    contact_phone: contact?.phone ?? null,
    sales_summary: input.salesSummary.slice(0, 100_000),
    readiness_score: lead.readiness_score,
    priority_score: lead.priority_score,
    provider: lead.provider,
    tenant_size: lead.tenant_size,
    infra_summary: infraSummary(lead),
    referral_id: referral?.referral_id ?? null,
    azure_tenant_id: referral?.azure_tenant_id ?? null,
    lead_source: referral ? 'partner_center' : 'manual',
    m365_fit_score: lead.provider === 'M365' ? lead.readiness_score : null,
    processing_status: 'completed',
    opportunity_name: `Hunter: ${company}`.slice(0, 300),
    deal_value: referral?.deal_value ?? null,
    close_date: closeDate(raw),
    currency: /^[A-Z]{3}$/.test(currency) ? currency : input.defaultCurrency,
    note_subject: `Hunter sales summary: ${lead.domain_display}`.slice(0, 500),
  });
}
