import type { ScanResult } from '../../shared/domain';
import type { RunScansOptions, Scanner } from './scan';

export type { RunScansOptions };
import { unknownSignal } from './whois/fields';

/** how the error of a scan that broke begins */
export const SCAN_BROKE_PREFIX = 'Scan failed: ';

/** The result reported for an input whose scan broke (a bug or a crashed worker, never bad input). */
export function scanFailure(input: string, message: string): ScanResult {
  return {
    domain: input,
    domain_display: input,
    scanned_at: new Date().toISOString(),
    scan_status: 'dns_timeout',
    dns: null,
    whois: unknownSignal('internal'),
    provider: null,
    verdict: null,
    error: `${SCAN_BROKE_PREFIX}${message}`,
    duration_ms: 0,
  };
}

/**
 * Scans inputs with at most `concurrency` domains in flight. A thrown scan (a bug, never bad input: the scanner
 * turns bad input into an invalid_domain result) is reported as that domain's error so one row never stops a batch.
 * Stops taking new inputs once `signal` aborts; scans already in flight finish and are reported.
 * A scanner with its own bulk runner (the worker pool) takes the whole list, under the same contract.
 */
export async function runScans(inputs: readonly string[], scanner: Scanner, opts: RunScansOptions): Promise<void> {
  if (scanner.runAll) return scanner.runAll(inputs, opts);
  let next = 0;
  const worker = async () => {
    while (next < inputs.length && !opts.signal?.aborted) {
      const index = next++;
      let result: ScanResult;
      try {
        result = await scanner.scan(inputs[index]);
      } catch (err) {
        result = scanFailure(inputs[index], (err as Error).message);
      }
      opts.onResult(result, index);
    }
  };
  const workers = Math.max(1, Math.min(opts.concurrency, inputs.length));
  await Promise.all(Array.from({ length: workers }, worker));
}

/** Re-orders completion-order results into input order for output that must follow the input (CLI JSON Lines). */
export class InOrderEmitter<T> {
  private readonly pending = new Map<number, T>();
  private nextIndex = 0;

  constructor(private readonly emit: (item: T, index: number) => void) {}

  push(item: T, index: number): void {
    this.pending.set(index, item);
    while (this.pending.has(this.nextIndex)) {
      const ready = this.pending.get(this.nextIndex) as T;
      this.pending.delete(this.nextIndex);
      this.emit(ready, this.nextIndex++);
    }
  }
}
