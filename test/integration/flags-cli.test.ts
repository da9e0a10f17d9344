import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../main/cli/index';

let dir: string;
let db: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hunter-flags-'));
  db = path.join(dir, 'hunter.db');
});
afterEach(() => {
  delete process.env.HUNTER_FLAG_DYNAMICS;
  fs.rmSync(dir, { recursive: true, force: true });
});

async function hunter(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (l) => out.push(l), err: (l) => err.push(l), errIsTty: false });
  return { code, out, err };
}

describe('hunter flags', () => {
  it('lists every flag with its value and source, as text and as JSON', async () => {
    const text = await hunter('flags', '--db', db);
    expect(text.code).toBe(0);
    expect(text.out).toEqual([
      'partner_center       off  default',
      'dynamics             off  default',
      'crm_lite_read_only   on   default',
      'crm_lite_removed     off  default',
      'whois                on   default',
    ]);
    const json = await hunter('flags', '--json', '--db', db);
    expect(JSON.parse(json.out[0])[0]).toEqual({ name: 'partner_center', on: false, source: 'default' });
  });

  it('sets a flag on and off, remembered for the next run', async () => {
    expect((await hunter('flags', 'set', 'partner_center', 'on', '--db', db)).out).toEqual([
      'partner_center: on (chosen)',
    ]);
    const json = JSON.parse((await hunter('flags', '--json', '--db', db)).out[0]);
    expect(json[0]).toEqual({ name: 'partner_center', on: true, source: 'settings' });
    await hunter('flags', 'set', 'partner_center', 'off', '--db', db);
    expect(JSON.parse((await hunter('flags', '--json', '--db', db)).out[0])[0].on).toBe(false);
  });

  it('says when the environment overrides the choice', async () => {
    process.env.HUNTER_FLAG_DYNAMICS = 'on';
    const r = await hunter('flags', 'set', 'dynamics', 'off', '--db', db);
    expect(r.out).toEqual(['dynamics: on (environment (HUNTER_FLAG_*), wins)']);
    expect(r.err[0]).toMatch(/set by HUNTER_FLAG_DYNAMICS/);
  });

  it('refuses unknown flags, values and subcommands with exit 2', async () => {
    for (const args of [
      ['flags', 'set', 'turbo', 'on'],
      ['flags', 'set', 'whois', 'maybe'],
      ['flags', 'toggle', 'whois'],
    ]) {
      const r = await hunter(...args, '--db', db);
      expect(r.code).toBe(2);
    }
    expect((await hunter('flags', 'set', 'turbo', 'on', '--db', db)).err[0]).toMatch(
      /unknown flag "turbo": one of partner_center/,
    );
  });
});
