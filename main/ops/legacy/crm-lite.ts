import fs from 'node:fs';
import path from 'node:path';
import { LEGACY_WRITES } from '../../../shared/legacy';
import type { LegacyImportResult, LegacyStatus, LegacyWrite } from '../../../shared/legacy';
import type { Service } from '../../app/service';
import { AppError } from '../../core/app-error';
import { errorContext } from '../../core/log';
import type { Log } from '../../core/log';
import type { Flags } from '../../flags/flags';
import type { Store } from '../../store/db';
import type { Clock } from '../../store/db-types';
import { LEGACY_TABLES } from '../../store/legacy-repository';
import type { Metrics } from '../metrics/metrics';
import { importLegacyExport } from './import';

/** Remembers the drop: which export holds the data, so the status can point at it. */
const RETIRED_KEY = 'legacy.retired';

export interface CrmLiteDeps {
  store: Store;
  flags: Pick<Flags, 'isOn' | 'onChange'>;
  metrics: Metrics;
  log: Log;
  now: Clock;
  /** tag names the scoring engine derives (resources/rules.json tag_rules) */
  autoTags: ReadonlySet<string>;
}

/** The retired CRM-lite (notes, manual tags, favourites): read-only, importable, and finally removed. */
export interface CrmLite {
  status(): LegacyStatus;
  /** refuses a retired write: a typed `gone` naming the alternative, logged as a deprecation and counted */
  refuse(call: LegacyWrite): never;
  /** throws `gone` once CRM-lite is removed (the crm_lite_removed flag) */
  assertAvailable(): void;
  import(fileName: string, content: Buffer): Promise<LegacyImportResult>;
  /**
   * The hard cut, done once: writes every legacy row to an export file beside the database, reads it back, and
   * only then drops the legacy tables. Does nothing unless crm_lite_removed is on, or when already done.
   */
  retire(): { export_file: string } | null;
}

export function createCrmLite(deps: CrmLiteDeps): CrmLite {
  const { store, log } = deps;
  const removed = () => deps.flags.isOn('crm_lite_removed');

  const retire = () => {
    if (!removed() || !store.legacy.present()) return null;
    const rows = store.legacy.all();
    const stamp = deps.now().toISOString().replace(/[:.]/g, '-');
    const file = path.join(path.dirname(path.resolve(store.path)), `hunter.legacy-export-${stamp}.json`);
    const body = JSON.stringify({ exported_at: deps.now().toISOString(), ...rows }, null, 1);
    const fd = fs.openSync(file, 'wx', 0o600);
    try {
      fs.writeFileSync(fd, body);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    // the drop happens only if what is on disk is exactly what was read
    if (fs.readFileSync(file, 'utf8') !== body) throw new Error(`The legacy export ${file} did not read back intact`);
    store.transaction(() => {
      for (const table of LEGACY_TABLES) store.sqlite.exec(`DROP TABLE IF EXISTS ${table}`);
      store.settings.set(RETIRED_KEY, { at: deps.now().toISOString(), export_file: file });
    });
    log.info('legacy.tables_dropped', {
      export_file: file,
      notes: rows.notes.length,
      tags: rows.tags.length,
      favorites: rows.favorites.length,
    });
    return { export_file: file };
  };

  return {
    status: () => {
      const retired = store.settings.get<{ export_file: string }>(RETIRED_KEY);
      return {
        removed: removed(),
        dropped: !store.legacy.present(),
        export_file: retired?.export_file ?? null,
        counts: store.legacy.counts(),
      };
    },
    refuse(call) {
      const alternative = LEGACY_WRITES[call];
      log.warn('legacy.deprecated_call', { call, alternative });
      deps.metrics.record('deprecated.call', 1, { call });
      throw new AppError('gone', `CRM-lite is retired: use ${alternative} instead`, { call, alternative });
    },
    assertAvailable() {
      if (removed()) throw new AppError('gone', 'CRM-lite has been removed from this Hunter');
    },
    async import(fileName, content) {
      if (removed()) throw new AppError('gone', 'CRM-lite has been removed from this Hunter');
      const result = await importLegacyExport(store, fileName, content, { autoTags: deps.autoTags, now: deps.now });
      log.info('legacy.imported', { ...result });
      return result;
    },
    retire,
  };
}

/** Runs the hard cut at start and the moment crm_lite_removed is switched on, without a restart. */
export function crmLiteRetirement(crm: CrmLite, flags: Pick<Flags, 'onChange'>, log: Log): Service {
  const attempt = () => {
    try {
      crm.retire();
    } catch (err) {
      // the tables stay until an export succeeds; the next start (or switch) tries again
      log.error('legacy.retire_failed', errorContext(err));
    }
  };
  let unsubscribe: (() => void) | null = null;
  return {
    name: 'crm-lite-retirement',
    start() {
      attempt();
      unsubscribe ??= flags.onChange(attempt);
    },
    async stop() {
      unsubscribe?.();
      unsubscribe = null;
    },
  };
}
