import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createHunter } from '../../main/app/create-hunter';
import { runCli } from '../../main/cli/index';
import { errorContext } from '../../main/core/log';
import { createNodeFileLog } from '../../main/ops/logging/node-log';
import { nodeLogsDir } from '../../main/platform/node-platform';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true })));
const tempDir = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hunter-logs-'));
  dirs.push(dir);
  return dir;
};
const lines = (file: string) =>
  fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Record<string, unknown>);
const allLogText = (dir: string) =>
  fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.log'))
    .map((f) => fs.readFileSync(path.join(dir, f), 'utf8'))
    .join('\n');

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/;
const TOKEN = 'M.C537_BAY.0.U.-Cnp2Xq9vTtbQ3mX8pZ1rLnYc4dE5fG6hI7jK8lM9nO0pQ1rS2t';

async function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (l) => out.push(l), err: (l) => err.push(l), errIsTty: false });
  return { code, out, err };
}

describe('structured logs', () => {
  it('write one JSON object per line: time, level, event name, then the context', () => {
    const dir = tempDir();
    const log = createNodeFileLog(dir, 'unit.log');
    log.info('pc.sync_finished', { run_id: 3, fetched: 12 });
    log.debug('not.written', {});
    const [line] = lines(log.file);
    expect(line).toMatchObject({ level: 'info', event: 'pc.sync_finished', run_id: 3, fetched: 12 });
    expect(Date.parse(String(line.ts))).not.toBeNaN();
    expect(lines(log.file)).toHaveLength(1);
    log.setLevel('debug');
    log.debug('now.written', {});
    expect(lines(log.file).map((l) => l.event)).toEqual(['pc.sync_finished', 'now.written']);
  });

  it('rotate by size into numbered files and keep a bounded number of them', () => {
    const dir = tempDir();
    const log = createNodeFileLog(dir, 'rot.log', { maxSize: 10_000, keep: 3 });
    for (let i = 0; i < 400; i++) log.info('filler.line', { i, pad: 'x'.repeat(200) });
    expect(fs.readdirSync(dir).sort()).toEqual(['rot.1.log', 'rot.2.log', 'rot.3.log', 'rot.log']);
    for (const f of fs.readdirSync(dir)) expect(fs.statSync(path.join(dir, f)).size).toBeLessThan(10_000 + 400);
    // the newest archive continues where the oldest lines were dropped: the current file has the last line
    expect(lines(path.join(dir, 'rot.log')).at(-1)).toMatchObject({ event: 'filler.line', i: 399 });
    const firstOfNewestArchive = lines(path.join(dir, 'rot.1.log'))[0].i as number;
    const lastOfOlderArchive = lines(path.join(dir, 'rot.2.log')).at(-1)!.i as number;
    expect(firstOfNewestArchive).toBe(lastOfOlderArchive + 1);
  });

  it('never contain a token or an e-mail address, whatever the app logs', async () => {
    const dir = tempDir();
    const dbPath = path.join(dir, 'hunter.db');
    const log = createNodeFileLog(nodeLogsDir(dbPath), 'app.log');
    const hunter = createHunter({ dbPath, log, env: { HUNTER_LOG_LEVEL: 'debug' } });
    await hunter.start();
    const failure = new Error(`token refresh failed for ayse@contoso.com.tr: Bearer ${TOKEN}`, {
      cause: new Error(`https://login.example/oauth2/token?refresh_token=${TOKEN}&client_id=x`),
    });
    hunter.log.error('pc.sync_failed', { run_id: 1, ...errorContext(failure) });
    hunter.log.warn('d365.push_failed', { owner: 'mehmet@fabrikam.com', access_token: TOKEN, detail: { cookie: 'c' } });
    hunter.log.debug('auth.cache_written', { account: { username: 'ali@fabrikam.com' }, refreshToken: TOKEN });
    // a refused CRM-lite write logs a deprecation through the same log
    expect(() => hunter.crmLite.refuse('legacy.addNote')).toThrow();
    await hunter.stop();
    // a CLI run on the same database logs beside it (cli.log), through the same masking
    const imported = path.join(dir, 'notes.json');
    fs.writeFileSync(imported, JSON.stringify({ notes: [{ domain: 'contoso.com', note: 'call ayse@contoso.com' }] }));
    expect((await cli('legacy', 'import', imported, '--db', dbPath, '--log-level', 'debug')).code).toBe(0);

    const text = allLogText(nodeLogsDir(dbPath));
    expect(fs.readdirSync(nodeLogsDir(dbPath)).sort()).toEqual(['app.log', 'cli.log']);
    expect(text).toContain('pc.sync_failed');
    expect(text).toContain('legacy.deprecated_call');
    expect(text).toContain('legacy.imported');
    expect(text).not.toContain(TOKEN);
    expect(text).not.toMatch(EMAIL);
  });

  it('take the level from --log-level over HUNTER_LOG_LEVEL over Settings', async () => {
    const dir = tempDir();
    const dbPath = path.join(dir, 'hunter.db');
    const log = createNodeFileLog(nodeLogsDir(dbPath), 'levels.log');
    const hunter = createHunter({ dbPath, log, env: {} });
    expect(hunter.ops.view()).toMatchObject({ effective_log_level: 'info', log_level_source: 'settings' });
    hunter.ops.update({ log_level: 'error' });
    expect(log.level).toBe('error');
    await hunter.stop();
    const fromEnv = createHunter({ dbPath, log, env: { HUNTER_LOG_LEVEL: 'warn' } });
    expect(fromEnv.ops.view()).toMatchObject({
      log_level: 'error',
      effective_log_level: 'warn',
      log_level_source: 'env',
    });
    await fromEnv.stop();
    const fromCli = createHunter({ dbPath, log, env: { HUNTER_LOG_LEVEL: 'warn' }, logLevel: 'debug' });
    expect(fromCli.ops.view()).toMatchObject({ effective_log_level: 'debug', log_level_source: 'cli' });
    expect(log.level).toBe('debug');
    await fromCli.stop();
    expect((await cli('flags', '--db', dbPath, '--log-level', 'loud')).code).toBe(2);
  });
});
