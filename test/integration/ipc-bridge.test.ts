import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startApp } from '../support/app-harness';
import type { AppHarness } from '../support/app-harness';

let app: AppHarness;
beforeAll(async () => {
  app = await startApp();
});
afterAll(async () => {
  await app.close();
});

describe('IPC contract over the loopback bridge', () => {
  it('rejects an unknown channel with a clear error', async () => {
    const { body } = await app.rpc('leads.explode', { domain: 'a.com' });
    expect(body).toEqual({ ok: false, error: { code: 'unknown_channel', message: 'Unknown channel "leads.explode"' } });
  });

  it('rejects an invalid payload before any handler runs, naming the field', async () => {
    const { body } = await app.rpc('leads.list', { min_score: 'high', extra: 1 });
    expect(body.ok).toBe(false);
    expect(body.error.code).toBe('validation');
    expect(body.error.message).toBe('Invalid input for leads.list');
    const paths = body.error.details.map((d: { path: string }) => d.path);
    expect(paths).toContain('min_score');
  });

  it('refuses calls without the per-run token or from a foreign Host', async () => {
    const noToken = await app.rpc('leads.kpis', {}, 'wrong-token');
    expect(noToken.status).toBe(401);
    const res = await fetch(`http://127.0.0.1:${app.bridge.port}/rpc/leads.kpis`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${app.bridge.token}`, Origin: 'http://evil.example' },
      body: '{}',
    });
    expect(res.status).toBe(403);
  });

  it('adds a lead from any spelling and answers invalid input with the reason', async () => {
    const added = await app.rpc('leads.add', {
      input: 'https://www.Şirket.com.tr/iletisim',
      company_name: 'Şirket A.Ş.',
    });
    expect(added.body).toEqual({ ok: true, data: { domain: 'xn--irket-idb.com.tr', created: true } });
    const lead = await app.rpc('leads.get', { domain: 'şirket.com.tr' });
    expect(lead.body.data).toMatchObject({
      domain: 'xn--irket-idb.com.tr',
      domain_display: 'şirket.com.tr',
      company_name: 'Şirket A.Ş.',
      scan_status: 'pending',
    });
    const bad = await app.rpc('leads.add', { input: 'N/A' });
    expect(bad.body.ok).toBe(false);
    expect(bad.body.error.code).toBe('invalid_domain');
    expect(bad.body.error.details).toEqual({ reason: 'placeholder' });
    const missing = await app.rpc('leads.get', { domain: 'nobody-here.com' });
    expect(missing.body.error.code).toBe('not_found');
  });

  it('answers retired CRM-lite writes with "gone" and keeps reads', async () => {
    await app.rpc('leads.add', { input: 'legacy.com' });
    const write = await app.rpc('legacy.addNote', { domain: 'legacy.com', note: 'call back' });
    expect(write.body.ok).toBe(false);
    expect(write.body.error.code).toBe('gone');
    const read = await app.rpc('legacy.notes', { domain: 'legacy.com' });
    expect(read.body).toEqual({ ok: true, data: [] });
  });

  it('gives an unscanned lead a sales summary that says so, and an unknown domain a not-found error', async () => {
    await app.rpc('leads.add', { input: 'fresh-lead.com.tr' });
    const tr = await app.rpc('leads.salesSummary', { domain: 'fresh-lead.com.tr' });
    expect(tr.body.ok).toBe(true);
    expect(tr.body.data).toMatchObject({ domain: 'fresh-lead.com.tr', scanned: false, security_reasoning: null });
    expect(tr.body.data.next_step.action).toBe('wait');
    const en = await app.rpc('leads.salesSummaryText', { domain: 'fresh-lead.com.tr', lang: 'en' });
    expect(en.body.data.text).toContain('fresh-lead.com.tr');
    expect(en.body.data.text).toMatch(/not (been )?scanned/i);
    const unknown = await app.rpc('leads.salesSummary', { domain: 'never-added.com' });
    expect(unknown.body.error.code).toBe('not_found');
  });

  it('keeps stored settings intact when an update is invalid', async () => {
    const before = (await app.rpc('settings.get', {})).body.data;
    const bad = await app.rpc('settings.set', { dns_timeout_ms: 5 });
    expect(bad.body.error.code).toBe('validation');
    expect((await app.rpc('settings.get', {})).body.data).toEqual(before);
    const good = await app.rpc('settings.set', { language: 'en', company_name: 'Contoso Partner' });
    expect(good.body.data).toMatchObject({ language: 'en', company_name: 'Contoso Partner' });
  });

  it('pushes events over the WebSocket only with the token', async () => {
    const url = `ws://127.0.0.1:${app.bridge.port}/events?token=${app.bridge.token}`;
    const ws = new WebSocket(url);
    await new Promise((resolve, reject) => {
      ws.once('open', resolve);
      ws.once('error', reject);
    });
    const message = new Promise<any>((resolve) => ws.once('message', (data) => resolve(JSON.parse(String(data)))));
    await app.rpc('leads.add', { input: 'events.example.com' });
    expect(await message).toEqual({ event: 'leads.changed', payload: { domains: ['events.example.com'] } });
    ws.close();

    const denied = new WebSocket(`ws://127.0.0.1:${app.bridge.port}/events?token=nope`);
    const outcome = await new Promise<string>((resolve) => {
      denied.once('open', () => resolve('open'));
      denied.once('error', () => resolve('refused'));
    });
    expect(outcome).toBe('refused');
  });
});
