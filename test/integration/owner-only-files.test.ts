// The database, its backups, the logs and the export written before CRM-lite's tables are dropped hold customer
// data: on POSIX systems each is created (or narrowed to) owner-only. Windows protects them by the profile's ACLs.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createHunter } from '../../main/app/create-hunter';
import { runCli } from '../../main/cli/index';
import { createNodeFileLog } from '../../main/ops/logging/node-log';
import { nodeLogsDir } from '../../main/platform/node-platform';
import { openStore } from '../../main/store/db';

const POSIX = process.platform !== 'win32';
const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true })));
const tempDir = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hunter-modes-'));
  dirs.push(dir);
  return dir;
};
const modeOf = (file: string) => fs.statSync(file).mode & 0o777;
/** every entry's mode, so a failure names the file */
const modes = (dir: string) =>
  Object.fromEntries(fs.readdirSync(dir).map((name) => [name, modeOf(path.join(dir, name)).toString(8)]));

describe.skipIf(!POSIX)('owner-only files', () => {
  it('creates the log folder 0700 and the log file 0600, narrowing an existing folder and older files', () => {
    const dir = path.join(tempDir(), 'logs');
    fs.mkdirSync(dir, { mode: 0o755 });
    fs.chmodSync(dir, 0o755);
    fs.writeFileSync(path.join(dir, 'app.log'), '', { mode: 0o644 });
    fs.writeFileSync(path.join(dir, 'app.1.log'), '', { mode: 0o644 });
    const log = createNodeFileLog(dir, 'app.log');
    log.info('first.line', {});
    expect(modeOf(dir).toString(8)).toBe('700');
    expect(modes(dir)).toEqual({ 'app.log': '600', 'app.1.log': '600' });
  });

  it('keeps every rotated log and the fresh one 0600', () => {
    const dir = path.join(tempDir(), 'logs');
    const log = createNodeFileLog(dir, 'rot.log', { maxSize: 5_000, keep: 2 });
    for (let i = 0; i < 200; i++) log.info('filler.line', { i, pad: 'x'.repeat(200) });
    expect(modes(dir)).toEqual({ 'rot.log': '600', 'rot.1.log': '600', 'rot.2.log': '600' });
  });

  it('gives a CLI run on a new database a 0700 folder, a 0600 database and 0600 logs in a 0700 folder', async () => {
    const db = path.join(tempDir(), 'fresh', 'hunter.db');
    const io = { out: () => {}, err: () => {}, errIsTty: false };
    expect(await runCli(['leads', '--db', db, '--log-level', 'debug'], io)).toBe(0);
    expect(modeOf(path.dirname(db)).toString(8)).toBe('700');
    const beside = modes(path.dirname(db));
    for (const name of Object.keys(beside).filter((n) => n.startsWith('hunter.db')))
      expect(beside[name], name).toBe('600');
    const logs = nodeLogsDir(db);
    expect(modeOf(logs).toString(8)).toBe('700');
    expect(Object.keys(modes(logs)).length).toBeGreaterThan(0);
    expect(
      Object.values(modes(logs)).every((m) => m === '600'),
      JSON.stringify(modes(logs)),
    ).toBe(true);
  });

  it('writes the pre-migration backup 0600', () => {
    const dir = tempDir();
    const db = path.join(dir, 'hunter.db');
    openStore(db).close();
    // pretend the newest migration is pending, as after an upgrade
    const sqlite = openStore(db).sqlite;
    sqlite.exec(
      'DELETE FROM __drizzle_migrations WHERE created_at = (SELECT max(created_at) FROM __drizzle_migrations)',
    );
    sqlite.close();
    fs.chmodSync(db, 0o600);
    try {
      openStore(db).close();
    } catch {
      // re-applying the last migration may fail on an existing column; the backup is written before that
    }
    const backups = fs.readdirSync(dir).filter((f) => f.includes('.pre-migration-'));
    expect(backups).toHaveLength(1);
    expect(modeOf(path.join(dir, backups[0])).toString(8)).toBe('600');
  });

  it('writes the CRM-lite export made before the legacy tables are dropped 0600', async () => {
    const dir = tempDir();
    const hunter = createHunter({ dbPath: path.join(dir, 'hunter.db'), env: { HUNTER_FLAG_CRM_LITE_REMOVED: 'on' } });
    try {
      await hunter.start();
    } finally {
      await hunter.stop();
    }
    const exports = fs.readdirSync(dir).filter((f) => f.startsWith('hunter.legacy-export-'));
    expect(exports).toHaveLength(1);
    expect(modeOf(path.join(dir, exports[0])).toString(8)).toBe('600');
  });
});
