// A scan worker thread: builds its own scanner (DNS client, sockets, caches) from the spec it was started with and
// scans the share of a job the pool hands it, posting results back in small batches.
import { parentPort, workerData } from 'node:worker_threads';
import type { ScanResult } from '../../../shared/domain';
import type { AsyncTtlCache } from '../cache';
import { runScans } from '../run-scans';
import { scannerFromSpec, type ScannerSpec } from '../scanner-spec';
import type { FromWorker, ToWorker } from './protocol';

// a batch per message keeps the structured-clone and wake-up cost per result small; the timer bounds how long a
// finished result waits, so progress stays smooth
const BATCH = 64;
const FLUSH_MS = 20;

const port = parentPort!;
const post = (msg: FromWorker) => port.postMessage(msg);

const cacheReplies = new Map<number, (value: unknown) => void>();
let nextCacheId = 0;
const whoisCache: AsyncTtlCache = {
  get: <T>(key: string) =>
    new Promise<T | undefined>((resolve) => {
      const id = nextCacheId++;
      cacheReplies.set(id, resolve as (value: unknown) => void);
      post({ type: 'cache-get', id, key });
    }),
  set: (key, value, ttlMs) => post({ type: 'cache-set', key, value, ttlMs }),
};

const scanner = scannerFromSpec(workerData as ScannerSpec, whoisCache);
let abort = new AbortController();

async function run(msg: Extract<ToWorker, { type: 'run' }>): Promise<void> {
  abort = new AbortController();
  let batch: { index: number; result: ScanResult }[] = [];
  let timer: NodeJS.Timeout | undefined;
  const flush = () => {
    clearTimeout(timer);
    timer = undefined;
    if (batch.length > 0) post({ type: 'results', items: batch });
    batch = [];
  };
  await runScans(msg.inputs, scanner, {
    concurrency: msg.concurrency,
    signal: abort.signal,
    onResult(result, i) {
      batch.push({ index: msg.indexes[i], result });
      if (batch.length >= BATCH) flush();
      else timer ??= setTimeout(flush, FLUSH_MS);
    },
  });
  flush();
  post({ type: 'done' });
}

port.on('message', (msg: ToWorker) => {
  if (msg.type === 'run') void run(msg);
  else if (msg.type === 'abort') abort.abort();
  else {
    cacheReplies.get(msg.id)?.(msg.value);
    cacheReplies.delete(msg.id);
  }
});
