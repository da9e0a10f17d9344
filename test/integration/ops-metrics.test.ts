import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createHunter } from '../../main/app/create-hunter';
import type { Hunter } from '../../main/app/create-hunter';
import { runCli } from '../../main/cli/index';
import { MemoryTtlCache } from '../../main/engine/cache';
import { EVENTS_KEPT } from '../../main/ops/metrics/metrics';
import { sampleOutbox } from '../../main/ops/metrics/outbox-metrics';
import { countingCache } from '../../main/ops/metrics/scan-metrics';
import { fixtureZones } from '../fixtures/dns-zones';
import { startDnsServer } from '../support/dns-server';
import type { DnsServerHandle } from '../support/dns-server';

let dns: DnsServerHandle;
const dirs: string[] = [];
beforeAll(async () => {
  dns = await startDnsServer({ zones: fixtureZones });
});
afterAll(() => dns.stop());
afterEach(() => dirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

function dbPath() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hunter-metrics-'));
  dirs.push(dir);
  return path.join(dir, 'hunter.db');
}
async function open(db: string): Promise<Hunter> {
  const hunter = createHunter({ dbPath: db, scanWorkers: 0, env: {} });
  await hunter.start();
  return hunter;
}

describe('metrics', () => {
  it('count scans by outcome from every scan, and keep the counts across a restart', async () => {
    const db = dbPath();
    const first = await open(db);
    const scanner = first.scanners.get({
      dns_servers: [dns.address],
      dns_timeout_ms: 300,
      dns_tries: 1,
      whois_enabled: false,
    });
    await scanner.scan('m365-classic.test');
    await scanner.scan('google-ws.test');
    await scanner.scan('not a domain');
    first.metrics.record('deprecated.call', 1, { call: 'legacy.addNote' });
    await first.stop();

    const second = await open(db);
    const report = second.metrics.report();
    expect(report.scans.total).toBe(2);
    expect(report.scans.success_rate).toEqual({ rate: 1, of: 2 });
    expect(report.scans.recent_success_rate).toEqual({ rate: 1, of: 2 });
    expect(report.scans.dns_timeout_rate).toEqual({ rate: 0, of: 2 });
    expect(report.scans.per_day).toHaveLength(30);
    expect(report.scans.per_day.at(-1)).toEqual({ day: new Date().toISOString().slice(0, 10), value: 2 });
    expect(report.scans.per_day.slice(0, -1).every((d) => d.value === 0)).toBe(true);
    expect(report.deprecated_calls).toMatchObject({ total: 1, by_call: { 'legacy.addNote': 1 } });
    second.metrics.record('deprecated.call', 2, { call: 'legacy.addNote' });
    await second.stop();

    const out: string[] = [];
    const code = await runCli(['metrics', '--json', '--db', db], {
      out: (l) => out.push(l),
      err: () => {},
      errIsTty: false,
    });
    expect(code).toBe(0);
    expect(JSON.parse(out[0]).deprecated_calls.total).toBe(3);
  });

  it('report Partner Center runs, durations and Dynamics 365 outcomes recorded through record()', async () => {
    const hunter = await open(dbPath());
    const { metrics } = hunter;
    metrics.record('pc.sync', 1000, { outcome: 'success' });
    metrics.record('pc.sync', 3000, { outcome: 'failed' });
    metrics.record('pc.sync', 0, { outcome: 'skipped' });
    metrics.record('d365.push', 1, { outcome: 'success' });
    metrics.record('d365.push', 1, { outcome: 'failure', cause: 'throttled' });
    metrics.record('d365.push', 1, { outcome: 'failure', cause: 'throttled' });
    const r = metrics.report();
    expect(r.partner_center).toMatchObject({ runs: 3, success: 1, failed: 1, skipped: 1, last_duration_ms: 0 });
    expect(r.partner_center.avg_duration_ms).toBeCloseTo(4000 / 3);
    expect(r.partner_center.success_rate.rate).toBeCloseTo(1 / 3);
    // the outbox gauges are sampled from the (empty) outbox itself
    expect(r.dynamics).toEqual({
      success: 1,
      failure: 2,
      failures_by_cause: { throttled: 2 },
      outbox_depth: 0,
      outbox_oldest_age_s: 0,
    });
    await hunter.stop();
  });

  it('keep only the newest events of a metric, while its daily count keeps growing', async () => {
    const hunter = await open(dbPath());
    for (let i = 0; i < EVENTS_KEPT + 50; i++)
      hunter.metrics.record('scan', i % 2, { status: i % 2 ? 'completed' : 'dns_timeout' });
    const r = hunter.metrics.report();
    expect(r.scans.total).toBe(EVENTS_KEPT + 50);
    expect(r.scans.dns_timeout_rate.rate).toBeCloseTo(0.5);
    const kept = hunter.store.sqlite.prepare(`SELECT count(*) AS n FROM metric_events WHERE name = 'scan'`).get() as {
      n: number;
    };
    expect(kept.n).toBe(EVENTS_KEPT);
    await hunter.stop();
  });

  it('count scan-cache hits and misses', async () => {
    const hunter = await open(dbPath());
    const cache = countingCache(new MemoryTtlCache(), hunter.metrics);
    cache.get('whois:contoso.com');
    cache.set('whois:contoso.com', { ok: true }, 60_000);
    cache.get('whois:contoso.com');
    cache.get('whois:contoso.com');
    expect(hunter.metrics.report().scans.cache_hit_rate).toEqual({ rate: 2 / 3, of: 3 });
    await hunter.stop();
  });
});

describe('outbox gauges', () => {
  it('sample the waiting pushes and the oldest one’s age each time the figures are read', async () => {
    const hunter = await open(dbPath());
    let unsent = [
      { created_at: new Date(Date.now() - 7200_000).toISOString() },
      { created_at: new Date().toISOString() },
    ];
    hunter.metrics.addSampler(sampleOutbox(() => unsent));
    const first = hunter.metrics.report().dynamics;
    expect(first.outbox_depth).toBe(2);
    expect(first.outbox_oldest_age_s).toBeGreaterThanOrEqual(7200);
    unsent = [];
    expect(hunter.metrics.report().dynamics).toMatchObject({ outbox_depth: 0, outbox_oldest_age_s: 0 });
    await hunter.stop();
  });
});
