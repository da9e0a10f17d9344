// A Partner Center referral (the API's JSON) as the columns Hunter stores. Pure: the same JSON always maps to the
// same row, which is what lets a second sync of unchanged data write nothing.
import { normalizeDomain } from '../../engine/normalize';
import type { ReferralContact, ReferralKind } from '../../../shared/referrals';
import type { ReferralFields } from '../../store/referrals-repository';

export type RawReferral = Record<string, unknown> & { id: string };

/** the columns one referral maps to (the store's ReferralFields) */
export type MappedReferral = ReferralFields;

const MAX_TEXT = 1000;

const obj = (v: unknown): Record<string, unknown> =>
  v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
const text = (v: unknown): string | null => {
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  if (typeof v !== 'string') return null;
  const t = v.trim();
  return t === '' ? null : t.slice(0, MAX_TEXT);
};
const num = (v: unknown): number | null => {
  const n = typeof v === 'string' && v.trim() !== '' ? Number(v) : v;
  return typeof n === 'number' && Number.isFinite(n) ? n : null;
};
const same = (a: string | null, b: string) => a !== null && a.toLowerCase() === b.toLowerCase();

/**
 * co-sell: shared with Microsoft or another partner; marketplace: an Independent lead from a marketplace listing;
 * solution-provider: the other Independent ones. Anything else is kept as `other`, never dropped.
 */
export function referralKind(raw: Record<string, unknown>): ReferralKind {
  const type = text(raw.type);
  if (same(type, 'Shared')) return 'co-sell';
  if (same(type, 'Independent'))
    return same(text(raw.referralSource), 'Marketplace') ? 'marketplace' : 'solution-provider';
  return 'other';
}

export function contactsOf(list: unknown): ReferralContact[] {
  if (!Array.isArray(list)) return [];
  return list.slice(0, 100).map((c) => {
    const o = obj(c);
    return {
      first_name: text(o.firstName),
      last_name: text(o.lastName),
      email: text(o.email),
      phone: text(o.phoneNumber),
    };
  });
}

/**
 * The customer's company domain: the first customer contact e-mail at a company domain (consumer mailboxes say
 * nothing about the company), else a website in customerProfile.ids.external, else none.
 */
export function referralDomain(
  raw: Record<string, unknown>,
  consumerDomains: ReadonlySet<string>,
): { domain: string; raw: string } | null {
  const profile = obj(raw.customerProfile);
  const candidates = [...contactsOf(profile.team).map((c) => c.email), text(obj(profile.ids).external)];
  for (const candidate of candidates) {
    if (!candidate) continue;
    const n = normalizeDomain(candidate);
    if (n.ok && !consumerDomains.has(n.domain)) return { domain: n.domain, raw: candidate };
  }
  return null;
}

export function mapReferral(raw: RawReferral, consumerDomains: ReadonlySet<string>): MappedReferral {
  const profile = obj(raw.customerProfile);
  const details = obj(raw.details);
  const found = referralDomain(raw, consumerDomains);
  const customerName = text(profile.name);
  return {
    referral_id: raw.id,
    engagement_id: text(raw.engagementId),
    name: text(raw.name),
    referral_type: referralKind(raw),
    type: text(raw.type),
    qualification: text(raw.qualification),
    status: text(raw.status),
    substatus: text(raw.substatus),
    direction: text(raw.direction),
    company_name: customerName,
    customer_name: customerName,
    customer_country: text(obj(profile.address).country),
    customer_size: text(profile.size),
    domain: found?.domain ?? null,
    raw_domain: found?.raw ?? null,
    deal_value: num(details.dealValue),
    currency: text(details.currency),
    closing_at: text(details.closingDateTime),
    etag: text(raw.eTag),
    pc_created_at: text(raw.createdDateTime),
    pc_updated_at: text(raw.updatedDateTime),
    external_reference_id: text(raw.externalReferenceId),
  };
}
