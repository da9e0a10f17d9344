// Bulk scans on worker threads: each worker owns a DNS client and scanner built from the same spec and scans an
// interleaved share of the list, while the calling thread only receives results (and keeps the store to itself).
// This spreads the engine's CPU over the cores and keeps the app's main process responsive during a bulk scan.
import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import type { TtlCache } from '../cache';
import { runScans, scanFailure, type RunScansOptions } from '../run-scans';
import type { Scanner } from '../scan';
import { scannerFromSpec, type ScannerSpec } from '../scanner-spec';
import type { FromWorker, ToWorker } from './protocol';
import { startScanWorker } from './worker-entry';

export interface ScanPoolOptions {
  /** worker threads; default: one fewer than the cores available. 0 scans everything on the calling thread. */
  workers?: number;
  /** the store's cache, where WHOIS answers persist; workers reach it through messages */
  whoisCache?: TtlCache;
  /** lists shorter than this scan on the calling thread: starting workers costs more than such a list */
  minPoolJob?: number;
  /** idle workers end after this long and give their memory back; the next bulk scan starts new ones */
  idleMs?: number;
}

export interface PooledScanner extends Scanner {
  runAll(inputs: readonly string[], opts: RunScansOptions): Promise<void>;
  /** ends the workers (a running job reports its unfinished inputs as failed) */
  close(): Promise<void>;
}

const DEFAULT_MIN_POOL_JOB = 50;
const DEFAULT_IDLE_MS = 30_000;

export function createScanPool(spec: ScannerSpec, opts: ScanPoolOptions = {}): PooledScanner {
  // The calling thread has real work too (receiving results, the SQLite writes), so the pool leaves it a core. Even
  // on 2 cores the one worker that leaves pays for itself (npm run bench compares worker counts).
  const size = opts.workers ?? Math.max(0, availableParallelism() - 1);
  const minPoolJob = opts.minPoolJob ?? DEFAULT_MIN_POOL_JOB;
  let local: Scanner | null = null;
  const localScanner = () => (local ??= scannerFromSpec(spec, opts.whoisCache));
  let workers: Worker[] = [];
  let idleTimer: NodeJS.Timeout | undefined;
  // one job at a time per pool: a worker's messages carry no job id
  let queue: Promise<void> = Promise.resolve();

  const send = (worker: Worker, msg: ToWorker) => worker.postMessage(msg);

  function answerCache(worker: Worker, msg: FromWorker): void {
    if (msg.type === 'cache-get')
      send(worker, { type: 'cache-reply', id: msg.id, value: opts.whoisCache?.get(msg.key) });
    else if (msg.type === 'cache-set') opts.whoisCache?.set(msg.key, msg.value, msg.ttlMs);
  }

  /** Runs one worker's share; settles when the worker says done, or fails the unreported inputs if it dies. */
  function runShare(worker: Worker, inputs: string[], indexes: number[], concurrency: number, run: RunScansOptions) {
    return new Promise<void>((resolve) => {
      const unreported = new Map(indexes.map((index, i) => [index, inputs[i]]));
      const settle = (failure: string | null) => {
        worker.off('message', onMessage).off('error', onError).off('exit', onExit);
        if (failure !== null) {
          workers = workers.filter((w) => w !== worker);
          // after a cancel the unreported inputs were never started: they stay pending, as in runScans
          if (!run.signal?.aborted)
            for (const [index, input] of unreported) run.onResult(scanFailure(input, failure), index);
        }
        resolve();
      };
      const onMessage = (msg: FromWorker) => {
        if (msg.type === 'results') {
          for (const { index, result } of msg.items) {
            unreported.delete(index);
            run.onResult(result, index);
          }
        } else if (msg.type === 'done') settle(null);
        else answerCache(worker, msg);
      };
      const onError = (err: Error) => settle(`scan worker failed: ${err.message}`);
      const onExit = (code: number) => settle(`scan worker exited with code ${code}`);
      worker.on('message', onMessage).on('error', onError).on('exit', onExit);
      send(worker, { type: 'run', inputs, indexes, concurrency });
    });
  }

  async function runPooled(inputs: readonly string[], run: RunScansOptions): Promise<void> {
    clearTimeout(idleTimer);
    if (workers.length === 0) workers = Array.from({ length: size }, () => startScanWorker(spec));
    const team = workers;
    const onAbort = () => team.forEach((w) => send(w, { type: 'abort' }));
    run.signal?.addEventListener('abort', onAbort, { once: true });
    // a running job keeps the process alive; idle workers must not
    team.forEach((w) => w.ref());
    try {
      const concurrency = Math.max(1, Math.ceil(run.concurrency / team.length));
      await Promise.all(
        team.map((worker, w) => {
          const indexes: number[] = [];
          for (let i = w; i < inputs.length; i += team.length) indexes.push(i);
          return runShare(
            worker,
            indexes.map((i) => inputs[i]),
            indexes,
            concurrency,
            run,
          );
        }),
      );
    } finally {
      run.signal?.removeEventListener('abort', onAbort);
      workers.forEach((w) => w.unref());
      idleTimer = setTimeout(() => void close(), opts.idleMs ?? DEFAULT_IDLE_MS).unref();
    }
  }

  async function close(): Promise<void> {
    clearTimeout(idleTimer);
    const ending = workers;
    workers = [];
    await Promise.all(ending.map((w) => w.terminate()));
  }

  return {
    scan: (input) => localScanner().scan(input),
    runAll(inputs, run) {
      if (run.signal?.aborted) return Promise.resolve();
      if (size === 0 || inputs.length < minPoolJob) return runScans(inputs, localScanner(), run);
      const job = queue.then(() => runPooled(inputs, run));
      queue = job.catch(() => {});
      return job;
    },
    close,
  };
}
