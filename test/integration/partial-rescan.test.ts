// A rescan whose DKIM and DMARC lookups fail must not cost the lead points: the unanswered signals keep their last
// known values, and the breakdown says which ones. Two real DNS servers on 127.0.0.1 serve the same zone, the
// second with DKIM and DMARC broken (SERVFAIL).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHunter, type Hunter } from '../../main/app/create-hunter';
import { scanAndStore } from '../../main/services/scan-and-store';
import type { ScanResult } from '../../shared/domain';
import { startDnsServer, type DnsServerHandle, type NameRecords } from '../support/dns-server';

const KEY = 'v=DKIM1; k=rsa; p=MIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQC3fixture';
// Google + SPF + DKIM + DMARC quarantine = 50 + 10 + 10 + 15
const HOT: Record<string, NameRecords> = {
  'hot.test': { MX: [{ priority: 1, exchange: 'aspmx.l.google.com' }], TXT: ['v=spf1 ip4:192.0.2.1 -all'] },
  'aspmx.l.google.com': { A: ['192.0.2.25'] },
  'google._domainkey.hot.test': { TXT: [KEY] },
  '_dmarc.hot.test': { TXT: ['v=DMARC1; p=quarantine'] },
  'fresh.test': { MX: [{ priority: 1, exchange: 'aspmx.l.google.com' }], TXT: ['v=spf1 ip4:192.0.2.1 -all'] },
  '_domainkey.fresh.test': { servfail: true },
  '_dmarc.fresh.test': { servfail: true },
};
const BROKEN: Record<string, NameRecords> = {
  ...HOT,
  'google._domainkey.hot.test': { servfail: true },
  '_domainkey.hot.test': { servfail: true },
  '_dmarc.hot.test': { servfail: true },
};

let healthy: DnsServerHandle;
let broken: DnsServerHandle;
let dir: string;
let ctx: Hunter;

beforeAll(async () => {
  healthy = await startDnsServer({ zones: { names: HOT } });
  broken = await startDnsServer({ zones: { names: BROKEN } });
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hunter-partial-'));
  ctx = createHunter({ dbPath: path.join(dir, 'hunter.db'), scanWorkers: 0 });
});
afterAll(async () => {
  await ctx.stop();
  await Promise.all([healthy.stop(), broken.stop()]);
  fs.rmSync(dir, { recursive: true, force: true });
});

async function scanWith(server: DnsServerHandle, domain: string): Promise<ScanResult> {
  const scanner = ctx.scanners.get({
    dns_servers: [server.address],
    dns_timeout_ms: 200,
    dns_tries: 1,
    whois_enabled: false,
  });
  let stored: ScanResult | null = null;
  await scanAndStore([domain], scanner, ctx.store, {
    concurrency: 1,
    onStored: (batch) => (stored = batch[0].result),
  });
  return stored!;
}

describe('partial rescans', () => {
  it('a lead at 85 whose DKIM and DMARC time out on rescan stays 85, saying the values were carried over', async () => {
    const first = await scanWith(healthy, 'hot.test');
    expect(first.scan_status).toBe('completed');
    expect(ctx.store.leads.getLead('hot.test')).toMatchObject({ readiness_score: 85, segment: 'Migration' });

    const rescan = await scanWith(broken, 'hot.test');
    expect(rescan.scan_status).toBe('partial');
    expect(rescan.dns?.unknown_checks).toEqual(expect.arrayContaining(['dkim', 'dmarc']));
    expect(rescan.verdict?.readiness_score).toBe(85);

    const lead = ctx.store.leads.getLead('hot.test')!;
    expect(lead).toMatchObject({ readiness_score: 85, segment: 'Migration', scan_status: 'partial' });
    expect(lead.breakdown?.carried_over).toEqual(['dkim', 'dmarc']);
    expect(lead.breakdown?.items.map((i) => i.rule)).toEqual(['Google', 'spf', 'dkim', 'dmarc_quarantine']);
    // the history records no signal change: nothing was learnt to be different
    expect(ctx.store.leads.getHistory('hot.test')[0].changes).toEqual({ scan_status: ['completed', 'partial'] });
  });

  it('a first scan with DKIM and DMARC unanswered leaves them out of the score and says so', async () => {
    const result = await scanWith(healthy, 'fresh.test');
    expect(result.scan_status).toBe('partial');
    const lead = ctx.store.leads.getLead('fresh.test')!;
    // Google 50 + SPF 10: the unknown DKIM/DMARC neither earn nor cost anything
    expect(lead.readiness_score).toBe(60);
    expect(lead.breakdown?.left_out).toEqual(['dkim', 'dmarc']);
    expect(lead.breakdown?.carried_over).toBeUndefined();
  });
});
