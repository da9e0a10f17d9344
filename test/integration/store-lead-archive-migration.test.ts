import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { afterEach, describe, expect, it } from 'vitest';
import { openStore } from '../../main/store/db';
import type { Store } from '../../main/store/db';
import { appFiles } from '../../main/platform/app-files';
import { FOLD_SQL_FUNCTION, foldSearch } from '../../main/store/search-fold';
import { tempDir } from '../support/temp-store';

const MIGRATIONS = appFiles().migrations;
const journal = JSON.parse(readFileSync(join(MIGRATIONS, 'meta/_journal.json'), 'utf8')) as {
  entries: { tag: string; when: number }[];
};
const ARCHIVE_MIGRATION = journal.entries.findIndex((e) => e.tag.endsWith('_lead_archive'));

let store: Store | null = null;
afterEach(() => store?.close());

/** A database as the build before the archive migration left it, with two leads. */
function databaseBeforeArchiveMigration(dir: string): string {
  const folder = join(dir, 'migrations-before');
  mkdirSync(join(folder, 'meta'), { recursive: true });
  const entries = journal.entries.slice(0, ARCHIVE_MIGRATION);
  for (const e of entries) copyFileSync(join(MIGRATIONS, `${e.tag}.sql`), join(folder, `${e.tag}.sql`));
  writeFileSync(join(folder, 'meta/_journal.json'), JSON.stringify({ ...journal, entries }));
  const path = join(dir, 'old.db');
  const sqlite = new Database(path);
  sqlite.function(FOLD_SQL_FUNCTION, { deterministic: true }, (v: unknown) =>
    typeof v === 'string' ? foldSearch(v) : v,
  );
  migrate(drizzle({ client: sqlite }), { migrationsFolder: folder });
  const lead = sqlite.prepare(
    `INSERT INTO leads (domain, domain_display, search_text, created_at, updated_at)
     VALUES (?, ?, ?, '2026-11-01T00:00:00.000Z', '2026-11-01T00:00:00.000Z')`,
  );
  lead.run('contoso.test', 'contoso.test', 'contoso.test');
  lead.run('fabrikam.test', 'fabrikam.test', 'fabrikam.test');
  sqlite.close();
  return path;
}

describe('lead archive migration', () => {
  it('exists in the journal', () => {
    expect(ARCHIVE_MIGRATION).toBeGreaterThan(0);
  });

  it('keeps every existing lead active and in the grid, and lets one be archived afterwards', () => {
    store = openStore(databaseBeforeArchiveMigration(tempDir()));
    expect(store.sqlite.prepare('SELECT domain, archived_at FROM leads ORDER BY domain').all()).toEqual([
      { domain: 'contoso.test', archived_at: null },
      { domain: 'fabrikam.test', archived_at: null },
    ]);
    expect(store.leads.listLeads({}).total).toBe(2);
    store.leads.archiveLeads(['contoso.test'], true);
    expect(store.leads.listLeads({}).rows.map((r) => r.domain)).toEqual(['fabrikam.test']);
  });
});
