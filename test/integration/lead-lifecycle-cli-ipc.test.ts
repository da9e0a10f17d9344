import dgram from 'node:dgram';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../main/cli/index';
import { openStore } from '../../main/store/db';
import { seedLead } from '../support/d365-seed';
import { startApp } from '../support/app-harness';
import type { AppHarness } from '../support/app-harness';

let dir: string;
let db: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hunter-lifecycle-'));
  db = path.join(dir, 'hunter.db');
  const store = openStore(db);
  seedLead(store, { domain: 'alpha.com' });
  seedLead(store, { domain: 'beta.com' });
  store.close();
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

async function hunter(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli([...argv, '--db', db], {
    out: (l) => out.push(l),
    err: (l) => err.push(l),
    errIsTty: false,
  });
  return { code, out, err };
}

function activeDomains(): string[] {
  const store = openStore(db);
  try {
    return store.leads.listLeads({ sort: 'domain' }).rows.map((r) => r.domain);
  } finally {
    store.close();
  }
}

describe('hunter archive / delete', () => {
  it('archives a lead in any spelling, restores it with --undo', async () => {
    expect(await hunter('archive', 'https://www.Alpha.com/x')).toMatchObject({ code: 0, out: ['alpha.com: archived'] });
    expect(activeDomains()).toEqual(['beta.com']);
    expect(await hunter('archive', 'alpha.com', '--undo', '--json')).toMatchObject({
      code: 0,
      out: [JSON.stringify({ restored: ['alpha.com'], not_found: [] })],
    });
    expect(activeDomains()).toEqual(['alpha.com', 'beta.com']);
  });

  it('deletes a lead and exits 3 naming a domain that has none', async () => {
    expect(await hunter('delete', 'beta.com')).toMatchObject({ code: 0, out: ['beta.com: deleted'] });
    expect(activeDomains()).toEqual(['alpha.com']);
    const again = await hunter('delete', 'beta.com');
    expect(again.code).toBe(3);
    expect(again.err).toEqual(['beta.com: no such lead']);
    expect((await hunter('archive', 'nowhere.com')).code).toBe(3);
  });

  it('lists archived leads and leads by scan state on request (hunter leads --archived, --scan-state)', async () => {
    const store = openStore(db);
    store.leads.addLeads([{ domain: 'gamma.com', domain_display: 'gamma.com', company_name: null }]);
    store.close();
    await hunter('archive', 'alpha.com');
    const listed = async (...filters: string[]) => {
      const r = await hunter('leads', '--json', '--sort', 'domain', ...filters);
      expect(r.code).toBe(0);
      return r.out.map((line) => (JSON.parse(line) as { domain: string }).domain);
    };
    expect(await listed()).toEqual(['beta.com', 'gamma.com']);
    expect(await listed('--archived', 'only')).toEqual(['alpha.com']);
    expect(await listed('--archived', 'include')).toEqual(['alpha.com', 'beta.com', 'gamma.com']);
    expect(await listed('--scan-state', 'unscanned')).toEqual(['gamma.com']);
    const bad = await hunter('leads', '--scan-state', 'done');
    expect(bad.code).toBe(2);
    expect(bad.err.join('\n')).toMatch(/scan_state/);
  });

  it('asks for a domain (exit 2)', async () => {
    expect((await hunter('delete')).code).toBe(2);
    expect((await hunter('archive', '--undo')).code).toBe(2);
  });
});

describe('leads.archive / leads.delete over IPC', () => {
  let app: AppHarness;
  beforeEach(async () => {
    app = await startApp();
    seedLead(app.ctx.store, { domain: 'alpha.com' });
    seedLead(app.ctx.store, { domain: 'beta.com' });
  });
  afterEach(() => app.close());

  it('archives, restores and deletes, telling the views which leads changed', async () => {
    const changed: string[][] = [];
    app.bus.subscribe((event, payload) => {
      if (event === 'leads.changed') changed.push((payload as { domains: string[] }).domains);
    });
    const archived = await app.rpc('leads.archive', { domains: ['alpha.com'], archived: true });
    expect(archived.body, JSON.stringify(archived.body)).toEqual({
      ok: true,
      data: { changed: ['alpha.com'], missing: [] },
    });
    expect((await app.rpc('leads.list', {})).body.data.total).toBe(1);
    expect((await app.rpc('leads.list', { archived: 'only' })).body.data.rows[0].domain).toBe('alpha.com');
    expect((await app.rpc('leads.kpis', {})).body.data.total_leads).toBe(1);
    await app.rpc('leads.archive', { domains: ['alpha.com'], archived: false });
    expect((await app.rpc('leads.list', {})).body.data.total).toBe(2);
    const deleted = await app.rpc('leads.delete', { domains: ['alpha.com', 'beta.com', 'gone.com'] });
    expect(deleted.body.data).toEqual({ changed: ['alpha.com', 'beta.com'], missing: ['gone.com'] });
    expect((await app.rpc('leads.list', { archived: 'include' })).body.data.total).toBe(0);
    expect(changed).toEqual([['alpha.com'], ['alpha.com'], ['alpha.com', 'beta.com']]);
  });

  it('refuses an empty or oversized selection before anything is changed', async () => {
    expect((await app.rpc('leads.delete', { domains: [] })).body.error.code).toBe('validation');
    expect((await app.rpc('leads.archive', { domains: ['a'.repeat(301)], archived: true })).body.error.code).toBe(
      'validation',
    );
    expect((await app.rpc('leads.list', {})).body.data.total).toBe(2);
  });
});

describe('a lead deleted while it is scanned', () => {
  let app: AppHarness;
  let silent: dgram.Socket;
  beforeEach(async () => {
    // a DNS server that never answers keeps the scan running until its timeout
    silent = dgram.createSocket('udp4');
    await new Promise<void>((resolve) => silent.bind(0, '127.0.0.1', resolve));
    app = await startApp({
      settings: {
        dns_servers: [`127.0.0.1:${silent.address().port}`],
        dns_timeout_ms: 400,
        dns_tries: 1,
        whois_enabled: false,
      },
    });
    seedLead(app.ctx.store, { domain: 'alpha.com' });
  });
  afterEach(async () => {
    await app.close();
    silent.close();
  });

  it('stays deleted when the scan ends, and the scan says the lead is gone', async () => {
    const scan = app.rpc('scan.one', { domain: 'alpha.com' });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect((await app.rpc('leads.delete', { domains: ['alpha.com'] })).body.data.changed).toEqual(['alpha.com']);
    expect((await scan).body.error.code).toBe('not_found');
    expect(app.ctx.store.leads.getLead('alpha.com')).toBeNull();
  });

  it('stays deleted when a bulk scan already scanning it stores its batch', async () => {
    seedLead(app.ctx.store, { domain: 'beta.com' });
    await app.rpc('scan.start', { domains: ['alpha.com', 'beta.com'] });
    // both are on the wire (the silent server answers nobody) when alpha is deleted
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect((await app.rpc('leads.delete', { domains: ['alpha.com'] })).body.data.changed).toEqual(['alpha.com']);
    await app.jobs.idle();
    expect(app.ctx.store.leads.getLead('alpha.com')).toBeNull();
    expect(app.ctx.store.leads.getLead('beta.com')?.scan_status).toBe('dns_timeout');
  });
});
