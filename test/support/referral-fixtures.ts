// Partner Center referrals shaped like the documented API objects: Turkish customer names, IDN websites, freemail-
// only and contact-less customers, every kind, direction and status. Deterministic for a given index.
import type { Referral } from './fake-partner-center';

const COMPANIES = [
  ['Çağdaş Yazılım A.Ş.', 'cagdasyazilim.com.tr'],
  ['Öztürk Lojistik Ltd. Şti.', 'ozturklojistik.com.tr'],
  ['Güneş Enerji Sistemleri', 'gunesenerji.com'],
  ['İstanbul Tekstil Sanayi', 'istanbultekstil.com.tr'],
  ['Şahin Gıda Pazarlama', 'sahingida.com'],
  ['Ilgaz Mimarlık', 'ilgazmimarlik.com'],
  ['Yıldız Danışmanlık', 'yildizdanismanlik.net'],
  ['Ümit Otomotiv', 'umitotomotiv.com.tr'],
];
const FIRST = ['Ayşe', 'Mehmet', 'Çiğdem', 'Oğuz', 'Şule', 'İbrahim', 'Gülşen', 'Ömer'];
const LAST = ['Yılmaz', 'Kaya', 'Demir', 'Çelik', 'Şahin', 'Öztürk', 'Aydın', 'Doğan'];

/** about a thousand company domains, so several referrals share a lead */
function companyDomain(domain: string, i: number): string {
  const dot = domain.indexOf('.');
  return `${domain.slice(0, dot)}${i % 1000}${domain.slice(dot)}`;
}

export function referralId(i: number): string {
  return `0000${i.toString(16).padStart(4, '0')}-aaaa-4bbb-8ccc-${i.toString().padStart(12, '0')}`;
}

export function makeReferral(i: number, overrides: Partial<Referral> = {}): Referral {
  const [company, domain] = COMPANIES[i % COMPANIES.length];
  const created = new Date(Date.UTC(2026, 9, 1) + i * 60_000).toISOString();
  const first = FIRST[i % FIRST.length];
  const last = LAST[(i >> 3) % LAST.length];
  return {
    id: referralId(i),
    engagementId: `eeee${i.toString(16).padStart(4, '0')}-0000-4000-8000-000000000000`,
    organizationId: 'org-1',
    organizationName: 'Gibibyte Bilişim',
    name: `${company} — Microsoft 365 ${i}`,
    externalReferenceId: null,
    createdDateTime: created,
    updatedDateTime: created,
    expirationDateTime: null,
    status: 'New',
    substatus: 'Pending',
    type: i % 3 === 0 ? 'Shared' : 'Independent',
    referralSource: i % 3 === 1 ? 'Marketplace' : undefined,
    qualification: 'SalesQualified',
    direction: i % 5 === 4 ? 'Outgoing' : 'Incoming',
    customerProfile: {
      name: `${company} ${i}`,
      address: { addressLine1: 'Büyükdere Cd. 1', city: 'İstanbul', country: 'TR', postalCode: '34330' },
      size: '51to250employees',
      team: [
        {
          firstName: first,
          lastName: last,
          email: `${first.toLowerCase()}.${i}@${companyDomain(domain, i)}`,
          phoneNumber: '+90 212 555 0000',
        },
      ],
      ids: {},
    },
    team: [{ firstName: 'Can', lastName: 'Partner', email: 'can@gibibyte.example', phoneNumber: '' }],
    consent: { consentToShareInfoWithOthers: true, consentToContact: true },
    details: {
      notes: `Müşteri ${i}: Exchange'den Microsoft 365'e geçiş istiyor.`,
      dealValue: 1000 + i,
      currency: 'USD',
      closingDateTime: '2027-01-31T00:00:00Z',
      requirements: { products: [{ id: 'Microsoft365' }] },
    },
    eTag: `"etag-${i}"`,
    ...overrides,
  } as Referral;
}

/** Customers whose only contact uses a consumer mailbox, but who list their website. */
export function freemailWithWebsite(i: number, website: string): Referral {
  const r = makeReferral(i);
  const profile = r.customerProfile as Record<string, unknown>;
  profile.team = [{ firstName: 'Ali', lastName: 'Veli', email: `ali.veli${i}@gmail.com` }];
  profile.ids = { external: website };
  return r;
}

/** A customer with no contacts and no website: kept, but unlinked. */
export function contactless(i: number): Referral {
  const r = makeReferral(i);
  const profile = r.customerProfile as Record<string, unknown>;
  profile.team = [];
  profile.ids = {};
  return r;
}

/**
 * A realistic mix: mostly company e-mails (several referrals per company domain), some freemail-only with an IDN
 * website, some freemail-only with nothing else, some without contacts.
 */
export function referralMix(count: number): Referral[] {
  return Array.from({ length: count }, (_, i) => {
    if (i % 10 === 7) return freemailWithWebsite(i, `https://www.örnek${i % 50}.com.tr/`);
    if (i % 10 === 8) return contactless(i);
    if (i % 20 === 9) {
      const r = makeReferral(i);
      (r.customerProfile as Record<string, unknown>).team = [{ firstName: 'Ece', email: `ece${i}@hotmail.com` }];
      return r;
    }
    return makeReferral(i);
  });
}
