// Messages between the scan pool (main thread) and its worker threads. Plain data only: they are structured-cloned.
import type { ScanResult } from '../../../shared/domain';

export type ToWorker =
  /** scan inputs[i] (whose index in the caller's list is indexes[i]) with at most `concurrency` in flight */
  | { type: 'run'; inputs: string[]; indexes: number[]; concurrency: number }
  /** stop taking new inputs; scans in flight finish and are reported, then `done` follows */
  | { type: 'abort' }
  | { type: 'cache-reply'; id: number; value: unknown };

export type FromWorker =
  | { type: 'results'; items: { index: number; result: ScanResult }[] }
  | { type: 'done' }
  /** the WHOIS cache lives in the store, which only the main thread touches */
  | { type: 'cache-get'; id: number; key: string }
  | { type: 'cache-set'; key: string; value: unknown; ttlMs: number };
