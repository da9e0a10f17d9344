import { startWorker } from '../engine/pool/worker-entry';
import { BadFileError } from './bad-file';
import type { PlanRequest, PlanResponse } from './plan-protocol';
import type { ImportConfig, ImportPlan } from './preview';

export interface PlanWorkerLimits {
  /** the worker's V8 heap; a file that needs more ends the worker, not the app */
  heapMb: number;
  /** reading and planning one file may not take longer */
  timeoutMs: number;
}

export const DEFAULT_PLAN_LIMITS: PlanWorkerLimits = { heapMb: 512, timeoutMs: 60_000 };

/** Reads and plans an import file on its own worker thread, within memory and time limits. */
export function planInWorker(
  fileName: string,
  content: Buffer,
  config: ImportConfig,
  limits: PlanWorkerLimits = DEFAULT_PLAN_LIMITS,
): Promise<ImportPlan> {
  const worker = startWorker(new URL('./plan-worker.ts', import.meta.url), 'import-worker', {
    resourceLimits: { maxOldGenerationSizeMb: limits.heapMb, maxYoungGenerationSizeMb: 32 },
  });
  return new Promise<ImportPlan>((resolve, reject) => {
    let settled = false;
    const settle = (fn: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      fn();
      void worker.terminate();
    };
    const timer = setTimeout(
      () => settle(() => reject(new BadFileError('parse_timeout', 'Reading the file took too long', limits.timeoutMs))),
      limits.timeoutMs,
    );
    worker.once('message', (msg: PlanResponse) =>
      settle(() => {
        if (msg.ok) resolve(msg.plan);
        else if (msg.reason) reject(new BadFileError(msg.reason, msg.message, msg.limit));
        else reject(new Error(`import worker: ${msg.message}`));
      }),
    );
    worker.once('error', (err: Error & { code?: string }) =>
      settle(() =>
        reject(
          err.code === 'ERR_WORKER_OUT_OF_MEMORY'
            ? new BadFileError('too_many_cells', 'The file holds more data than one import can take')
            : err,
        ),
      ),
    );
    worker.once('exit', (code) => settle(() => reject(new Error(`import worker exited with code ${code}`))));
    const request: PlanRequest = { fileName, content, config };
    worker.postMessage(request);
  });
}
