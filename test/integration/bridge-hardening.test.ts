// The loopback bridge and the dispatcher against hostile requests: oversized and malformed input is answered at once
// with a bounded answer, and slow or numerous connections cannot pin the process.
import http from 'node:http';
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch, MAX_ISSUES } from '../../main/ipc/dispatch';
import { startApp } from '../support/app-harness';
import type { AppHarness } from '../support/app-harness';

let app: AppHarness;
beforeAll(async () => {
  app = await startApp({ bridgeLimits: { maxConnections: 6, headersTimeoutMs: 300, requestTimeoutMs: 10_000 } });
});
afterAll(async () => {
  await app.close();
});

/** A raw request, so the test controls exactly what goes on the wire. */
function raw(method: string, target: string, headers: Record<string, string>, body?: string) {
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port: app.bridge.port,
        method,
        path: target,
        headers: { host: `127.0.0.1:${app.bridge.port}`, ...headers },
      },
      (res) => {
        let text = '';
        res.on('data', (c: Buffer) => (text += c.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

const auth = () => ({ authorization: `Bearer ${app.bridge.token}` });

describe('input guards before validation', () => {
  it('answers an array over its cap at once with one issue, without validating its elements', async () => {
    const domains = Array.from({ length: 250_000 }, () => 'not a domain!');
    const started = performance.now();
    const { body } = await app.rpc('scan.start', { domains });
    expect(performance.now() - started).toBeLessThan(3_000);
    expect(body.ok).toBe(false);
    expect(body.error.details).toEqual([{ path: 'domains', message: 'At most 200000 items' }]);
  });

  it('answers an over-long string inside an array with its path, before the schema runs', async () => {
    const result = await dispatch(app.handlers, 'scan.start', { domains: ['a.com', 'x'.repeat(301)] });
    expect(result).toMatchObject({ ok: false, error: { code: 'validation', details: [{ path: 'domains.1' }] } });
  });

  it(`returns at most ${MAX_ISSUES} issues however many values are wrong`, async () => {
    const result = await dispatch(app.handlers, 'scan.start', { domains: Array.from({ length: 5_000 }, (_, i) => i) });
    expect(result.ok).toBe(false);
    expect(!result.ok && (result.error.details as unknown[]).length).toBe(MAX_ISSUES);
  });

  it('refuses a payload nested too deeply or with too many values, whatever its channel', async () => {
    let deep: unknown = 'x';
    for (let i = 0; i < 100; i++) deep = { a: deep };
    expect(await dispatch(app.handlers, 'leads.kpis', deep)).toMatchObject({
      ok: false,
      error: { code: 'validation', details: [{ message: 'The request is nested too deeply' }] },
    });
    const wide = { extra: Array.from({ length: 1_100_000 }, () => 0) };
    expect(await dispatch(app.handlers, 'leads.kpis', wide)).toMatchObject({
      ok: false,
      error: { details: [{ message: 'The request holds too many values' }] },
    });
  });
});

describe('bridge HTTP hardening', () => {
  it('answers a malformed request URL with 400, not 500', async () => {
    expect((await raw('POST', '/rpc/%E0%A4%A', auth(), '{}')).status).toBe(400);
    expect((await raw('GET', '/%zz', {})).status).toBe(400);
  });

  it('answers a body declared over the cap with 413 without reading it', async () => {
    const res = await raw('POST', '/rpc/leads.kpis', { ...auth(), 'content-length': String(100 * 1024 * 1024) });
    expect(res.status).toBe(413);
    expect(JSON.parse(res.body)).toMatchObject({ ok: false, error: { code: 'validation' } });
  });

  it('drops a connection whose headers do not arrive in time', async () => {
    const socket = net.connect(app.bridge.port, '127.0.0.1');
    socket.on('error', () => {});
    socket.resume(); // read the server's 408 and FIN, so the close is seen
    socket.write('GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n'); // never finished
    const started = performance.now();
    await new Promise((resolve) => socket.on('close', resolve));
    expect(performance.now() - started).toBeLessThan(3_000);
  });

  it('closes connections beyond the cap and keeps serving afterwards', async () => {
    const sockets = Array.from({ length: 10 }, () => net.connect(app.bridge.port, '127.0.0.1').on('error', () => {}));
    await Promise.all(sockets.map((s) => new Promise((resolve) => s.once('connect', resolve))));
    const closed = await Promise.all(
      sockets.map(
        (s) =>
          new Promise<boolean>((resolve) => {
            s.once('close', () => resolve(true));
            setTimeout(() => resolve(false), 200);
          }),
      ),
    );
    expect(closed.filter(Boolean).length).toBeGreaterThanOrEqual(4);
    for (const s of sockets) s.destroy();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect((await app.rpc('leads.kpis', {})).status).toBe(200);
  });
});
