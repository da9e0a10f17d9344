import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LEAD_DELETED } from '../../main/store/lead-lifecycle';
import { seedLead, seedReferral } from '../support/d365-seed';
import { dnsTimeoutResult } from '../support/fixtures-scan';
import { openTempStore } from '../support/temp-store';
import type { TempStore } from '../support/temp-store';

const NOW = new Date('2026-11-26T12:00:00.000Z');
let t: TempStore;
beforeEach(() => {
  t = openTempStore({ now: () => NOW });
  seedLead(t.store, { domain: 'alpha.com', company_name: 'Alpha Anadolu', segment: 'Migration', category: 'P1' });
  seedLead(t.store, { domain: 'beta.com', company_name: 'Beta Anadolu', segment: 'Cold', category: 'P3' });
  seedLead(t.store, { domain: 'gamma.com', company_name: 'Gamma', segment: 'Migration', category: 'P2', score: 95 });
});
afterEach(() => t.cleanup());

const domainsOf = (query: Parameters<TempStore['store']['leads']['listLeads']>[0]) =>
  t.store.leads
    .listLeads({ sort: 'domain', ...query })
    .rows.map((r) => r.domain)
    .sort();

describe('archiving leads', () => {
  it('takes an archived lead out of the grid, its counts, the KPIs and the overview, and restores it', () => {
    const leads = t.store.leads;
    expect(leads.archiveLeads(['gamma.com', 'nowhere.com'], true)).toEqual({
      changed: ['gamma.com'],
      missing: ['nowhere.com'],
    });
    expect(domainsOf({})).toEqual(['alpha.com', 'beta.com']);
    expect(leads.listLeads({}).total).toBe(2);
    expect(leads.allDomains({}).sort()).toEqual(['alpha.com', 'beta.com']);
    expect(leads.kpis()).toEqual({ total_leads: 2, migration: 1, high_priority: 1, max_score: expect.any(Number) });
    expect(leads.kpis().max_score).not.toBe(95);
    const stats = leads.stats();
    expect(stats.by_segment).toEqual([
      { key: 'Cold', count: 1 },
      { key: 'Migration', count: 1 },
    ]);
    expect(stats.by_category.map((c) => c.key)).not.toContain('P2');
    expect(stats.scans_per_day.reduce((n, d) => n + d.count, 0)).toBe(2);

    expect(domainsOf({ archived: 'only' })).toEqual(['gamma.com']);
    expect(leads.listLeads({ archived: 'only' }).total).toBe(1);
    expect(domainsOf({ archived: 'include' })).toEqual(['alpha.com', 'beta.com', 'gamma.com']);
    // the detail still reads, with when it was archived
    expect(leads.getLead('gamma.com')).toMatchObject({ company_name: 'Gamma', archived_at: NOW.toISOString() });
    expect(leads.getHistory('gamma.com')).toHaveLength(1);

    expect(leads.archiveLeads(['gamma.com'], false)).toEqual({ changed: ['gamma.com'], missing: [] });
    expect(leads.getLead('gamma.com')?.archived_at).toBeNull();
    expect(leads.listLeads({}).total).toBe(3);
    expect(leads.kpis().total_leads).toBe(3);
  });

  it('counts a search without the archived matches, through the search index as without archiving', () => {
    const leads = t.store.leads;
    expect(leads.listLeads({ search: 'anadolu' }).total).toBe(2);
    leads.archiveLeads(['beta.com'], true);
    expect(leads.listLeads({ search: 'anadolu' })).toMatchObject({ total: 1, rows: [{ domain: 'alpha.com' }] });
    expect(leads.listLeads({ search: 'anadolu', archived: 'only' })).toMatchObject({
      total: 1,
      rows: [{ domain: 'beta.com' }],
    });
    expect(leads.listLeads({ search: 'anadolu', archived: 'include' }).total).toBe(2);
  });

  it('keeps the first archive time when a lead is archived again', () => {
    t.store.leads.archiveLeads(['alpha.com'], true);
    t.store.sqlite.prepare(`UPDATE leads SET archived_at = '2026-01-01T00:00:00.000Z'`).run();
    t.store.leads.archiveLeads(['alpha.com'], true);
    expect(t.store.leads.getLead('alpha.com')?.archived_at).toBe('2026-01-01T00:00:00.000Z');
  });
});

describe('deleting leads', () => {
  const countOf = (sql: string, ...params: unknown[]) =>
    (t.store.sqlite.prepare(sql).get(...params) as { n: number }).n;

  it('removes the lead and every row kept about it, keeps its referral unlinked and skips its waiting push', () => {
    const store = t.store;
    const alphaId = (store.sqlite.prepare(`SELECT id FROM leads WHERE domain = 'alpha.com'`).get() as { id: number })
      .id;
    seedReferral(store, { domain: 'alpha.com', referral_id: 'ref-1' });
    store.sqlite.prepare(`UPDATE partner_center_referrals SET linked_lead_id = ?, link_status = 'linked'`).run(alphaId);
    store.legacy.insert({
      notes: [{ domain: 'alpha.com', note: 'called', created_at: NOW.toISOString(), updated_at: NOW.toISOString() }],
      tags: [{ domain: 'alpha.com', tag: 'hot', created_at: NOW.toISOString() }],
      favorites: [{ domain: 'alpha.com', user_id: 'me', created_at: NOW.toISOString() }],
    });
    store.d365Outbox.enqueue({
      domain: 'alpha.com',
      operation: 'push_lead',
      payload: {},
      ids: { lead: 'l1', account: null, contact: null, opportunity: null, note: null },
      idempotencyKey: 'k-alpha',
    });
    store.d365Outbox.enqueue({
      domain: 'beta.com',
      operation: 'push_lead',
      payload: {},
      ids: { lead: 'l2', account: null, contact: null, opportunity: null, note: null },
      idempotencyKey: 'k-beta',
    });

    expect(store.leads.deleteLeads(['alpha.com', 'nowhere.com'])).toEqual({
      changed: ['alpha.com'],
      missing: ['nowhere.com'],
    });

    expect(store.leads.getLead('alpha.com')).toBeNull();
    for (const table of ['lead_scores', 'lead_signals', 'auto_tags', 'scan_history']) {
      expect(countOf(`SELECT count(*) AS n FROM ${table} WHERE lead_id = ?`, alphaId), table).toBe(0);
    }
    for (const table of ['legacy_notes', 'legacy_tags', 'legacy_favorites']) {
      expect(countOf(`SELECT count(*) AS n FROM ${table} WHERE domain = 'alpha.com'`), table).toBe(0);
    }
    expect(
      store.sqlite.prepare(`SELECT link_status, linked_lead_id, domain FROM partner_center_referrals`).get(),
    ).toEqual({ link_status: 'unlinked', linked_lead_id: null, domain: 'alpha.com' });
    expect(
      store.sqlite.prepare(`SELECT lead_domain, state, last_error FROM d365_outbox ORDER BY lead_domain`).all(),
    ).toEqual([
      { lead_domain: 'alpha.com', state: 'skipped', last_error: LEAD_DELETED },
      { lead_domain: 'beta.com', state: 'queued', last_error: null },
    ]);
    expect(store.d365Outbox.queuedIds()).toHaveLength(1);
    // search no longer finds it, the other leads are untouched
    expect(store.leads.listLeads({ search: 'alpha' }).total).toBe(0);
    expect(domainsOf({})).toEqual(['beta.com', 'gamma.com']);
    expect(store.leads.getHistory('beta.com')).toHaveLength(1);
  });

  it('still deletes after CRM-lite removal dropped the legacy tables', () => {
    for (const table of ['legacy_notes', 'legacy_tags', 'legacy_favorites']) t.store.sqlite.exec(`DROP TABLE ${table}`);
    expect(t.store.leads.deleteLeads(['beta.com']).changed).toEqual(['beta.com']);
    expect(domainsOf({})).toEqual(['alpha.com', 'gamma.com']);
  });

  it('keeps a lead deleted when a bulk scan of it lands afterwards; a scan of a new domain still creates its lead', () => {
    const scanned = (domain: string) => dnsTimeoutResult(domain, NOW.toISOString());
    t.store.leads.deleteLeads(['beta.com']);
    t.store.leads.saveScanResults([scanned('beta.com'), scanned('alpha.com')], {
      drop: (domain) => domain === 'beta.com',
    });
    expect(domainsOf({ archived: 'include' })).toEqual(['alpha.com', 'gamma.com']);
    expect(t.store.leads.getLead('alpha.com')?.scan_status).toBe('dns_timeout');
    t.store.leads.saveScanResults([scanned('delta.com')]);
    expect(domainsOf({})).toContain('delta.com');
  });

  it('deletes an archived lead too', () => {
    t.store.leads.archiveLeads(['beta.com'], true);
    expect(t.store.leads.deleteLeads(['beta.com']).changed).toEqual(['beta.com']);
    expect(domainsOf({ archived: 'include' })).toEqual(['alpha.com', 'gamma.com']);
  });
});

describe('a search holding control characters', () => {
  it('finds what the same search without them finds, instead of failing in the search index', () => {
    const plain = t.store.leads.listLeads({ search: 'anadolu' });
    expect(plain.total).toBe(2);
    expect(t.store.leads.listLeads({ search: '\u0000anadolu\u0007' })).toEqual(plain);
    expect(t.store.leads.listLeads({ search: 'alp\u0000ha' }).rows.map((r) => r.domain)).toEqual(['alpha.com']);
    expect(t.store.leads.listLeads({ search: '\u0000' }).total).toBe(3);
  });
});
