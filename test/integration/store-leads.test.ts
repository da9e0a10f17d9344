import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TOP_PRIORITY_CATEGORIES } from '../../shared/domain';
import { dnsTimeoutResult, scanResult } from '../support/fixtures-scan';
import { openTempStore } from '../support/temp-store';
import type { TempStore } from '../support/temp-store';

const NOW = new Date('2026-11-26T12:00:00.000Z');
let t: TempStore;
beforeEach(() => {
  t = openTempStore({ now: () => NOW });
});
afterEach(() => t.cleanup());

describe('addLeads', () => {
  it('upserts by domain and overwrites a company name only when one is given', () => {
    const leads = t.store.leads;
    expect(
      leads.addLeads([
        { domain: 'a.com', domain_display: 'a.com', company_name: 'Alfa' },
        { domain: 'b.com', domain_display: 'b.com' },
      ]),
    ).toEqual({
      added: 2,
      updated: 0,
    });
    expect(
      leads.addLeads([
        { domain: 'a.com', domain_display: 'a.com' }, // no name: keep "Alfa"
        { domain: 'b.com', domain_display: 'b.com', company_name: '  ' }, // blank counts as not given
        { domain: 'c.com', domain_display: 'c.com', company_name: 'Ceta' },
      ]),
    ).toEqual({ added: 1, updated: 0 });
    expect(leads.addLeads([{ domain: 'a.com', domain_display: 'a.com', company_name: 'Alfa A.Ş.' }])).toEqual({
      added: 0,
      updated: 1,
    });
    expect(leads.getLead('a.com')).toMatchObject({
      company_name: 'Alfa A.Ş.',
      scan_status: 'pending',
      scanned_at: null,
      created_at: NOW.toISOString(),
    });
    expect(leads.getLead('b.com')?.company_name).toBeNull();
  });

  it('rejects a non-ASCII key without storing any row of the batch', () => {
    expect(() =>
      t.store.leads.addLeads([
        { domain: 'ok.com', domain_display: 'ok.com' },
        { domain: 'bilişim.com', domain_display: 'bilişim.com' },
      ]),
    ).toThrow(/CHECK constraint failed/);
    expect(t.store.leads.listLeads({}).total).toBe(0);
  });
});

describe('saveScanResults', () => {
  it('keeps the company name from an import and appends one history row per scan with the changes', () => {
    const leads = t.store.leads;
    leads.addLeads([{ domain: 'acme.com.tr', domain_display: 'acme.com.tr', company_name: 'Acme' }]);
    leads.saveScanResults([
      scanResult({
        domain: 'acme.com.tr',
        scanned_at: '2026-11-20T10:00:00.000Z',
        score: 40,
        segment: 'Cold',
        category: 'P4',
        provider: 'Local',
        mx_root: 'natro.com',
        spf: true,
        dkim: false,
        dmarc_policy: null,
        tags: ['local-mx', 'security-risk'],
        risk_flags: ['no_dkim'],
      }),
    ]);
    leads.saveScanResults([
      scanResult({
        domain: 'acme.com.tr',
        scanned_at: '2026-11-25T10:00:00.000Z',
        score: 75,
        segment: 'Migration',
        category: 'P1',
        provider: 'M365',
        mx_root: 'outlook.com',
        spf: true,
        dkim: true,
        dmarc_policy: 'reject',
        tags: ['migration-ready'],
      }),
    ]);

    const history = leads.getHistory('acme.com.tr');
    expect(history).toHaveLength(2);
    expect(history[0]).toEqual({
      scanned_at: '2026-11-25T10:00:00.000Z',
      scan_status: 'completed',
      readiness_score: 75,
      segment: 'Migration',
      priority_category: 'P1',
      provider: 'M365',
      changes: {
        readiness_score: [40, 75],
        segment: ['Cold', 'Migration'],
        priority_category: ['P4', 'P1'],
        provider: ['Local', 'M365'],
        dkim: [false, true],
        dmarc_policy: [null, 'reject'],
        mx_root: ['natro.com', 'outlook.com'],
      },
    });
    expect(history[1]).toMatchObject({ scanned_at: '2026-11-20T10:00:00.000Z', readiness_score: 40, changes: {} });

    const lead = leads.getLead('acme.com.tr')!;
    expect(lead).toMatchObject({
      company_name: 'Acme',
      readiness_score: 75,
      provider: 'M365',
      risk_flags: [],
      scan_status: 'completed',
    });
    // auto-tags are the latest verdict's set: the stale ones are gone (reference §10 #24)
    expect(lead.tags).toEqual(['migration-ready']);
    expect(lead.dns?.dmarc.policy).toBe('reject');
    expect(lead.breakdown?.total).toBe(75);
  });

  it('a dns_timeout keeps the previous verdict, signals and tags but records the attempt', () => {
    const leads = t.store.leads;
    leads.saveScanResults([
      scanResult({
        domain: 'x.com',
        score: 82,
        segment: 'Migration',
        category: 'P1',
        tags: ['migration-ready'],
        expires_at: '2027-01-15',
      }),
    ]);
    leads.saveScanResults([dnsTimeoutResult('x.com', '2026-11-26T09:00:00.000Z')]);

    const lead = leads.getLead('x.com')!;
    expect(lead).toMatchObject({
      readiness_score: 82,
      segment: 'Migration',
      priority_category: 'P1',
      provider: 'M365',
      expires_at: '2027-01-15',
      tags: ['migration-ready'],
      scan_status: 'dns_timeout',
      scanned_at: '2026-11-26T09:00:00.000Z',
    });
    expect(lead.dns?.spf.present).toBe(true);
    const [latest, first] = leads.getHistory('x.com');
    expect(latest).toEqual({
      scanned_at: '2026-11-26T09:00:00.000Z',
      scan_status: 'dns_timeout',
      readiness_score: null,
      segment: null,
      priority_category: null,
      provider: null,
      changes: { scan_status: ['completed', 'dns_timeout'] },
    });
    expect(first.readiness_score).toBe(82);

    // the next good scan is compared with the kept verdict, not with the empty timeout row
    leads.saveScanResults([
      scanResult({
        domain: 'x.com',
        scanned_at: '2026-11-26T11:00:00.000Z',
        score: 80,
        segment: 'Migration',
        category: 'P1',
        tags: ['migration-ready'],
        expires_at: '2027-01-15',
      }),
    ]);
    expect(leads.getHistory('x.com')[0].changes).toEqual({
      scan_status: ['dns_timeout', 'completed'],
      readiness_score: [82, 80],
    });
  });

  it('stores unknown tri-state signals as NULL, not false', () => {
    t.store.leads.saveScanResults([scanResult({ domain: 'p.com', scan_status: 'partial', spf: null, dkim: null })]);
    expect(t.store.sqlite.prepare(`SELECT spf, dkim, dkim_selectors FROM lead_signals`).get()).toEqual({
      spf: null,
      dkim: null,
      dkim_selectors: '[]',
    });
    expect(t.store.leads.getLead('p.com')?.dns?.spf.present).toBeNull();
  });

  it('a failing result rolls back its whole batch', () => {
    const leads = t.store.leads;
    leads.saveScanResults([scanResult({ domain: 'keep.com', score: 60 })]);
    expect(() =>
      leads.saveScanResults([scanResult({ domain: 'keep.com', score: 10 }), scanResult({ domain: 'ünicode.com' })]),
    ).toThrow();
    expect(leads.getLead('keep.com')?.readiness_score).toBe(60);
    expect(leads.getHistory('keep.com')).toHaveLength(1);
  });
});

describe('listLeads', () => {
  beforeEach(() => {
    const leads = t.store.leads;
    leads.addLeads([
      {
        domain: 'xn--istanbul-biliim-l6c.com.tr',
        domain_display: 'istanbul-bilişim.com.tr',
        company_name: 'İstanbul Bilişim',
      },
      { domain: 'isparta.com.tr', domain_display: 'isparta.com.tr', company_name: 'ISPARTA GÜL YAĞI' },
      { domain: 'ilgaz.com', domain_display: 'ilgaz.com', company_name: 'Ilgaz Dağcılık' },
      { domain: 'cankaya.com', domain_display: 'cankaya.com', company_name: 'Çankaya Şirketi' },
      { domain: 'unscanned.com', domain_display: 'unscanned.com', company_name: 'Zeta' },
    ]);
    leads.saveScanResults([
      scanResult({
        domain: 'xn--istanbul-biliim-l6c.com.tr',
        domain_display: 'istanbul-bilişim.com.tr',
        score: 85,
        segment: 'Migration',
        category: 'P1',
        provider: 'Local',
        expires_at: '2026-12-10',
        tags: ['local-mx'],
        risk_flags: ['no_dmarc'],
        scanned_at: '2026-11-25T08:00:00.000Z',
      }),
      scanResult({
        domain: 'isparta.com.tr',
        score: 65,
        segment: 'Migration',
        category: 'P1',
        provider: 'Google',
        expires_at: '2026-10-01',
        scanned_at: '2026-11-24T08:00:00.000Z',
      }),
      scanResult({
        domain: 'ilgaz.com',
        score: 30,
        segment: 'Cold',
        category: 'P2',
        provider: 'M365',
        expires_at: null,
        risk_flags: ['no_dmarc', 'spf_lookups'],
        scanned_at: '2026-11-23T08:00:00.000Z',
      }),
      scanResult({
        domain: 'cankaya.com',
        score: 90,
        segment: 'Existing',
        category: 'P3',
        provider: 'M365',
        expires_at: '2028-01-01',
        tags: ['weak-spf'],
        scanned_at: '2026-11-26T08:00:00.000Z',
      }),
    ]);
  });
  const domains = (q: Parameters<TempStore['store']['leads']['listLeads']>[0]) =>
    t.store.leads.listLeads(q).rows.map((r) => r.domain);

  it('sorts by priority by default: category, then readiness high to low, unscanned last', () => {
    expect(domains({})).toEqual([
      'xn--istanbul-biliim-l6c.com.tr',
      'isparta.com.tr',
      'ilgaz.com',
      'cankaya.com',
      'unscanned.com',
    ]);
    expect(domains({ order: 'desc' })).toEqual([
      'cankaya.com',
      'ilgaz.com',
      'isparta.com.tr',
      'xn--istanbul-biliim-l6c.com.tr',
      'unscanned.com',
    ]);
  });

  it('sorts by every key with missing values last and domain as tie-break', () => {
    expect(domains({ sort: 'readiness_score', order: 'desc' })).toEqual([
      'cankaya.com',
      'xn--istanbul-biliim-l6c.com.tr',
      'isparta.com.tr',
      'ilgaz.com',
      'unscanned.com',
    ]);
    expect(domains({ sort: 'provider' })).toEqual([
      'isparta.com.tr',
      'xn--istanbul-biliim-l6c.com.tr',
      'cankaya.com',
      'ilgaz.com',
      'unscanned.com',
    ]);
    expect(domains({ sort: 'expires_at' })).toEqual([
      'isparta.com.tr',
      'xn--istanbul-biliim-l6c.com.tr',
      'cankaya.com',
      'ilgaz.com',
      'unscanned.com',
    ]);
    expect(domains({ sort: 'scanned_at', order: 'desc' })).toEqual([
      'cankaya.com',
      'xn--istanbul-biliim-l6c.com.tr',
      'isparta.com.tr',
      'ilgaz.com',
      'unscanned.com',
    ]);
    // folded like search: Çankaya among the C's, İstanbul among the I's
    expect(domains({ sort: 'company_name' })).toEqual([
      'cankaya.com',
      'ilgaz.com',
      'isparta.com.tr',
      'xn--istanbul-biliim-l6c.com.tr',
      'unscanned.com',
    ]);
    expect(domains({ sort: 'segment' })).toEqual([
      'ilgaz.com',
      'cankaya.com',
      'isparta.com.tr',
      'xn--istanbul-biliim-l6c.com.tr',
      'unscanned.com',
    ]);
    expect(domains({ sort: 'domain', order: 'desc' })).toEqual([
      'xn--istanbul-biliim-l6c.com.tr',
      'unscanned.com',
      'isparta.com.tr',
      'ilgaz.com',
      'cankaya.com',
    ]);
  });

  it('pages with offset/limit and reports the filtered total', () => {
    const page = t.store.leads.listLeads({ offset: 1, limit: 2 });
    expect(page.total).toBe(5);
    expect(page.offset).toBe(1);
    expect(page.rows.map((r) => r.domain)).toEqual(['isparta.com.tr', 'ilgaz.com']);
  });

  it('searches Turkish text the way a Turkish user types it', () => {
    expect(domains({ search: 'İSTANBUL' })).toEqual(['xn--istanbul-biliim-l6c.com.tr']);
    expect(domains({ search: 'bilişim' })).toEqual(['xn--istanbul-biliim-l6c.com.tr']);
    expect(domains({ search: 'BILISIM' })).toEqual(['xn--istanbul-biliim-l6c.com.tr']);
    // dotless and dotted i find the same companies, whichever the stored text uses
    expect(domains({ search: 'ısparta' })).toEqual(['isparta.com.tr']);
    expect(domains({ search: 'isparta' })).toEqual(['isparta.com.tr']);
    expect(domains({ search: 'ILGAZ' })).toEqual(['ilgaz.com']);
    expect(domains({ search: 'ılgaz dağ' })).toEqual(['ilgaz.com']);
    expect(domains({ search: 'gül yağı' })).toEqual(['isparta.com.tr']);
    expect(domains({ search: 'ÇANKAYA ŞİRKETİ' })).toEqual(['cankaya.com']);
    expect(domains({ search: 'sirketi' })).toEqual(['cankaya.com']);
    // the provider is searchable too, and the match is a substring, not a pattern
    expect(domains({ search: 'google' })).toEqual(['isparta.com.tr']);
    expect(domains({ search: '%' })).toEqual([]);
  });

  it('filters by provider, segment, category, score range, risk flag, tag, expiry and scan state', () => {
    expect(domains({ providers: ['M365'] })).toEqual(['ilgaz.com', 'cankaya.com']);
    expect(domains({ segments: ['Migration', 'Cold'] })).toEqual([
      'xn--istanbul-biliim-l6c.com.tr',
      'isparta.com.tr',
      'ilgaz.com',
    ]);
    expect(domains({ categories: ['P2', 'P3'] })).toEqual(['ilgaz.com', 'cankaya.com']);
    expect(domains({ min_score: 60, max_score: 86 })).toEqual(['xn--istanbul-biliim-l6c.com.tr', 'isparta.com.tr']);
    expect(domains({ risk_flag: 'no_dmarc' })).toEqual(['xn--istanbul-biliim-l6c.com.tr', 'ilgaz.com']);
    expect(domains({ risk_flag: 'no_dm' })).toEqual([]);
    expect(domains({ tag: 'weak-spf' })).toEqual(['cankaya.com']);
    // now = 2026-11-26: 2026-12-10 is within 30 days; 2026-10-01 expired 56 days ago (beyond the grace period)
    expect(domains({ expiring_within_days: 30 })).toEqual(['xn--istanbul-biliim-l6c.com.tr']);
    expect(domains({ expiring_within_days: 3650 })).toEqual(['xn--istanbul-biliim-l6c.com.tr', 'cankaya.com']);
    expect(domains({ scanned: 'unscanned' })).toEqual(['unscanned.com']);
    expect(t.store.leads.listLeads({ scanned: 'scanned' }).total).toBe(4);
    expect(domains({ providers: ['M365'], min_score: 50, search: 'çankaya' })).toEqual(['cankaya.com']);
    expect(t.store.leads.allDomains({ segments: ['Migration'] })).toEqual([
      'xn--istanbul-biliim-l6c.com.tr',
      'isparta.com.tr',
    ]);
  });

  it('returns grid rows with tags, risk flags and referral join', () => {
    t.store.sqlite
      .prepare(
        `INSERT INTO partner_center_referrals (referral_id, domain, referral_type, raw_data, synced_at, created_at, updated_at)
         VALUES ('r1', 'cankaya.com', 'marketplace', '{}', '2026-11-01T00:00:00Z', '2026-11-01T00:00:00Z', '2026-11-01T00:00:00Z'),
                ('r2', 'cankaya.com', 'co-sell', '{}', '2026-11-02T00:00:00Z', '2026-11-02T00:00:00Z', '2026-11-02T00:00:00Z')`,
      )
      .run();
    const row = t.store.leads.listLeads({ search: 'cankaya' }).rows[0];
    expect(row).toEqual({
      domain: 'cankaya.com',
      domain_display: 'cankaya.com',
      company_name: 'Çankaya Şirketi',
      city: null,
      contact_email: null,
      contact_phone: null,
      provider: 'M365',
      readiness_score: 90,
      segment: 'Existing',
      priority_score: 4,
      priority_category: 'P3',
      priority_label: 'Fixture label',
      risk_flags: [],
      tags: ['weak-spf'],
      expires_at: '2028-01-01',
      scanned_at: '2026-11-26T08:00:00.000Z',
      scan_status: 'completed',
      referral_count: 2,
      referral_id: 'r2',
      referral_type: 'co-sell',
      d365_sync_status: null,
      d365_sync_error: null,
      d365_lead_id: null,
    });
    expect(t.store.leads.listLeads({ search: 'zeta' }).rows[0]).toMatchObject({
      risk_flags: [],
      tags: [],
      provider: null,
      scan_status: 'pending',
      referral_count: 0,
    });
  });

  it('the "high priority" KPI counts exactly the leads the P1/P2 category filter shows', () => {
    const top = t.store.leads.listLeads({ categories: [...TOP_PRIORITY_CATEGORIES] });
    expect(top.rows.map((r) => r.priority_category).every((c) => c === 'P1' || c === 'P2')).toBe(true);
    expect(t.store.leads.kpis().high_priority).toBe(top.total);
    expect(top.total).toBeGreaterThan(0);
  });

  it('computes kpis and stats', () => {
    expect(t.store.leads.kpis()).toEqual({ total_leads: 5, migration: 2, high_priority: 3, max_score: 90 });
    const stats = t.store.leads.stats();
    expect(stats.by_provider).toEqual([
      { key: 'M365', count: 2 },
      { key: 'Google', count: 1 },
      { key: 'Local', count: 1 },
    ]);
    expect(stats.by_segment).toEqual([
      { key: 'Migration', count: 2 },
      { key: 'Cold', count: 1 },
      { key: 'Existing', count: 1 },
    ]);
    expect(stats.by_category).toEqual([
      { key: 'P1', count: 2 },
      { key: 'P2', count: 1 },
      { key: 'P3', count: 1 },
    ]);
    expect(stats.scans_per_day).toHaveLength(30);
    expect(stats.scans_per_day[0]).toEqual({ day: '2026-10-28', count: 0 });
    expect(stats.scans_per_day.slice(-4)).toEqual([
      { day: '2026-11-23', count: 1 },
      { day: '2026-11-24', count: 1 },
      { day: '2026-11-25', count: 1 },
      { day: '2026-11-26', count: 1 },
    ]);
  });

  it('answers null / [] for an unknown domain', () => {
    expect(t.store.leads.getLead('nope.com')).toBeNull();
    expect(t.store.leads.getHistory('nope.com')).toEqual([]);
  });
});
