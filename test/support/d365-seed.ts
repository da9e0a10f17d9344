// Leads and referrals in a test database, as a scan and a Partner Center sync would leave them.
import type { Store } from '../../main/store/db';
import { scanResult } from './fixtures-scan';
import type { ScanFixture } from './fixtures-scan';

export function seedLead(store: Store, f: ScanFixture & { company_name?: string }): void {
  store.leads.addLeads([{ domain: f.domain, domain_display: f.domain, company_name: f.company_name ?? null }]);
  store.leads.saveScanResults([scanResult(f)]);
}

export function seedReferral(
  store: Store,
  r: {
    domain: string;
    referral_id: string;
    deal_value?: number;
    currency?: string;
    azure_tenant_id?: string;
    contact?: { firstName: string; lastName: string; email: string; phoneNumber?: string };
    closingDateTime?: string;
    synced_at?: string;
  },
): void {
  const raw = {
    id: r.referral_id,
    customerProfile: { name: `Customer of ${r.domain}`, team: r.contact ? [r.contact] : [] },
    details: { dealValue: r.deal_value, currency: r.currency, closingDateTime: r.closingDateTime },
  };
  const at = r.synced_at ?? '2026-11-20T10:00:00.000Z';
  store.sqlite
    .prepare(
      `INSERT INTO partner_center_referrals (referral_id, domain, azure_tenant_id, deal_value, currency, raw_data,
         synced_at, created_at, updated_at, customer_name)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      r.referral_id,
      r.domain,
      r.azure_tenant_id ?? null,
      r.deal_value ?? null,
      r.currency ?? null,
      JSON.stringify(raw),
      at,
      at,
      at,
      raw.customerProfile.name,
    );
}
