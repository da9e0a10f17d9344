import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ScanJobStatus } from '../../shared/scan-jobs';
import { createHunter } from '../../main/app/create-hunter';
import { createHandlers } from '../../main/ipc/handlers';
import { fixtureZones } from '../fixtures/dns-zones';
import { startDnsServer } from '../support/dns-server';
import type { DnsServerHandle } from '../support/dns-server';

let dns: DnsServerHandle;
let dir: string;

beforeAll(async () => {
  dns = await startDnsServer({ zones: fixtureZones });
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hunter-jobs-'));
});
afterAll(async () => {
  await dns.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

function open(db: string) {
  const ctx = createHunter({ dbPath: db });
  ctx.settings.update({
    dns_servers: [dns.address],
    dns_timeout_ms: 300,
    dns_tries: 2,
    whois_enabled: false,
    scan_concurrency: 4,
  });
  const events: ScanJobStatus[] = [];
  ctx.bus.subscribe((name, payload) => {
    if (name === 'scan.progress') events.push(payload as ScanJobStatus);
  });
  const handlers = createHandlers(ctx, { version: 'test', platform: 'linux' });
  const jobs = ctx.services.scanJobs;
  return { ctx, handlers, jobs, events };
}

const DOMAINS = [
  'm365-classic.test',
  'google-ws.test',
  'selfhosted.test',
  'zoho-mail.test',
  'yandex-mail.test',
  'no-mx.test',
];
const MORE = Array.from({ length: 24 }, (_, i) => `unknown-${i}.test`);

describe('bulk scan jobs', () => {
  it('scans a job to the end with progress events, and refuses a second job while one runs', async () => {
    const { ctx, handlers, jobs, events } = open(path.join(dir, 'a.db'));
    await handlers['leads.add']({ input: DOMAINS[0] });
    const started = await handlers['scan.start']({ domains: [...DOMAINS, 'N/A'] });
    expect(started).toMatchObject({ state: 'running', total: DOMAINS.length, done: 0 });
    await expect(Promise.resolve().then(() => handlers['scan.start']({ domains: ['x.test'] }))).rejects.toMatchObject({
      code: 'busy',
    });
    await jobs.idle();
    const last = events.at(-1)!;
    expect(last).toMatchObject({ job_id: started.job_id, state: 'done', total: 6, done: 6, succeeded: 6, failed: 0 });
    expect(ctx.store.leads.listLeads({ scanned: 'scanned' }).total).toBe(6);
    expect(await handlers['scan.status']({})).toBeNull();
    await ctx.stop();
  });

  it('resumes after the app was closed mid-run: nothing scanned twice, nothing lost', async () => {
    const db = path.join(dir, 'b.db');
    const first = open(db);
    const all = [...DOMAINS, ...MORE];
    const job = first.ctx.store.scanJobs.create(all, {});
    // the previous session stored the first 10 results, then the app was closed
    const firstTen = all.slice(0, 10);
    const scanner = first.ctx.scanners.get();
    const results = await Promise.all(firstTen.map((d) => scanner.scan(d)));
    first.ctx.store.transaction(() => {
      first.ctx.store.leads.saveScanResults(results);
      first.ctx.store.scanJobs.markDone(job.id, firstTen);
    });
    await first.ctx.stop();

    const second = open(db);
    const offered = await second.handlers['scan.status']({});
    expect(offered).toMatchObject({ job_id: job.id, state: 'paused', total: 30, done: 10 });
    await second.handlers['scan.resume']({ job_id: job.id });
    await second.jobs.idle();
    expect(second.ctx.store.scanJobs.get(job.id)).toMatchObject({ state: 'done', done: 30 });
    for (const domain of all) {
      expect(second.ctx.store.leads.getHistory(domain), domain).toHaveLength(1);
    }
    await second.ctx.stop();
  });

  it('cancels a running job: scans in flight finish, the rest are never started', async () => {
    const { ctx, handlers, jobs } = open(path.join(dir, 'c.db'));
    const many = Array.from({ length: 400 }, (_, i) => `bulk-${i}.test`);
    const started = await handlers['scan.start']({ domains: many });
    await new Promise((r) => setTimeout(r, 30));
    const cancelled = await handlers['scan.cancel']({ job_id: started.job_id });
    await jobs.idle();
    const job = ctx.store.scanJobs.get(started.job_id)!;
    expect(job.state).toBe('cancelled');
    expect(cancelled.state).toBe('cancelled');
    expect(job.done).toBeLessThan(400);
    expect(ctx.store.leads.listLeads({ scanned: 'scanned' }).total).toBe(job.done);
    await ctx.stop();
  });
});
