// The worker-thread scan pool behind createScanner: same results as scanning in-process, WHOIS cache reached through
// the main thread, cancellation stops new work, and a worker that cannot run fails its inputs instead of hanging.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ScanResult } from '../../shared/domain';
import type { TtlCache } from '../../main/engine/cache';
import { loadConfig } from '../../main/config/load';
import { createScanPool } from '../../main/engine/pool/scan-pool';
import type { ScannerSpec } from '../../main/engine/scanner-spec';
import { runScans } from '../../main/engine/run-scans';
import { fixtureZones } from '../fixtures/dns-zones';
import { startDnsServer, type DnsServerHandle } from '../support/dns-server';

let dns: DnsServerHandle;
beforeAll(async () => {
  dns = await startDnsServer({ zones: fixtureZones });
});
afterAll(() => dns.stop());

const config = loadConfig();
const spec = (): ScannerSpec => ({
  config,
  dns: { servers: [dns.address], timeoutMs: 300, tries: 2 },
  whois: null,
  dkimSelectors: config.dkimSelectors,
});

const DOMAINS = [
  'm365-classic.test',
  'google-ws.test',
  'selfhosted.test',
  'zoho-mail.test',
  'no-mx.test',
  'does-not-exist.test',
];
// enough inputs to go to the workers (short lists stay on the calling thread)
const MANY = Array.from({ length: 60 }, (_, i) => DOMAINS[i % DOMAINS.length]);

async function collect(inputs: readonly string[], workers: number, signal?: AbortSignal) {
  const pool = createScanPool(spec(), { workers, minPoolJob: 1 });
  const results = new Map<number, ScanResult>();
  try {
    await runScans(inputs, pool, { concurrency: 8, signal, onResult: (r, i) => results.set(i, r) });
  } finally {
    await pool.close();
  }
  return results;
}

const comparable = (r: ScanResult) => ({ ...r, scanned_at: undefined, duration_ms: undefined });

describe('scan pool', () => {
  it('returns, for every input, what the in-process scanner returns', async () => {
    const [pooled, inline] = await Promise.all([collect(MANY, 2), collect(MANY, 0)]);
    expect(pooled.size).toBe(MANY.length);
    for (const [index, result] of inline) expect(comparable(pooled.get(index)!)).toEqual(comparable(result));
  });

  it('stops taking new inputs once cancelled', async () => {
    const abort = new AbortController();
    const inputs = Array.from({ length: 400 }, (_, i) => `silent-${i}.blackhole.test`);
    setTimeout(() => abort.abort(), 800);
    const started = Date.now();
    const results = await collect(inputs, 2, abort.signal);
    // 8 in flight at 600 ms each: without the cancel 400 silent names would take half a minute
    expect(results.size).toBeLessThan(inputs.length);
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('reaches the WHOIS cache through the calling thread', async () => {
    const reads: string[] = [];
    const cache: TtlCache = { get: (key) => (reads.push(key), undefined), set: () => {}, delete: () => {} };
    const pool = createScanPool(
      { ...spec(), whois: { timeoutMs: 200, cacheTtlMs: 1000 } },
      { workers: 1, minPoolJob: 1, whoisCache: cache },
    );
    await runScans(['no-mx.test'], pool, { concurrency: 1, onResult: () => {} });
    await pool.close();
    expect(reads).toEqual(['whois:no-mx.test']);
  });

  it('reports every unfinished input as failed when its worker dies, instead of hanging', async () => {
    const pool = createScanPool(spec(), { workers: 2, minPoolJob: 1 });
    const results: ScanResult[] = [];
    const inputs = Array.from({ length: 40 }, (_, i) => `silent-${i}.blackhole.test`);
    const job = runScans(inputs, pool, { concurrency: 4, onResult: (r) => results.push(r) });
    setTimeout(() => void pool.close(), 700);
    await job;
    expect(results).toHaveLength(inputs.length);
    expect(results.filter((r) => r.error?.startsWith('Scan failed: scan worker exited')).length).toBeGreaterThan(0);
  });
});
