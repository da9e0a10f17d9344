// A database as an older build left it: the real migrations up to (not including) one, applied by drizzle's own
// migrator, so a migration's test starts from the schema it really upgrades.
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { appFiles } from '../../main/platform/app-files';
import { FOLD_SQL_FUNCTION, foldSearch } from '../../main/store/search-fold';

const MIGRATIONS = appFiles().migrations;
const journal = JSON.parse(readFileSync(join(MIGRATIONS, 'meta/_journal.json'), 'utf8')) as {
  entries: { tag: string; when: number }[];
};

/** the journal position of the migration whose tag ends with `_<name>` (-1 when there is none) */
export function migrationIndex(name: string): number {
  return journal.entries.findIndex((e) => e.tag.endsWith(`_${name}`));
}

/**
 * Creates `<dir>/old.db` migrated up to just before the named migration, lets `seed` write rows the way that build
 * would have, and returns the file's path (closed).
 */
export function databaseBefore(dir: string, name: string, seed: (sqlite: Database.Database) => void): string {
  const folder = join(dir, 'migrations-before');
  mkdirSync(join(folder, 'meta'), { recursive: true });
  const entries = journal.entries.slice(0, migrationIndex(name));
  for (const e of entries) copyFileSync(join(MIGRATIONS, `${e.tag}.sql`), join(folder, `${e.tag}.sql`));
  writeFileSync(join(folder, 'meta/_journal.json'), JSON.stringify({ ...journal, entries }));
  const path = join(dir, 'old.db');
  const sqlite = new Database(path);
  // earlier migrations call the search fold, as the store registers it
  sqlite.function(FOLD_SQL_FUNCTION, { deterministic: true }, (v: unknown) =>
    typeof v === 'string' ? foldSearch(v) : v,
  );
  migrate(drizzle({ client: sqlite }), { migrationsFolder: folder });
  seed(sqlite);
  sqlite.close();
  return path;
}
