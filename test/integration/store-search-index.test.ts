// The grid search through the trigram index (migration 0003_search_index) must find exactly what reading every
// lead's folded text finds, stay Turkish-aware, and follow every write through its triggers.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LeadQuery } from '../../shared/leads';
import { foldSearch } from '../../shared/text';
import { scanResult } from '../support/fixtures-scan';
import { openTempStore } from '../support/temp-store';
import type { TempStore } from '../support/temp-store';

let t: TempStore;
beforeEach(() => {
  t = openTempStore({ now: () => new Date('2026-11-26T12:00:00.000Z') });
});
afterEach(() => t.cleanup());

const NAMES = [
  'İstanbul Bilişim',
  'ISPARTA GÜL YAĞI',
  'Ilgaz Dağcılık',
  'Çankaya Şirketi',
  'Öztürk Gıda',
  'Ağrı Çelik',
  'Ümraniye Lojistik',
  'Göztepe "Yazılım"',
  'İĞNEADA Turizm',
  'Kuşadası Ege',
];
const PROVIDERS = ['M365', 'Google', 'Local', 'Yandex', null];

/** 60 leads: every name a few times, IDN display names for some, a provider on all but the unscanned. */
function seed(): void {
  const leads = Array.from({ length: 60 }, (_, n) => {
    const name = NAMES[n % NAMES.length]!;
    const ascii = foldSearch(name).replace(/[^a-z]+/g, '-');
    const display = n % 3 === 0 ? `${foldSearch(name).split(' ')[0]}${n}.com.tr` : `${ascii}${n}.com.tr`;
    return {
      domain: `${ascii}${n}.com.tr`,
      domain_display: display,
      company_name: n % 7 === 0 ? null : `${name} ${n} A.Ş.`,
    };
  });
  t.store.leads.addLeads(leads);
  t.store.leads.saveScanResults(
    leads
      .map((lead, n) => ({ lead, provider: PROVIDERS[n % PROVIDERS.length] }))
      .filter((entry) => entry.provider !== null)
      .map(({ lead, provider }, n) =>
        scanResult({
          domain: lead.domain,
          domain_display: lead.domain_display,
          provider: provider!,
          score: (n * 37) % 101,
        }),
      ),
  );
}

/** What the search means: every folded word occurs in the lead's folded text (read from the table itself). */
function reference(search: string): string[] {
  const words = foldSearch(search).split(/\s+/).filter(Boolean);
  const rows = t.store.sqlite.prepare('SELECT domain, search_text FROM leads ORDER BY domain').all() as {
    domain: string;
    search_text: string;
  }[];
  return rows.filter((row) => words.every((word) => row.search_text.includes(word))).map((row) => row.domain);
}

const domains = (query: LeadQuery) => t.store.leads.listLeads(query).rows.map((row) => row.domain);

const SEARCHES = [
  'istanbul',
  'İSTANBUL',
  'ıstanbul',
  'bilişim',
  'BILISIM',
  'ısparta',
  'gül yağı',
  'GUL',
  'ılgaz dağ',
  'dağcılık',
  'çankaya şirketi',
  'CANKAYA',
  'öztürk',
  'OZTURK gıda',
  'ağrı',
  'celik',
  'ümraniye',
  'UMRANIYE loj',
  'iğneada',
  'IGNEADA',
  'kuşadası ege',
  '"yazılım"',
  'yazilim"',
  'a.ş',
  'A.S.',
  '12',
  'm365',
  'goo',
  'GOOGLE ege',
  'local',
  'yandex tr',
  'e g',
  'zz',
  'çelik 5',
  'com.tr',
  '%',
  '-',
];

describe('search through the trigram index', () => {
  beforeEach(seed);

  it('finds exactly the leads whose folded text holds every word, in grid order and in any window', () => {
    for (const search of SEARCHES) {
      const want = reference(search);
      for (const sort of ['domain', 'company_name', 'readiness_score', 'priority'] as const) {
        const page = t.store.leads.listLeads({ search, sort, limit: 1000 });
        expect(page.total, `${search} by ${sort}`).toBe(want.length);
        expect([...page.rows.map((row) => row.domain)].sort(), `${search} by ${sort}`).toEqual(want);
        // one-row windows make walking the sort index the cheaper path; the rows must not change with the path
        const walked = Array.from(
          { length: want.length },
          (_, offset) => domains({ search, sort, offset, limit: 1 })[0],
        );
        expect(walked, `${search} by ${sort}, row by row`).toEqual(page.rows.map((row) => row.domain));
      }
      expect([...t.store.leads.allDomains({ search })].sort(), search).toEqual(want);
    }
  });

  it('combines with the other filters', () => {
    const m365 = new Set(domains({ providers: ['M365'], limit: 1000 }));
    for (const search of ['istanbul', 'ege', 'goo', 'çankaya 1']) {
      expect(domains({ search, providers: ['M365'], limit: 1000 }).sort()).toEqual(
        reference(search).filter((domain) => m365.has(domain)),
      );
    }
  });

  it('follows renames, rescans and deletes', () => {
    const leads = t.store.leads;
    leads.addLeads([
      {
        domain: 'istanbul-bilisim10.com.tr',
        domain_display: 'istanbul-bilisim10.com.tr',
        company_name: 'Yeni Ünvan Holding',
      },
    ]);
    expect(domains({ search: 'ünvan' })).toEqual(['istanbul-bilisim10.com.tr']);
    expect(domains({ search: 'bilişim 10 a.ş' })).toEqual([]);

    // a rescan moving the lead to another provider: found by the new provider's name, no longer by the old one
    const before = domains({ search: 'yandex', limit: 1000 });
    leads.saveScanResults([scanResult({ domain: 'istanbul-bilisim10.com.tr', provider: 'Yandex' })]);
    expect(domains({ search: 'yandex', limit: 1000 }).sort()).toEqual([...before, 'istanbul-bilisim10.com.tr'].sort());
    expect(domains({ search: 'google ünvan' })).toEqual([]);

    t.store.sqlite.prepare('DELETE FROM leads WHERE domain = ?').run('istanbul-bilisim10.com.tr');
    expect(domains({ search: 'ünvan' })).toEqual([]);
    for (const search of SEARCHES)
      expect(t.store.leads.listLeads({ search }).total, search).toBe(reference(search).length);
  });

  it('is not rewritten by a rescan that changes only the provider', () => {
    const index = () =>
      t.store.sqlite.prepare('SELECT count(*) AS blocks, sum(length(block)) AS bytes FROM leads_search_data').get();
    const unchanged = index();
    const scanned = t.store.leads.listLeads({ providers: ['Google'], limit: 1000 }).rows;
    expect(scanned.length).toBeGreaterThan(0);
    t.store.leads.saveScanResults(
      scanned.map((row) => scanResult({ domain: row.domain, domain_display: row.domain_display, provider: 'Local' })),
    );
    expect(index()).toEqual(unchanged);
    expect(domains({ search: 'google', limit: 1000 })).toEqual([]);
  });
});
