import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hunter-web-'));
let child: ChildProcess | null = null;

afterAll(() => {
  child?.kill('SIGTERM');
  fs.rmSync(dir, { recursive: true, force: true });
});

function startWeb(args: string[]): Promise<string> {
  child = spawn(process.execPath, ['scripts/web.mjs', ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    let out = '';
    child!.stdout!.on('data', (chunk) => {
      out += chunk;
      const line = out.split('\n').find((l) => l.startsWith('Hunter web: '));
      if (line) resolve(line);
    });
    child!.on('exit', (code) => reject(new Error(`npm run web exited with ${code}: ${out}`)));
  });
}

describe('npm run web', () => {
  it('prints one ready line with a loopback URL and a per-run token, and serves the app and the contract', async () => {
    const line = await startWeb(['--port', '0', '--db', path.join(dir, 'hunter.db')]);
    const match = line.match(/^Hunter web: (http:\/\/127\.0\.0\.1:(\d+)\/)\?token=([\w-]{20,})$/);
    expect(match).not.toBeNull();
    const [, base, , token] = match!;

    const page = await fetch(base);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(await page.text()).toContain('<div id="root">');

    const kpis = await fetch(`${base}rpc/leads.kpis`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: '{}',
    });
    expect(await kpis.json()).toEqual({
      ok: true,
      data: { total_leads: 0, migration: 0, high_priority: 0, max_score: null },
    });

    const anonymous = await fetch(`${base}rpc/leads.kpis`, { method: 'POST', body: '{}' });
    expect(anonymous.status).toBe(401);
  });

  it('refuses a bad --port with a clear message', async () => {
    const bad = spawn(process.execPath, ['--import', 'tsx', 'main/web-main.ts', '--port', 'eighty'], { cwd: ROOT });
    let err = '';
    bad.stderr.on('data', (c) => (err += c));
    const code = await new Promise((resolve) => bad.on('exit', resolve));
    expect(code).toBe(2);
    expect(err).toContain('--port must be a number from 0 to 65535');
  });
});
