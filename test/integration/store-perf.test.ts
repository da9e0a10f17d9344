// Throughput of the two hot paths, measured on a real file DB (WAL); the numbers are printed for the record.
// Opt-in (HUNTER_PERF=1): wall-clock budgets are meaningless on a shared, loaded CI box, and the default suite
// must stay deterministic.
import { afterEach, describe, expect, it } from 'vitest';
import type { ScanResult } from '../../shared/domain';
import { PRIORITY_CATEGORIES, SEGMENTS } from '../../shared/domain';
import { scanResult } from '../support/fixtures-scan';
import { openTempStore } from '../support/temp-store';
import type { TempStore } from '../support/temp-store';

let t: TempStore;
afterEach(() => t.cleanup());

function results(count: number, from = 0): ScanResult[] {
  return Array.from({ length: count }, (_, i) => {
    const n = from + i;
    return scanResult({
      domain: `firma-${n}.com.tr`,
      score: (n * 37) % 101,
      segment: SEGMENTS[n % 4],
      category: PRIORITY_CATEGORIES[n % 6],
      provider: ['M365', 'Google', 'Local', 'Yandex'][n % 4],
      expires_at: `2027-0${(n % 9) + 1}-1${n % 10}`,
      tags: n % 3 === 0 ? ['migration-ready', 'local-mx'] : ['weak-spf'],
      risk_flags: n % 5 === 0 ? ['no_dmarc'] : [],
    });
  });
}

function saveInBatches(all: ScanResult[], size = 500): number {
  const start = performance.now();
  for (let i = 0; i < all.length; i += size) t.store.leads.saveScanResults(all.slice(i, i + size));
  return performance.now() - start;
}

function timed<T>(fn: () => T): [T, number] {
  const start = performance.now();
  const value = fn();
  return [value, performance.now() - start];
}

describe.skipIf(!process.env.HUNTER_PERF)('store performance', () => {
  it('saves 10,000 scan results in batches of 500 well under a second', () => {
    t = openTempStore();
    const all = results(10_000);
    const fresh = saveInBatches(all);
    const rescan = saveInBatches(all); // second pass: updates + history diffs
    console.log(`saveScanResults 10k: new leads ${fresh.toFixed(0)} ms, rescan ${rescan.toFixed(0)} ms`);
    expect(t.store.leads.listLeads({ limit: 1 }).total).toBe(10_000);
    expect(t.store.sqlite.prepare('SELECT count(*) AS n FROM scan_history').get()).toEqual({ n: 20_000 });
    expect(fresh).toBeLessThan(1500);
    expect(rescan).toBeLessThan(1500);
  });

  it('lists a sorted, filtered page out of 100,000 leads', { timeout: 120_000 }, () => {
    t = openTempStore();
    const load = saveInBatches(results(100_000), 1000);
    const timings: Record<string, number> = {};
    const measure = (name: string, q: Parameters<typeof t.store.leads.listLeads>[0]) => {
      t.store.leads.listLeads(q); // warm the page cache once
      const [page, ms] = timed(() => t.store.leads.listLeads(q));
      timings[name] = Math.round(ms);
      return page;
    };
    const first = measure('priority (default)', { limit: 100 });
    expect(first.total).toBe(100_000);
    expect(first.rows[0].priority_category).toBe('P1');
    expect(first.rows[0].readiness_score).toBe(100);
    measure('readiness desc, offset 50k', { sort: 'readiness_score', order: 'desc', offset: 50_000, limit: 100 });
    measure('company_name', { sort: 'company_name', limit: 100 });
    measure('expires_at', { sort: 'expires_at', limit: 100 });
    const searched = measure('search "firma-9999"', { search: 'FİRMA-9999', limit: 100 });
    expect(searched.rows.map((r) => r.domain)).toContain('firma-9999.com.tr');
    measure('providers+segment+score filter', {
      providers: ['M365'],
      segments: ['Migration'],
      min_score: 50,
      limit: 100,
    });
    measure('risk_flag', { risk_flag: 'no_dmarc', limit: 100 });
    measure('tag', { tag: 'migration-ready', limit: 100 });
    const [, kpiMs] = timed(() => t.store.leads.kpis());
    const [, statsMs] = timed(() => t.store.leads.stats());
    console.log(
      `100k load ${Math.round(load)} ms; listLeads ms: ${JSON.stringify(timings)}; kpis ${Math.round(kpiMs)} ms, stats ${Math.round(statsMs)} ms`,
    );
    expect(Math.max(...Object.values(timings))).toBeLessThan(1000);
  });
});
