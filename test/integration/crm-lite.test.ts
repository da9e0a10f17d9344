import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { LEGACY_WRITES } from '../../shared/legacy';
import type { LegacyWrite } from '../../shared/legacy';
import { createHunter } from '../../main/app/create-hunter';
import type { Hunter } from '../../main/app/create-hunter';
import { runCli } from '../../main/cli/index';
import type { Log } from '../../main/core/log';
import { dispatch } from '../../main/ipc/dispatch';
import { createHandlers } from '../../main/ipc/handlers';
import { createCrmLite } from '../../main/ops/legacy/crm-lite';

const dirs: string[] = [];
const hunters: Hunter[] = [];
afterEach(async () => {
  for (const h of hunters.splice(0)) await h.stop();
  dirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true }));
});

function recordingLog() {
  const lines: { level: string; event: string; context: Record<string, unknown> }[] = [];
  const at =
    (level: string) =>
    (event: string, context: Record<string, unknown> = {}) =>
      lines.push({ level, event, context });
  const log: Log = { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
  return { log, lines };
}

async function app(env: NodeJS.ProcessEnv = {}) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hunter-legacy-'));
  dirs.push(dir);
  const { log, lines } = recordingLog();
  const hunter = createHunter({ dbPath: path.join(dir, 'hunter.db'), log, env });
  hunters.push(hunter);
  await hunter.start();
  hunter.store.leads.addLeads([{ domain: 'contoso.com', domain_display: 'contoso.com', company_name: 'Contoso' }]);
  const handlers = createHandlers(hunter, { version: 'test', platform: process.platform });
  const call = (channel: string, input: unknown) => dispatch(handlers, channel, input) as Promise<any>;
  return { dir, hunter, lines, call };
}

const file = (name: string, content: string | object) => ({
  file_name: name,
  content_base64: Buffer.from(typeof content === 'string' ? content : JSON.stringify(content)).toString('base64'),
});

const EXPORT = {
  notes: [
    {
      id: 1,
      domain: 'contoso.com',
      note: 'Called the IT lead',
      created_at: '2025-10-01T09:00:00Z',
      updated_at: '2025-10-02T09:00:00Z',
    },
    { id: 2, domain: 'https://www.contoso.com/', note: 'Wants a Teams demo', created_at: '2025-10-05T09:00:00Z' },
  ],
  tags: [
    { id: 1, domain: 'contoso.com', tag: 'vip', created_at: '2025-10-01T09:00:00Z' },
    { id: 2, domain: 'contoso.com', tag: 'security-risk', created_at: '2025-10-01T09:00:00Z' },
  ],
  favorites: [{ domain: 'contoso.com', user_id: 'default', created_at: '2025-10-01T09:00:00Z' }],
};

const WRITE_INPUTS: Record<LegacyWrite, object> = {
  'legacy.addNote': { domain: 'contoso.com', note: 'x' },
  'legacy.editNote': { domain: 'contoso.com', note_id: 1, note: 'x' },
  'legacy.deleteNote': { domain: 'contoso.com', note_id: 1 },
  'legacy.addTag': { domain: 'contoso.com', tag: 'vip' },
  'legacy.removeTag': { domain: 'contoso.com', tag: 'vip' },
  'legacy.favorite': { domain: 'contoso.com' },
  'legacy.unfavorite': { domain: 'contoso.com' },
};

describe('CRM-lite retirement', () => {
  it('answers every write with a typed gone error naming the alternative, logged and counted', async () => {
    const { hunter, lines, call } = await app();
    for (const [channel, input] of Object.entries(WRITE_INPUTS)) {
      const result = await call(channel, input);
      expect(result).toEqual({
        ok: false,
        error: {
          code: 'gone',
          message: `CRM-lite is retired: use ${LEGACY_WRITES[channel as LegacyWrite]} instead`,
          details: { call: channel, alternative: LEGACY_WRITES[channel as LegacyWrite] },
        },
      });
    }
    const warnings = lines.filter((l) => l.event === 'legacy.deprecated_call');
    expect(warnings.map((l) => [l.level, l.context.call])).toEqual(Object.keys(WRITE_INPUTS).map((c) => ['warn', c]));
    const counts = hunter.metrics.report().deprecated_calls;
    expect(counts.total).toBe(7);
    expect(counts.by_call).toEqual(Object.fromEntries(Object.keys(WRITE_INPUTS).map((c) => [c, 1])));
  });

  it('imports an export once (a second import adds nothing), skipping automatic tags, and shows it read-only', async () => {
    const { call } = await app();
    const first = await call('legacy.import', file('crm-export.json', EXPORT));
    expect(first).toEqual({ ok: true, data: { notes: 2, tags: 1, favorites: 1, duplicates: 0, auto_tags_skipped: 1 } });
    const again = await call('legacy.import', file('crm-export.json', EXPORT));
    expect(again.data).toMatchObject({ notes: 0, tags: 0, favorites: 0, duplicates: 4 });
    const lead = (await call('legacy.lead', { domain: 'contoso.com' })).data;
    expect(lead.notes.map((n: any) => n.note)).toEqual(['Wants a Teams demo', 'Called the IT lead']);
    expect(lead.notes[1]).toMatchObject({
      created_at: '2025-10-01T09:00:00.000Z',
      updated_at: '2025-10-02T09:00:00.000Z',
    });
    expect(lead.tags).toEqual([{ tag: 'vip', created_at: '2025-10-01T09:00:00.000Z' }]);
    expect(lead.favorite).toBe(true);
  });

  it('imports the CSV exports, one kind per file, and the bare lists the old read endpoints answered', async () => {
    const { call } = await app();
    expect(
      (
        await call(
          'legacy.import',
          file('notes.csv', 'domain,note,created_at\ncontoso.com,"Met at, the fair",2025-09-01\n'),
        )
      ).data,
    ).toMatchObject({ notes: 1 });
    expect((await call('legacy.import', file('tags.csv', 'domain,tag\ncontoso.com,partner\n'))).data).toMatchObject({
      tags: 1,
    });
    expect((await call('legacy.import', file('favs.csv', 'domain,user_id\ncontoso.com,u1\n'))).data).toMatchObject({
      favorites: 1,
    });
    expect((await call('legacy.import', file('notes.json', [EXPORT.notes[0]]))).data).toMatchObject({ notes: 1 });
    expect((await call('legacy.status', {})).data.counts).toEqual({ notes: 2, tags: 1, favorites: 1 });
  });

  it('refuses malformed files with a clear error and imports nothing of them', async () => {
    const { call } = await app();
    const badRow = {
      ...EXPORT,
      notes: [...EXPORT.notes, { domain: 'not a domain', note: 'x' }, { domain: 'contoso.com' }],
    };
    const cases: [ReturnType<typeof file>, RegExp][] = [
      [
        file('x.json', badRow),
        /Nothing was imported\. notes row 3: "not a domain" is not a domain; notes row 4: note: Required/,
      ],
      [file('x.json', '{"notes": [ {"domain": '), /not valid JSON/],
      [file('x.json', { people: [] }), /"notes", "tags" and\/or "favorites"/],
      [
        file('x.json', { notes: [{ domain: 'contoso.com', note: 'x', created_at: 'yesterday' }] }),
        /created_at: not a date/,
      ],
      [file('x.csv', 'domain,comment\ncontoso.com,hi\n'), /header must have "domain" and one of/],
      [
        file('x.json', { tags: Array.from({ length: 50_001 }, (_, i) => ({ domain: 'contoso.com', tag: `t${i}` })) }),
        /more than 50000 rows/,
      ],
      [
        file('x.json', { notes: [{ domain: 'contoso.com', note: 'x'.repeat(20_001) }] }),
        /note: String must contain at most 20000/,
      ],
      [file('x.json', { notes: [] }), /holds no notes, tags or favorites/],
    ];
    for (const [input, message] of cases) {
      const result = await call('legacy.import', input);
      expect(result.ok).toBe(false);
      expect(result.error.code).toBe('bad_file');
      expect(result.error.message).toMatch(message);
    }
    expect((await call('legacy.status', {})).data.counts).toEqual({ notes: 0, tags: 0, favorites: 0 });
  });

  it('with crm_lite_removed switched on live: exports beside the database, drops the tables, and every channel is gone', async () => {
    const { dir, hunter, call, lines } = await app();
    await call('legacy.import', file('crm-export.json', EXPORT));
    expect((await call('flags.set', { name: 'crm_lite_removed', on: true })).ok).toBe(true);

    const status = (await call('legacy.status', {})).data;
    expect(status).toMatchObject({ removed: true, dropped: true, counts: { notes: 0, tags: 0, favorites: 0 } });
    expect(path.dirname(status.export_file)).toBe(dir);
    const exported = JSON.parse(fs.readFileSync(status.export_file, 'utf8'));
    expect(exported.notes.map((n: any) => n.note)).toEqual(['Called the IT lead', 'Wants a Teams demo']);
    expect(exported.tags).toHaveLength(1);
    expect(exported.favorites).toHaveLength(1);
    const tables = hunter.store.sqlite.prepare(`SELECT name FROM sqlite_master WHERE name LIKE 'legacy_%'`).all();
    expect(tables).toEqual([]);
    expect(lines.some((l) => l.event === 'legacy.tables_dropped')).toBe(true);

    for (const [channel, input] of [
      ['legacy.notes', { domain: 'contoso.com' }],
      ['legacy.lead', { domain: 'contoso.com' }],
      ['legacy.import', file('crm-export.json', EXPORT)],
      ['legacy.addNote', WRITE_INPUTS['legacy.addNote']],
    ] as const) {
      expect((await call(channel, input)).error.code).toBe('gone');
    }
    // the cut is one-time: switching the flag off again shows nothing (the data lives in the export)
    await call('flags.set', { name: 'crm_lite_removed', on: false });
    expect((await call('legacy.lead', { domain: 'contoso.com' })).data).toEqual({
      notes: [],
      tags: [],
      favorite: false,
    });
    expect((await call('legacy.import', file('crm-export.json', EXPORT))).error.code).toBe('gone');
  });

  it('keeps the tables when the export cannot be written', async () => {
    const { dir, hunter, call } = await app();
    await call('legacy.import', file('crm-export.json', EXPORT));
    const now = () => new Date('2026-01-01T00:00:00Z');
    fs.mkdirSync(path.join(dir, 'hunter.legacy-export-2026-01-01T00-00-00-000Z.json'));
    const crm = createCrmLite({
      store: hunter.store,
      flags: { isOn: (name) => name === 'crm_lite_removed', onChange: () => () => {} },
      metrics: hunter.metrics,
      log: hunter.log,
      now,
      autoTags: new Set(),
    });
    expect(() => crm.retire()).toThrow(/EEXIST|EISDIR/);
    expect(hunter.store.legacy.present()).toBe(true);
    expect(hunter.store.legacy.counts().notes).toBe(2);
  });

  it('drops the tables at start when the flag is already on (HUNTER_FLAG_CRM_LITE_REMOVED=on)', async () => {
    const { dir } = await app();
    const db = path.join(dir, 'hunter.db');
    expect((await runCliIn(['legacy', 'import', writeTemp(dir, 'e.json', EXPORT), '--db', db])).code).toBe(0);
    const hunter = createHunter({ dbPath: db, env: { HUNTER_FLAG_CRM_LITE_REMOVED: 'on' } });
    hunters.push(hunter);
    expect(hunter.store.legacy.present()).toBe(true);
    await hunter.start();
    expect(hunter.store.legacy.present()).toBe(false);
    expect(fs.readdirSync(dir).filter((f) => f.startsWith('hunter.legacy-export-'))).toHaveLength(1);
  });
});

describe('hunter legacy import', () => {
  it('prints what it imported, and for a malformed file the problem and exit 4 with nothing written', async () => {
    const { dir } = await app();
    const db = path.join(dir, 'hunter.db');
    const ok = await runCliIn(['legacy', 'import', writeTemp(dir, 'e.json', EXPORT), '--db', db]);
    expect(ok.out).toEqual(['imported 2 notes, 1 tags, 1 favorites (0 already there, 1 automatic tags skipped)']);
    const bad = await runCliIn([
      'legacy',
      'import',
      writeTemp(dir, 'n.csv', 'domain,note\nfabrikam.com,ok\n,missing\n'),
      '--db',
      db,
    ]);
    expect(bad.code).toBe(4);
    expect(bad.err.join('\n')).toMatch(/Nothing was imported\. notes row 2: domain/);
    expect((await runCliIn(['legacy', 'export', '--db', db])).code).toBe(2);
  });
});

function writeTemp(dir: string, name: string, content: string | object): string {
  const p = path.join(dir, name);
  fs.writeFileSync(p, typeof content === 'string' ? content : JSON.stringify(content));
  return p;
}

async function runCliIn(argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (l) => out.push(l), err: (l) => err.push(l), errIsTty: false });
  return { code, out, err };
}
