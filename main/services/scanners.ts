import type { Settings } from '../../shared/settings';
import type { HunterConfig } from '../config/load';
import type { TtlCache } from '../engine/cache';
import { createScanPool } from '../engine/pool/scan-pool';
import type { PooledScanner } from '../engine/pool/scan-pool';
import type { ScannerSpec } from '../engine/scanner-spec';
import { DEFAULT_WHOIS_TIMEOUT_MS } from '../engine/whois';
import { resolveServers } from '../engine/dns/servers';
import { AppError } from '../core/app-error';

export type ScanOverrides = Partial<Pick<Settings, 'dns_servers' | 'dns_timeout_ms' | 'dns_tries' | 'whois_enabled'>>;

export interface Scanners {
  /** the scanner for the current settings (plus per-run overrides: CLI flags); one worker pool per process */
  get(overrides?: ScanOverrides): PooledScanner;
  close(): Promise<void>;
}

/**
 * A scanner set-up the workers could not build is a configuration error, said before any domain is scanned: left to
 * the workers, it would fail every domain one by one and store each as a DNS timeout.
 */
function assertUsable(spec: ScannerSpec): void {
  try {
    resolveServers(spec.dns.servers);
  } catch (err) {
    throw new AppError('config_error', `DNS servers: ${(err as Error).message}`, { field: 'dns_servers' });
  }
}

/**
 * Owns the process's one scan pool. Workers are built from a spec, so a new spec (the user changed DNS servers)
 * replaces the pool; an unchanged spec reuses it, and back-to-back scans never hold two pools.
 */
export function createScanners(deps: {
  config: HunterConfig;
  settings: () => Settings;
  whoisCache: TtlCache;
  /** whether WHOIS is allowed at all (the `whois` feature flag) */
  whoisAllowed: () => boolean;
  workers?: number;
}): Scanners {
  let current: { key: string; pool: PooledScanner } | null = null;
  return {
    get(overrides = {}) {
      const s = { ...deps.settings(), ...overrides };
      const spec: ScannerSpec = {
        config: deps.config,
        dns: {
          servers: s.dns_servers.length > 0 ? s.dns_servers : undefined,
          timeoutMs: s.dns_timeout_ms,
          tries: s.dns_tries,
        },
        whois: s.whois_enabled && deps.whoisAllowed() ? { timeoutMs: DEFAULT_WHOIS_TIMEOUT_MS } : null,
        dkimSelectors: s.dkim_selectors,
      };
      // the config object is the same for the life of the process; the rest decides what a worker is built from
      const key = JSON.stringify([spec.dns, spec.whois, spec.dkimSelectors]);
      if (current?.key === key) return current.pool;
      assertUsable(spec);
      void current?.pool.close();
      current = { key, pool: createScanPool(spec, { workers: deps.workers, whoisCache: deps.whoisCache }) };
      return current.pool;
    },
    async close() {
      const pool = current?.pool;
      current = null;
      await pool?.close();
    },
  };
}
