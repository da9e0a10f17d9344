import type { ScanResult } from '../../shared/domain';
import { runScans } from '../engine/run-scans';
import type { Scanner } from '../engine/scan';
import type { Store } from '../store/db';

export interface ScanAndStoreOptions {
  concurrency: number;
  signal?: AbortSignal;
  /** runs inside the batch's transaction, so bookkeeping (job items) commits together with the results */
  inTransaction?: (results: { result: ScanResult; index: number }[]) => void;
  /** after the batch is committed */
  onStored?: (results: { result: ScanResult; index: number }[]) => void;
  /** results are written in one transaction per batch; smaller batches show progress sooner */
  batchSize?: number;
  flushMs?: number;
  /** see SaveScanOptions.drop: asked inside the batch's transaction, only for a result whose lead is gone */
  dropped?: (domain: string) => boolean;
}

/**
 * Job bookkeeping for one stored batch, inside its transaction: the items whose verdict was stored are done, the
 * rest failed with their reason. `items[i]` is the job domain of the i-th input handed to the scanner (null for an
 * input that is not a domain).
 */
export function recordJobBatch(
  store: Store,
  jobId: number,
  items: readonly (string | null)[],
  batch: { result: ScanResult; index: number }[],
): void {
  const done: string[] = [];
  const failed: { domain: string; error: string }[] = [];
  for (const { result, index } of batch) {
    const domain = items[index];
    // inputs that were never a domain are not job items
    if (!domain) continue;
    if (result.verdict !== null) done.push(domain);
    else failed.push({ domain, error: result.error ?? result.scan_status });
  }
  store.scanJobs.markDone(jobId, done);
  store.scanJobs.markFailed(jobId, failed);
}

/**
 * Scans and persists: results are buffered and written in batches (one transaction each), so 10,000 domains cost
 * a few dozen commits, not 10,000. Invalid inputs are reported but never stored.
 */
export async function scanAndStore(
  inputs: readonly string[],
  scanner: Scanner,
  store: Store,
  opts: ScanAndStoreOptions,
): Promise<{ stored: number; invalid: number }> {
  const batchSize = opts.batchSize ?? 250;
  const flushMs = opts.flushMs ?? 200;
  let buffer: { result: ScanResult; index: number }[] = [];
  let stored = 0;
  let invalid = 0;
  let lastFlush = Date.now();

  const flush = () => {
    if (buffer.length === 0) return;
    const batch = buffer;
    buffer = [];
    lastFlush = Date.now();
    const valid = batch.filter((b) => b.result.scan_status !== 'invalid_domain').map((b) => b.result);
    // callers see each result as stored (a partial one completed with its last known signals)
    let storedBatch = batch;
    store.transaction(() => {
      const saved = valid.length > 0 ? store.leads.saveScanResults(valid, { drop: opts.dropped }) : [];
      const asStored = new Map(valid.map((result, i) => [result, saved[i]]));
      storedBatch = batch.map((b) => ({ ...b, result: asStored.get(b.result) ?? b.result }));
      opts.inTransaction?.(storedBatch);
    });
    stored += valid.length;
    opts.onStored?.(storedBatch);
  };

  await runScans(inputs, scanner, {
    concurrency: opts.concurrency,
    signal: opts.signal,
    onResult(result, index) {
      if (result.scan_status === 'invalid_domain') invalid++;
      buffer.push({ result, index });
      if (buffer.length >= batchSize || Date.now() - lastFlush >= flushMs) flush();
    },
  });
  flush();
  return { stored, invalid };
}
