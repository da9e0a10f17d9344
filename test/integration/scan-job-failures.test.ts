// A bulk scan against a local DNS server that leaves many domains unanswered: the job reports its failures by
// cause and turns unhealthy, and "rescan failed" starts a job over exactly the domains still failing.
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
import { scanResult } from '../support/fixtures-scan';

let dns: DnsServerHandle;
let dir: string;

beforeAll(async () => {
  dns = await startDnsServer({ zones: fixtureZones });
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hunter-job-failures-'));
});
afterAll(async () => {
  await dns.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

function open(name: string) {
  const ctx = createHunter({ dbPath: path.join(dir, `${name}.db`) });
  ctx.settings.update({
    dns_servers: [dns.address],
    dns_timeout_ms: 200,
    dns_tries: 1,
    whois_enabled: false,
    scan_concurrency: 8,
  });
  const events: ScanJobStatus[] = [];
  ctx.bus.subscribe((event, payload) => {
    if (event === 'scan.progress') events.push(payload as ScanJobStatus);
  });
  return { ctx, handlers: createHandlers(ctx, { version: 'test', platform: 'linux' }), events };
}

const ANSWERING = ['m365-classic.test', 'google-ws.test', 'selfhosted.test', 'zoho-mail.test'];
// every name under blackhole.test goes unanswered, as behind a DNS server that stopped answering
const silent = (n: number) => Array.from({ length: n }, (_, i) => `s${i}.blackhole.test`);

describe('bulk scan failures', () => {
  it('counts unanswered domains by cause and turns red when most fail', async () => {
    const { ctx, handlers, events } = open('red');
    const started = await handlers['scan.start']({ domains: [...ANSWERING, ...silent(6)] });
    expect(started).toMatchObject({ health: 'ok', failures: [], eta_ms: null });
    await ctx.services.scanJobs.idle();
    expect(events.at(-1)).toMatchObject({
      state: 'done',
      done: 10,
      failed: 6,
      health: 'bad',
      failures: [{ cause: 'dns_no_answer', count: 6 }],
    });
    await ctx.stop();
  });

  it('turns amber when some fail, and stays ok when none do', async () => {
    const { ctx, handlers, events } = open('amber');
    await handlers['scan.start']({ domains: [...ANSWERING, 'yandex-mail.test', ...silent(1)] });
    await ctx.services.scanJobs.idle();
    expect(events.at(-1)).toMatchObject({ state: 'done', failed: 1, health: 'warn' });
    await handlers['scan.start']({ domains: ANSWERING });
    await ctx.services.scanJobs.idle();
    expect(events.at(-1)).toMatchObject({ state: 'done', failed: 0, health: 'ok', failures: [] });
    await ctx.stop();
  });

  it('rescan failed scans only the domains of that job still failing', async () => {
    const { ctx, handlers } = open('rescan');
    const failing = silent(5);
    const first = await handlers['scan.start']({ domains: [...ANSWERING, ...failing] });
    await ctx.services.scanJobs.idle();
    // one of them answered meanwhile (scanned on its own): it is no longer failing
    ctx.store.leads.saveScanResults([scanResult({ domain: failing[0], scanned_at: new Date().toISOString() })]);

    const retry = await handlers['scan.rescanFailed']({ job_id: first.job_id });
    expect(retry.job_id).not.toBe(first.job_id);
    expect(retry.total).toBe(4);
    await ctx.services.scanJobs.idle();
    expect(ctx.store.scanJobs.failedDomains(retry.job_id).sort()).toEqual(failing.slice(1).sort());
    expect(ctx.store.leads.allDomains({ scan_state: 'failed', sort: 'domain' })).toEqual(failing.slice(1).sort());

    const clean = await handlers['scan.start']({ domains: ANSWERING });
    await ctx.services.scanJobs.idle();
    await expect(
      Promise.resolve().then(() => handlers['scan.rescanFailed']({ job_id: clean.job_id })),
    ).rejects.toMatchObject({ code: 'validation' });
    await expect(Promise.resolve().then(() => handlers['scan.rescanFailed']({ job_id: 999 }))).rejects.toMatchObject({
      code: 'not_found',
    });
    await ctx.stop();
  });
});
