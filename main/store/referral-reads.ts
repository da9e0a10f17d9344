import type { Db } from './db-types';

/** The referral columns a Dynamics 365 push reads. */
export interface ReferralForPush {
  referral_id: string;
  company_name: string | null;
  customer_name: string | null;
  azure_tenant_id: string | null;
  deal_value: number | null;
  currency: string | null;
  raw_data: Record<string, unknown>;
}

export interface ReferralReads {
  /**
   * The referral a push describes a lead by: the most recently synced one for its domain, ties broken by age and id,
   * so the same lead always picks the same referral (the previous version took an arbitrary one).
   */
  latestForDomain(domain: string): ReferralForPush | null;
}

export function createReferralReads(db: Db): ReferralReads {
  const latest = db.$client.prepare(
    `SELECT referral_id, company_name, customer_name, azure_tenant_id, deal_value, currency, raw_data
     FROM partner_center_referrals WHERE domain = ?
     ORDER BY synced_at DESC, created_at DESC, id DESC LIMIT 1`,
  );
  return {
    latestForDomain(domain) {
      const r = latest.get(domain) as (Omit<ReferralForPush, 'raw_data'> & { raw_data: string }) | undefined;
      if (!r) return null;
      let raw: unknown = null;
      try {
        raw = JSON.parse(r.raw_data);
      } catch {
        // a damaged raw copy still leaves the referral's own columns usable
      }
      return { ...r, raw_data: raw !== null && typeof raw === 'object' ? (raw as Record<string, unknown>) : {} };
    },
  };
}
