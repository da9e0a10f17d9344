import { existsSync, readFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { createD365OutboxRepository } from './d365-outbox-repository';
import type { D365OutboxRepository } from './d365-outbox-repository';
import { appFiles } from '../platform/app-files';
import { createImportsRepository } from './imports-repository';
import type { ImportsRepository } from './imports-repository';
import { createLeadsRepository } from './leads-repository';
import type { LastKnownSignals, LeadsRepository } from './leads-repository';
import { createLegacyRepository } from './legacy-repository';
import type { LegacyRepository } from './legacy-repository';
import { ensurePrivateFile } from './owner-only';
import { createReferralsRepository } from './referrals-repository';
import type { ReferralsRepository } from './referrals-repository';
import { SqliteTtlCache } from './scan-cache';
import { FOLD_SQL_FUNCTION, foldSearch } from './search-fold';
import { createScanJobsRepository } from './scan-jobs-repository';
import type { ScanJobsRepository } from './scan-jobs-repository';
import { createSettingsRepository } from './settings-repository';
import type { SettingsRepository } from './settings-repository';

export type { Clock, Db } from './db-types';
import type { Clock, Db } from './db-types';

export interface OpenStoreOptions {
  /** folder holding NNNN_name.sql + meta/_journal.json; defaults to the app's own */
  migrationsFolder?: string;
  now?: Clock;
  busyTimeoutMs?: number;
  /**
   * Copy an existing database (VACUUM INTO `<path>.pre-migration-<n>.bak`) before applying new migrations to it,
   * so a failed or regretted upgrade never costs the user's data. Default true; skipped for new/empty files.
   */
  backupBeforeMigrate?: boolean;
  /** completes partial scan results with the previous verdict's signals before they are saved (see LastKnownSignals) */
  lastKnownSignals?: LastKnownSignals;
}

export interface Store {
  readonly path: string;
  readonly db: Db;
  readonly sqlite: Database.Database;
  readonly leads: LeadsRepository;
  readonly imports: ImportsRepository;
  readonly cache: SqliteTtlCache;
  readonly settings: SettingsRepository;
  readonly scanJobs: ScanJobsRepository;
  readonly legacy: LegacyRepository;
  readonly referrals: ReferralsRepository;
  readonly d365Outbox: D365OutboxRepository;
  /** Runs fn in one transaction (repository calls inside nest as savepoints), e.g. save results + mark job items. */
  transaction<T>(fn: () => T): T;
  close(): void;
}

export class StoreOpenError extends Error {
  constructor(
    message: string,
    options?: { cause?: unknown },
    /** 'db_too_new' when a newer Hunter wrote the file; 'unreadable' otherwise */
    readonly reason: 'db_too_new' | 'unreadable' = 'unreadable',
  ) {
    super(message, options);
    this.name = 'StoreOpenError';
  }
}

export function openStore(path: string, opts: OpenStoreOptions = {}): Store {
  const migrationsFolder = opts.migrationsFolder ?? appFiles().migrations;
  if (!existsSync(`${migrationsFolder}/meta/_journal.json`)) {
    throw new Error(`No drizzle migrations found in ${migrationsFolder} (missing meta/_journal.json)`);
  }
  const now = opts.now ?? (() => new Date());
  if (path !== ':memory:') {
    // SQLite gives the -wal and -shm files the database file's rights, so a 0600 database keeps them private too
    ensurePrivateFile(path);
    for (const side of [`${path}-wal`, `${path}-shm`]) if (existsSync(side)) ensurePrivateFile(side);
  }
  const sqlite = new Database(path);
  try {
    // Reading the schema version touches page 1: a file that is not SQLite fails here, before anything is written.
    sqlite.pragma('schema_version');
  } catch (err) {
    sqlite.close();
    throw new StoreOpenError(
      `${path} is not a readable SQLite database (${(err as Error).message}); it was left untouched`,
      {
        cause: err,
      },
    );
  }
  // Before anything writes (WAL switch, migrations, backup): a database a newer Hunter migrated is refused as it is.
  const unknown = unknownAppliedMigrations(sqlite, migrationsFolder);
  if (unknown > 0) {
    sqlite.close();
    throw new StoreOpenError(
      `${path} was written by a newer version of Hunter (${unknown} database change${unknown === 1 ? '' : 's'} ` +
        `this version does not know). Update Hunter to open it; the file was left untouched.`,
      undefined,
      'db_too_new',
    );
  }
  try {
    sqlite.pragma(`busy_timeout = ${Math.trunc(opts.busyTimeoutMs ?? 5000)}`);
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = NORMAL');
    sqlite.pragma('foreign_keys = ON');
    // queries only (never schema): sorting names the way search matches them, Ç among the C's
    sqlite.function(FOLD_SQL_FUNCTION, { deterministic: true }, (v: unknown) =>
      typeof v === 'string' ? foldSearch(v) : v,
    );
    const db = drizzle({ client: sqlite });
    const pending = pendingMigrations(sqlite, migrationsFolder);
    if (
      pending.length > 0 &&
      pending.length < journalTags(migrationsFolder).length &&
      opts.backupBeforeMigrate !== false
    ) {
      backup(sqlite, `${path}.pre-migration-${pending[0]}.bak`);
    }
    migrate(db, { migrationsFolder });
    return {
      path,
      db,
      sqlite,
      leads: createLeadsRepository(db, now, opts.lastKnownSignals),
      imports: createImportsRepository(db, now),
      cache: new SqliteTtlCache(db, () => now().getTime()),
      settings: createSettingsRepository(db, now),
      scanJobs: createScanJobsRepository(db, now),
      legacy: createLegacyRepository(db),
      referrals: createReferralsRepository(db, now),
      d365Outbox: createD365OutboxRepository(db, now),
      transaction: (fn) => sqlite.transaction(fn)(),
      close: () => sqlite.close(),
    };
  } catch (err) {
    sqlite.close();
    if (err instanceof StoreOpenError) throw err;
    throw new StoreOpenError(`Could not open the database ${path}: ${(err as Error).message}`, { cause: err });
  }
}

function journalTags(folder: string): { tag: string; when: number }[] {
  const journal = JSON.parse(readFileSync(`${folder}/meta/_journal.json`, 'utf8')) as {
    entries: { tag: string; when: number }[];
  };
  return journal.entries;
}

/** Tags drizzle's migrator is about to apply (it applies every entry newer than the last recorded one). */
function pendingMigrations(sqlite: Database.Database, folder: string): string[] {
  const hasTable = sqlite
    .prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '__drizzle_migrations'`)
    .get();
  const last = hasTable
    ? (sqlite.prepare('SELECT max(created_at) AS at FROM __drizzle_migrations').get() as { at: number | null }).at
    : null;
  return journalTags(folder)
    .filter((e) => last === null || Number(last) < e.when)
    .map((e) => e.tag);
}

/**
 * Migrations recorded in the database that this build does not ship: drizzle records each applied migration's
 * journal time, and a newer build's migrations are timed after every one of ours.
 */
function unknownAppliedMigrations(sqlite: Database.Database, folder: string): number {
  const hasTable = sqlite
    .prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '__drizzle_migrations'`)
    .get();
  if (!hasTable) return 0;
  const newest = Math.max(...journalTags(folder).map((e) => e.when));
  const row = sqlite.prepare('SELECT count(*) AS n FROM __drizzle_migrations WHERE created_at > ?').get(newest) as {
    n: number;
  };
  return row.n;
}

function backup(sqlite: Database.Database, target: string): void {
  if (existsSync(target)) return; // an earlier attempt at this same upgrade already saved the original
  // VACUUM INTO accepts an existing empty file, which is how the copy is born owner-only
  ensurePrivateFile(target);
  sqlite.prepare('VACUUM INTO ?').run(target);
}
