// Everything a scanner is built from, as plain data: the main thread and the scan worker threads build their
// scanners from the same spec with the same function, so a pooled scan and an in-process scan cannot drift apart.
import type { HunterConfig } from '../config/load';
import type { AsyncTtlCache } from './cache';
import { createDnsClient } from './dns/client';
import { createScanner, type Scanner } from './scan';
import { createWhoisLookup } from './whois';

export interface ScannerSpec {
  config: HunterConfig;
  dns: { servers?: string[]; timeoutMs: number; tries: number };
  /** null when WHOIS is switched off */
  whois: { timeoutMs: number; cacheTtlMs?: number } | null;
  dkimSelectors: string[];
}

/** whoisCache: where WHOIS answers persist (the store's cache; in a worker, a proxy to it). */
export function scannerFromSpec(spec: ScannerSpec, whoisCache?: AsyncTtlCache): Scanner {
  const dns = createDnsClient(spec.dns);
  const whois = spec.whois
    ? createWhoisLookup({
        rdapServers: spec.config.whois.rdap_servers,
        whoisServers: spec.config.whois.tld_servers,
        timeoutMs: spec.whois.timeoutMs,
        cache: whoisCache,
        cacheTtlMs: spec.whois.cacheTtlMs,
      })
    : null;
  return createScanner({ dns, whois, config: spec.config, dkimSelectors: spec.dkimSelectors });
}
