import dgram from 'node:dgram';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createHunter } from '../../main/app/create-hunter';
import { runCli } from '../../main/cli/index';
import { createHealth } from '../../main/ops/health/health';
import { fixtureZones } from '../fixtures/dns-zones';
import { startDnsServer } from '../support/dns-server';
import type { DnsServerHandle } from '../support/dns-server';

let dns: DnsServerHandle;
/** a UDP port that receives and never answers: a DNS server that is down */
let silent: dgram.Socket;
const dirs: string[] = [];
beforeAll(async () => {
  dns = await startDnsServer({ zones: fixtureZones });
  silent = dgram.createSocket('udp4');
  await new Promise<void>((resolve) => silent.bind(0, '127.0.0.1', resolve));
});
afterAll(async () => {
  await dns.stop();
  silent.close();
});
afterEach(() => dirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

function database(dnsServer: string) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hunter-health-'));
  dirs.push(dir);
  const dbPath = path.join(dir, 'hunter.db');
  const hunter = createHunter({ dbPath, env: {} });
  hunter.settings.update({ dns_servers: [dnsServer], dns_timeout_ms: 200, dns_tries: 1 });
  return { dbPath, hunter };
}

async function cli(...argv: string[]) {
  const out: string[] = [];
  const code = await runCli(argv, { out: (l) => out.push(l), err: () => {}, errIsTty: false });
  return { code, out };
}

describe('health', () => {
  it('is ok with an intact database and a DNS server that answers; hunter health exits 0', async () => {
    const { dbPath, hunter } = database(dns.address);
    const report = await hunter.health.run();
    expect(report.status).toBe('ok');
    const db = report.checks.find((c) => c.name === 'database')!;
    expect(db).toMatchObject({ status: 'ok', details: { integrity: 'ok', journal_mode: 'wal' } });
    expect(db.details.size_bytes).toBeGreaterThan(0);
    expect(report.checks.find((c) => c.name === 'dns')).toMatchObject({
      status: 'ok',
      details: { answer: 'nxdomain' },
    });
    await hunter.stop();
    const r = await cli('health', '--json', '--db', dbPath);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out[0]).status).toBe('ok');
  });

  it('is degraded when the DNS server does not answer; hunter health exits 1 and names the check', async () => {
    const { dbPath, hunter } = database(`127.0.0.1:${silent.address().port}`);
    const report = await hunter.health.run();
    expect(report.status).toBe('degraded');
    expect(report.checks.find((c) => c.name === 'dns')).toMatchObject({ status: 'degraded', reason: 'unreachable' });
    await hunter.stop();
    const r = await cli('health', '--db', dbPath);
    expect(r.code).toBe(1);
    expect(r.out.join('\n')).toMatch(/dns\s+degraded\s+unreachable/);
  });

  it("takes integrations' own checks, and reports one that throws or hangs as degraded", async () => {
    const { hunter } = database(dns.address);
    hunter.health.register('partner_center', () => ({ status: 'degraded', reason: 'signed_out', details: {} }));
    const remove = hunter.health.register('dynamics', () => {
      throw new Error('boom');
    });
    let report = await hunter.health.run();
    expect(report.checks.map((c) => [c.name, c.reason])).toEqual([
      ['database', null],
      ['dns', null],
      ['partner_center', 'signed_out'],
      ['dynamics', 'check_failed'],
    ]);
    remove();
    expect((await hunter.health.run()).checks.map((c) => c.name)).toEqual(['database', 'dns', 'partner_center']);
    const fast = createHealth({ now: () => new Date(), log: hunter.log, timeoutMs: 50 });
    fast.register('hangs', () => new Promise(() => {}));
    report = await fast.run();
    expect(report.checks).toEqual([{ name: 'hangs', status: 'degraded', reason: 'timeout', details: {} }]);
    await hunter.stop();
  });
});
