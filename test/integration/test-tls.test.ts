import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendJson, startHttpsServer } from '../support/tls/test-tls';
import type { HttpsTestServer } from '../support/tls/test-tls';

let server: HttpsTestServer;

beforeAll(async () => {
  server = await startHttpsServer((_req, res) => sendJson(res, 200, { ok: true }));
});
afterAll(() => server.stop());

function nodeFetch(url: string, env: NodeJS.ProcessEnv): Promise<{ code: number | null; out: string }> {
  const child = spawn(
    process.execPath,
    ['-e', `fetch(${JSON.stringify(url)}).then((r) => r.text()).then(console.log)`],
    {
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (out += d));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, out })));
}

describe('test TLS', () => {
  it('a process spawned by a test trusts the local https servers through the inherited NODE_EXTRA_CA_CERTS', async () => {
    const r = await nodeFetch(server.url, process.env);
    expect(r).toEqual({ code: 0, out: '{"ok":true}\n' });
  });

  it('the same process without the test CA refuses the certificate (the trust comes from the CA, not a bypass)', async () => {
    const { NODE_EXTRA_CA_CERTS: _ca, ...env } = process.env;
    const r = await nodeFetch(server.url, env);
    expect(r.code).not.toBe(0);
    expect(r.out).toMatch(/certificate|fetch failed/);
  });
});
