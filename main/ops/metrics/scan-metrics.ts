import type { ScanResult } from '../../../shared/domain';
import type { TtlCache } from '../../engine/cache';
import type { Metrics } from './metrics';

/** What one scan tells the metrics: its outcome (a verdict or not, and why) and how WHOIS went. */
export function recordScan(metrics: Metrics, result: ScanResult): void {
  // an input that was never a domain says nothing about how scanning works
  if (result.scan_status === 'invalid_domain') return;
  metrics.record('scan', result.verdict ? 1 : 0, { status: result.scan_status });
  if (result.whois.status !== 'off')
    metrics.record('whois.lookup', 1, { result: result.whois.status === 'ok' ? 'ok' : 'unknown' });
}

/** The scan cache, counting its hits and misses. */
export function countingCache(cache: TtlCache, metrics: Metrics): TtlCache {
  return {
    get<T>(key: string) {
      const value = cache.get<T>(key);
      metrics.record('scan_cache.lookup', 1, { result: value === undefined ? 'miss' : 'hit' });
      return value;
    },
    set: (key, value, ttlMs) => cache.set(key, value, ttlMs),
    delete: (key) => cache.delete(key),
  };
}
