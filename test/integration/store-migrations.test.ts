import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { afterEach, describe, expect, it } from 'vitest';
import { openStore, StoreOpenError } from '../../main/store/db';
import type { Store } from '../../main/store/db';
import { appFiles } from '../../main/platform/app-files';
import { FOLD_SQL_FUNCTION, foldSearch } from '../../main/store/search-fold';
import { tempDir } from '../support/temp-store';

const MIGRATIONS = appFiles().migrations;
const journal = JSON.parse(readFileSync(join(MIGRATIONS, 'meta/_journal.json'), 'utf8')) as {
  entries: { tag: string; when: number }[];
};
const HEAD = journal.entries.length;
const SEED_0000 = readFileSync(new URL('../fixtures/db/schema-0000-seed.sql', import.meta.url), 'utf8');

const opened: Store[] = [];
function open(path: string): Store {
  const store = openStore(path);
  opened.push(store);
  return store;
}
afterEach(() => {
  for (const s of opened.splice(0)) if (s.sqlite.open) s.close();
});

function tables(sqlite: Database.Database): string[] {
  return (
    sqlite
      .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`)
      .all() as {
      name: string;
    }[]
  ).map((r) => r.name);
}

/** A database as the previous build left it: only 0000 applied (through a folder holding just that migration). */
function databaseAtFirstMigration(dir: string): string {
  const oldFolder = join(dir, 'migrations-0000');
  mkdirSync(join(oldFolder, 'meta'), { recursive: true });
  const first = journal.entries[0];
  copyFileSync(join(MIGRATIONS, `${first.tag}.sql`), join(oldFolder, `${first.tag}.sql`));
  writeFileSync(join(oldFolder, 'meta/_journal.json'), JSON.stringify({ ...journal, entries: [first] }));
  const path = join(dir, 'old.db');
  const sqlite = new Database(path);
  migrate(drizzle({ client: sqlite }), { migrationsFolder: oldFolder });
  sqlite.exec(SEED_0000);
  sqlite.close();
  return path;
}

describe('store migrations', () => {
  it('has the migrations the upgrade test relies on, in order', () => {
    expect(journal.entries.map((e) => e.tag)).toEqual([
      '0000_initial',
      '0001_integrations',
      '0002_grid_read_model',
      '0003_search_index',
      '0004_scan_job_error',
      '0005_lead_contacts',
      '0006_partner_center_sync',
      '0007_d365_outbox',
      '0008_lead_archive',
    ]);
  });

  it('times every migration after the one before it, so an upgrade never skips one', () => {
    // drizzle applies only the migrations timed after the newest one a database has
    const times = journal.entries.map((e) => e.when);
    expect(times.every((t, i) => i === 0 || t > times[i - 1])).toBe(true);
  });

  it('migrates an empty database to head', () => {
    const store = open(join(tempDir(), 'new.db'));
    expect(tables(store.sqlite)).toEqual([
      '__drizzle_migrations',
      'auto_tags',
      'd365_outbox',
      'feature_flags',
      'lead_scores',
      'lead_signals',
      'leads',
      'leads_search',
      'leads_search_config',
      'leads_search_data',
      'leads_search_idx',
      'legacy_favorites',
      'legacy_notes',
      'legacy_tags',
      'metric_events',
      'metrics',
      'partner_center_referrals',
      'pc_sync_runs',
      'raw_import_rows',
      'raw_imports',
      'scan_cache',
      'scan_history',
      'scan_job_items',
      'scan_jobs',
      'settings',
    ]);
    expect(store.sqlite.prepare('SELECT count(*) AS n FROM __drizzle_migrations').get()).toEqual({ n: HEAD });
    expect(store.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(store.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(store.sqlite.pragma('synchronous', { simple: true })).toBe(1); // NORMAL
    expect(store.sqlite.pragma('busy_timeout', { simple: true })).toBe(5000);
  });

  it('upgrades a database at the previous schema to head with its data intact', () => {
    const dir = tempDir();
    const path = databaseAtFirstMigration(dir);
    const before = new Database(path, { readonly: true });
    expect(tables(before)).not.toContain('partner_center_referrals');
    before.close();

    const store = open(path);
    expect(tables(store.sqlite)).toContain('partner_center_referrals');
    expect(store.sqlite.prepare('SELECT count(*) AS n FROM __drizzle_migrations').get()).toEqual({ n: HEAD });

    const lead = store.leads.getLead('xn--istanbul-biliim-l6c.com.tr');
    expect(lead).toMatchObject({
      domain_display: 'istanbul-bilişim.com.tr',
      company_name: 'İstanbul Bilişim',
      provider: 'M365',
      readiness_score: 72,
      segment: 'Migration',
      priority_category: 'P1',
      risk_flags: ['no_dkim'],
      tags: ['weak-spf'],
      expires_at: '2027-03-01',
      scan_status: 'completed',
      d365_sync_status: null,
      d365_lead_id: null,
      referral_count: 0,
    });
    // the column added by 0001 reads its default on old rows
    expect(store.sqlite.prepare(`SELECT d365_sync_attempt_count AS n FROM leads WHERE id = 1`).get()).toEqual({ n: 0 });
    expect(store.leads.getHistory('xn--istanbul-biliim-l6c.com.tr')).toHaveLength(1);
    expect(store.leads.listLeads({}).total).toBe(2);
    // the search index was built for the rows already there: Turkish text through the index, the provider beside it
    expect(store.leads.listLeads({ search: 'BİLİŞİM' }).rows.map((r) => r.domain)).toEqual([
      'xn--istanbul-biliim-l6c.com.tr',
    ]);
    expect(store.leads.listLeads({ search: 'm365 istanbul' }).total).toBe(1);
    expect(store.leads.listLeads({ search: 'unscanned.com' }).total).toBe(1);
    expect(store.settings.get('language')).toBe('tr');
    expect(store.legacy.notes('xn--istanbul-biliim-l6c.com.tr').map((n) => n.note)).toEqual([
      'Aradım, BT müdürü Pazartesi dönecek',
    ]);
    expect(store.legacy.tags('xn--istanbul-biliim-l6c.com.tr')).toEqual([
      { tag: 'sıcak', created_at: '2025-06-01T10:00:00.000Z' },
    ]);
    // the pre-upgrade copy exists and still has the old schema
    const backupPath = `${path}.pre-migration-0001_integrations.bak`;
    expect(existsSync(backupPath)).toBe(true);
    const backup = new Database(backupPath, { readonly: true });
    expect(tables(backup)).not.toContain('partner_center_referrals');
    expect(backup.prepare('SELECT count(*) AS n FROM leads').get()).toEqual({ n: 2 });
    backup.close();
  });

  it('0005 gives upgraded leads empty contact details, which an import then fills and a later one keeps', () => {
    const store = open(databaseAtFirstMigration(tempDir()));
    const domain = 'xn--istanbul-biliim-l6c.com.tr';
    expect(store.leads.getLead(domain)).toMatchObject({ city: null, contact_email: null, contact_phone: null });
    const imported = { domain, domain_display: 'istanbul-bilişim.com.tr' };
    store.leads.addLeads([{ ...imported, city: 'İstanbul', contact_email: 'bt@istanbul-bilişim.com.tr' }]);
    store.leads.addLeads([{ ...imported, contact_phone: '0212 555 00 00' }]);
    expect(store.leads.getLead(domain)).toMatchObject({
      company_name: 'İstanbul Bilişim',
      city: 'İstanbul',
      contact_email: 'bt@istanbul-bilişim.com.tr',
      contact_phone: '0212 555 00 00',
    });
  });

  it('re-opening a database at head changes nothing', () => {
    const dir = tempDir();
    const path = join(dir, 'again.db');
    const first = open(path);
    first.leads.addLeads([{ domain: 'a.com', domain_display: 'a.com', company_name: 'A' }]);
    const schemaBefore = first.sqlite.prepare('SELECT sql FROM sqlite_master ORDER BY name').all();
    first.close();

    const second = open(path);
    expect(second.sqlite.prepare('SELECT count(*) AS n FROM __drizzle_migrations').get()).toEqual({ n: HEAD });
    expect(second.sqlite.prepare('SELECT sql FROM sqlite_master ORDER BY name').all()).toEqual(schemaBefore);
    expect(second.leads.getLead('a.com')?.company_name).toBe('A');
    expect(existsSync(`${path}.pre-migration-0001_integrations.bak`)).toBe(false);
  });

  it('refuses a file that is not SQLite, with a clear error, leaving it byte for byte', () => {
    const path = join(tempDir(), 'leads.db');
    const content = Buffer.from('domain,company\nexample.com,Example\n'.repeat(200));
    writeFileSync(path, content);
    expect(() => openStore(path)).toThrow(StoreOpenError);
    expect(() => openStore(path)).toThrow(/not a readable SQLite database.*left untouched/);
    expect(readFileSync(path).equals(content)).toBe(true);
    expect(existsSync(`${path}-wal`)).toBe(false);
  });

  it('refuses a database a newer Hunter migrated, leaving the file byte for byte', () => {
    const dir = tempDir();
    const path = join(dir, 'newer.db');
    open(path).close();
    // what a newer build leaves behind: one more applied migration, timed after every one this build ships
    const sqlite = new Database(path);
    const newest = Math.max(...journal.entries.map((e) => e.when));
    sqlite.prepare('INSERT INTO __drizzle_migrations (hash, created_at) VALUES (?, ?)').run('future', newest + 1000);
    sqlite.pragma('journal_mode = DELETE');
    sqlite.close();
    const before = readFileSync(path);

    let error: unknown;
    try {
      openStore(path);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(StoreOpenError);
    expect((error as StoreOpenError).reason).toBe('db_too_new');
    expect((error as Error).message).toMatch(/newer version of Hunter.*left untouched/);
    expect(readFileSync(path).equals(before)).toBe(true);
    expect(existsSync(`${path}-wal`)).toBe(false);
  });

  it('0004 adds the scan-job error column and keeps existing jobs as they were', () => {
    const dir = tempDir();
    const oldFolder = join(dir, 'migrations-0003');
    mkdirSync(join(oldFolder, 'meta'), { recursive: true });
    const upTo0003 = journal.entries.slice(0, 4);
    for (const e of upTo0003) copyFileSync(join(MIGRATIONS, `${e.tag}.sql`), join(oldFolder, `${e.tag}.sql`));
    writeFileSync(join(oldFolder, 'meta/_journal.json'), JSON.stringify({ ...journal, entries: upTo0003 }));
    const path = join(dir, 'jobs.db');
    const sqlite = new Database(path);
    // 0003's backfill folds names with the function the store registers at open
    sqlite.function(FOLD_SQL_FUNCTION, { deterministic: true }, (v: unknown) =>
      typeof v === 'string' ? foldSearch(v) : v,
    );
    migrate(drizzle({ client: sqlite }), { migrationsFolder: oldFolder });
    sqlite
      .prepare(
        `INSERT INTO scan_jobs (state, total, done, succeeded, failed, started_at, updated_at, options)
         VALUES ('paused', 3, 1, 1, 0, '2026-11-29T10:00:00.000Z', '2026-11-29T10:00:00.000Z', '{}')`,
      )
      .run();
    sqlite.close();

    const store = open(path);
    expect(store.scanJobs.get(1)).toMatchObject({ state: 'paused', total: 3, done: 1, error: null });
    expect(store.scanJobs.fail(1, 'DNS server 10.0.0.1:53 refused')).toMatchObject({
      state: 'error',
      error: 'DNS server 10.0.0.1:53 refused',
    });
    expect(store.scanJobs.resume(1)).toMatchObject({ state: 'running', error: null });
  });

  it('0006 keeps stored referrals, maps the old link states to linked/unlinked and adds the sync-run figures', () => {
    const dir = tempDir();
    const oldFolder = join(dir, 'migrations-0005');
    mkdirSync(join(oldFolder, 'meta'), { recursive: true });
    const upTo0005 = journal.entries.slice(0, 6);
    for (const e of upTo0005) copyFileSync(join(MIGRATIONS, `${e.tag}.sql`), join(oldFolder, `${e.tag}.sql`));
    writeFileSync(join(oldFolder, 'meta/_journal.json'), JSON.stringify({ ...journal, entries: upTo0005 }));
    const path = join(dir, 'referrals.db');
    const sqlite = new Database(path);
    sqlite.function(FOLD_SQL_FUNCTION, { deterministic: true }, (v: unknown) =>
      typeof v === 'string' ? foldSearch(v) : v,
    );
    migrate(drizzle({ client: sqlite }), { migrationsFolder: oldFolder });
    const at = '2026-11-29T10:00:00.000Z';
    sqlite
      .prepare(
        `INSERT INTO leads (id, domain, domain_display, search_text, created_at, updated_at)
         VALUES (1, 'firma.com.tr', 'firma.com.tr', 'firma.com.tr', ?, ?)`,
      )
      .run(at, at);
    const insert = sqlite.prepare(
      `INSERT INTO partner_center_referrals (referral_id, domain, link_status, linked_lead_id, raw_data, synced_at,
         created_at, updated_at) VALUES (?, ?, ?, ?, '{}', ?, ?, ?)`,
    );
    insert.run('r-auto', 'firma.com.tr', 'auto_linked', 1, at, at, at);
    insert.run('r-multi', 'firma.com.tr', 'multi_candidate', null, at, at, at);
    insert.run('r-none', null, null, null, at, at, at);
    sqlite.prepare(`INSERT INTO pc_sync_runs (started_at, finished_at, fetched) VALUES (?, ?, 7)`).run(at, at);
    sqlite.close();

    const store = open(path);
    const links = Object.fromEntries(
      ['r-auto', 'r-multi', 'r-none'].map((id) => [id, store.referrals.get(id)?.link_status]),
    );
    expect(links).toEqual({ 'r-auto': 'linked', 'r-multi': 'unlinked', 'r-none': 'unlinked' });
    expect(store.referrals.get('r-auto')?.lead_domain).toBe('firma.com.tr');
    expect(store.referrals.lastRun()).toMatchObject({ fetched: 7, unchanged: 0, leads_created: 0, mode: null });
    expect(store.referrals.lastSuccessStartedAt()).toBe(at);
  });

  it('fails clearly when the migrations folder is missing', () => {
    expect(() => openStore(join(tempDir(), 'x.db'), { migrationsFolder: join(tempDir(), 'nope') })).toThrow(
      /No drizzle migrations found/,
    );
  });
});
