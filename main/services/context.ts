import fs from 'node:fs';
import path from 'node:path';
import type { Settings } from '../../shared/settings';
import { loadConfig, resourcesDir } from '../config/load';
import type { HunterConfig } from '../config/load';
import { createScanPool } from '../engine/pool/scan-pool';
import type { Scanner } from '../engine/scan';
import type { ScannerSpec } from '../engine/scanner-spec';
import { openStore } from '../store/db';
import { ensurePrivateDir } from '../store/owner-only';
import type { Store } from '../store/db';
import { createSettingsService } from './settings';
import type { SettingsService } from './settings';

/** Everything a front end (CLI, Electron IPC, web bridge) needs, wired once. */
export interface HunterContext {
  dbPath: string;
  /** the resources folder everything here was configured from (rules, templates, import keywords) */
  resources: string;
  store: Store;
  config: HunterConfig;
  settings: SettingsService;
  /** a scanner for the current settings, with per-run overrides (CLI flags) */
  createScanner(
    overrides?: Partial<Pick<Settings, 'dns_servers' | 'dns_timeout_ms' | 'dns_tries' | 'whois_enabled'>>,
  ): Scanner;
  close(): void;
}

const WHOIS_TIMEOUT_MS = 4000;
const WHOIS_CACHE_TTL_MS = 7 * 86_400_000;

export function openHunter(opts: {
  dbPath: string;
  resources?: string;
  /** worker threads for bulk scans; default: the pool's (cores - 1, none on 2 cores); 0 = scan on the calling thread */
  scanWorkers?: number;
}): HunterContext {
  if (opts.dbPath !== ':memory:') ensurePrivateDir(path.dirname(path.resolve(opts.dbPath)));
  const resources = opts.resources ?? resourcesDir();
  const config = loadConfig(resources);
  const store = openStore(opts.dbPath);
  const settings = createSettingsService(store, resources);
  return {
    dbPath: opts.dbPath,
    resources,
    store,
    config,
    settings,
    createScanner(overrides = {}) {
      const s = { ...settings.get(), ...overrides };
      const spec: ScannerSpec = {
        config,
        dns: {
          servers: s.dns_servers.length > 0 ? s.dns_servers : undefined,
          timeoutMs: s.dns_timeout_ms,
          tries: s.dns_tries,
        },
        whois: s.whois_enabled ? { timeoutMs: WHOIS_TIMEOUT_MS, cacheTtlMs: WHOIS_CACHE_TTL_MS } : null,
        dkimSelectors: s.dkim_selectors,
      };
      // bulk lists run on worker threads; single scans and short lists stay on this thread
      return createScanPool(spec, { workers: opts.scanWorkers, whoisCache: store.cache });
    },
    close() {
      store.close();
    },
  };
}
