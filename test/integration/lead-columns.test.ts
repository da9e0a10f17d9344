// The column registry (shared/lead-columns.ts) drives the grid, the read model's sorts and the export: every
// column it declares shows up in each of them, in its order, with its labels in both languages.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../main/config/load';
import { exportLeads } from '../../main/services/export-leads';
import { createSettingsService } from '../../main/services/settings';
import {
  EXPORT_COLUMN_IDS,
  GRID_COLUMNS,
  LEAD_COLUMNS,
  LEAD_SORT_KEYS,
  SPARSE_COLUMN_IDS,
} from '../../shared/lead-columns';
import type { LeadColumnSpec } from '../../shared/lead-columns';
import type { LeadRow, LeadSortKey } from '../../shared/leads';
import { COLUMNS } from '../../renderer/components/grid/columns';
import { SPARSE_PROBE_LIMIT } from '../../main/store/lead-reads';
import { scanResult } from '../support/fixtures-scan';
import { openTempStore, type TempStore } from '../support/temp-store';

const ROOT = path.resolve(import.meta.dirname, '../..');
const RESOURCES = path.join(ROOT, 'resources');
const NOW = new Date('2026-11-29T20:00:00Z');
const readJson = (file: string) => JSON.parse(fs.readFileSync(path.join(ROOT, file), 'utf8'));
const EXPORT_LABELS = readJson('resources/export_labels.json');

let t: TempStore;
beforeEach(() => {
  t = openTempStore();
});
afterEach(() => t.cleanup());

/** Five scanned leads with a different value in every sortable field, and two unscanned ones (NULL tails). */
function seedSortable() {
  const domains = ['delta.test', 'alfa.test', 'echo.test', 'charlie.test', 'bravo.test', 'golf.test', 'foxtrot.test'];
  t.store.leads.addLeads(
    domains.map((domain, i) => ({ domain, domain_display: domain, company_name: `firma ${'qwert'[i % 5]}${i}` })),
  );
  const segments = ['Migration', 'Existing', 'Cold', 'Skip', 'Existing'] as const;
  t.store.leads.saveScanResults(
    domains.slice(0, 5).map((domain, i) =>
      scanResult({
        domain,
        provider: ['Zoho', 'M365', 'Google Workspace', 'Yandex', 'Natro'][i],
        score: [40, 90, 10, 70, 55][i],
        segment: segments[i],
        category: (['P3', 'P1', 'P5', 'P2', 'P4'] as const)[i],
        priority_score: [3, 9, 1, 7, 5][i],
        expires_at: ['2027-03-01', '2027-01-01', null, '2027-02-01', '2028-01-01'][i],
        scanned_at: `2026-11-2${[4, 1, 3, 5, 2][i]}T10:00:00.000Z`,
      }),
    ),
  );
}

/** What a sort key orders by: its registry column's field (the priority sort breaks ties by score, high first). */
function expectedOrder(rows: LeadRow[], key: LeadSortKey, order: 'asc' | 'desc'): string[] {
  const column = (LEAD_COLUMNS as readonly LeadColumnSpec[]).find((c) => c.sort?.key === key)!;
  const field = column.field!;
  const sign = order === 'asc' ? 1 : -1;
  const value = (row: LeadRow) => row[field] as string | number | null;
  const byDomain = (a: LeadRow, b: LeadRow) => sign * a.domain.localeCompare(b.domain);
  const head = rows.filter((row) => value(row) !== null);
  const tail = rows.filter((row) => value(row) === null);
  head.sort((a, b) => {
    const [x, y] = [value(a)!, value(b)!];
    const compared = typeof x === 'number' ? x - (y as number) : x < y ? -1 : x > y ? 1 : 0;
    return (
      sign * compared || (key === 'priority' ? -sign * (a.readiness_score! - b.readiness_score!) : 0) || byDomain(a, b)
    );
  });
  return [...head, ...tail.sort(byDomain)].map((row) => row.domain);
}

describe('lead column registry', () => {
  it('declares each column once, with a sort key at most once and grid columns in the grid', () => {
    const ids = LEAD_COLUMNS.map((column) => column.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(LEAD_SORT_KEYS).size).toBe(LEAD_SORT_KEYS.length);
    expect(SPARSE_COLUMN_IDS).toEqual(['expiry', 'referral', 'd365']);
  });

  it('gives every grid column a cell renderer and a header in Turkish and English, in registry order', () => {
    expect(COLUMNS.map((column) => column.id)).toEqual(GRID_COLUMNS.map((column) => column.id));
    for (const column of COLUMNS) expect(typeof column.render).toBe('function');
    for (const lang of ['tr', 'en']) {
      const headers = readJson(`renderer/i18n/${lang}.json`).grid.columns;
      for (const column of GRID_COLUMNS) expect(headers[column.id], `${lang} grid.columns.${column.id}`).toBeTruthy();
    }
  });

  it('sorts the read model by every sortable column, both ways, leads without the value last', () => {
    seedSortable();
    const all = t.store.leads.listLeads({ limit: 100 }).rows;
    expect(all).toHaveLength(7);
    for (const key of LEAD_SORT_KEYS) {
      for (const order of ['asc', 'desc'] as const) {
        const got = t.store.leads.listLeads({ sort: key, order, limit: 100 }).rows.map((row) => row.domain);
        expect(got, `${key} ${order}`).toEqual(expectedOrder(all, key, order));
      }
    }
  });

  it('exports every exported column in registry order, with its header in each language', async () => {
    seedSortable();
    const ctx = {
      store: t.store,
      resources: RESOURCES,
      settings: createSettingsService(t.store, RESOURCES),
      config: loadConfig(RESOURCES),
    };
    expect(EXPORT_COLUMN_IDS).toEqual(LEAD_COLUMNS.filter((column) => 'export' in column).map((column) => column.id));
    for (const [lang, separator] of [
      ['tr', ';'],
      ['en', ','],
    ] as const) {
      const file = await exportLeads(ctx, {}, { format: 'csv', lang, now: NOW });
      const [header, ...rows] = file.content.toString('utf8').slice(1).split(/\r\n/);
      expect(header.split(separator)).toEqual(EXPORT_COLUMN_IDS.map((id) => EXPORT_LABELS[lang].headers[id]));
      expect(rows).toHaveLength(7);
    }
    // the English header stays the machine names the previous Hunter wrote
    expect(EXPORT_COLUMN_IDS.map((id) => EXPORT_LABELS.en.headers[id])).toEqual([
      'domain',
      'domain_ascii',
      'company_name',
      'city',
      'contact_email',
      'contact_phone',
      'provider',
      'readiness_score',
      'segment',
      'priority_category',
      'priority_label',
      'priority_score',
      'next_step_action',
      'next_step_timeline',
      'next_step',
      'offer',
      'risk_flags',
      'tags',
      'expires_at',
      'scanned_at',
      'scan_status',
      'referral_count',
      'd365_sync_status',
    ]);
  });
});

describe('columns with data', () => {
  function addReferral(domain: string) {
    t.store.sqlite
      .prepare(
        `INSERT INTO partner_center_referrals (referral_id, referral_type, domain, raw_data, synced_at, created_at, updated_at)
         VALUES (?, 'co-sell', ?, '{}', '2026-11-01', '2026-11-01', '2026-11-01')`,
      )
      .run(`ref-${domain}`, domain);
  }

  it('names no hide-when-empty column while no lead has data for it', () => {
    t.store.leads.addLeads([{ domain: 'a.test', domain_display: 'a.test' }]);
    t.store.leads.saveScanResults([scanResult({ domain: 'a.test', expires_at: null })]);
    expect(t.store.leads.listLeads({}).columns_with_data).toEqual([]);
  });

  it('answers for the whole result, not the page: data on a lead past the window still counts', () => {
    const domains = Array.from({ length: 30 }, (_, i) => `lead-${String(i).padStart(2, '0')}.test`);
    t.store.leads.addLeads(domains.map((domain) => ({ domain, domain_display: domain })));
    t.store.leads.saveScanResults(domains.map((domain) => scanResult({ domain, expires_at: null })));
    t.store.leads.saveScanResults([scanResult({ domain: 'lead-29.test', expires_at: '2027-01-01' })]);
    t.store.sqlite.prepare(`UPDATE leads SET d365_sync_status = 'pushed' WHERE domain = 'lead-28.test'`).run();
    addReferral('lead-27.test');
    addReferral('not-a-lead.test');

    const page = t.store.leads.listLeads({ sort: 'domain', limit: 5 });
    expect(page.rows.map((row) => row.domain)).not.toContain('lead-29.test');
    expect(page.columns_with_data).toEqual(['expiry', 'referral', 'd365']);
  });

  it('follows the filter: a result without the leads that have data names none', () => {
    t.store.leads.addLeads(['with.test', 'without.test'].map((domain) => ({ domain, domain_display: domain })));
    t.store.leads.saveScanResults([
      scanResult({ domain: 'with.test', provider: 'Zoho', expires_at: '2027-01-01' }),
      scanResult({ domain: 'without.test', provider: 'M365', expires_at: null }),
    ]);
    t.store.sqlite.prepare(`UPDATE leads SET d365_sync_status = 'error' WHERE domain = 'with.test'`).run();
    addReferral('with.test');
    expect(t.store.leads.listLeads({ providers: ['Zoho'] }).columns_with_data).toEqual(['expiry', 'referral', 'd365']);
    expect(t.store.leads.listLeads({ providers: ['M365'] }).columns_with_data).toEqual([]);
    expect(t.store.leads.listLeads({ search: 'without' }).columns_with_data).toEqual([]);
  });

  it('keeps a column shown when more leads than the probe looks at would have to be read to rule it out', () => {
    const count = SPARSE_PROBE_LIMIT + 100;
    const domains = Array.from({ length: 2 * count }, (_, i) => `lead-${i}.test`);
    t.store.leads.addLeads(domains.map((domain) => ({ domain, domain_display: domain })));
    // the scanned half has expiry dates; the unscanned half (the filter below) has none
    t.store.sqlite
      .prepare(`UPDATE leads SET scanned_at = '2026-11-01', expires_at = '2027-01-01' WHERE id % 2 = 0`)
      .run();
    expect(t.store.leads.listLeads({ scanned: 'unscanned', limit: 1 }).columns_with_data).toEqual(['expiry']);
    // a result the probe can read whole gets an exact answer
    const few = domains.slice(0, 10);
    expect(t.store.leads.listLeads({ scanned: 'unscanned', domains: few }).columns_with_data).toEqual([]);
    expect(t.store.leads.listLeads({ domains: few }).columns_with_data).toEqual(['expiry']);
  });
});
