// A worker thread that reads and plans one import file, so a large or crafted file never blocks the thread that
// serves the UI; the thread's heap is capped by its parent, and a file that exceeds it ends only this thread.
import { parentPort } from 'node:worker_threads';
import { BadFileError } from './bad-file';
import { planImport } from './preview';
import { readTable } from './read-table';
import type { PlanRequest, PlanResponse } from './plan-protocol';

const port = parentPort!;

port.once('message', (msg: PlanRequest) => {
  const reply = (response: PlanResponse) => port.postMessage(response);
  readTable(msg.fileName, Buffer.from(msg.content.buffer, msg.content.byteOffset, msg.content.byteLength))
    .then((table) => reply({ ok: true, plan: planImport(table, msg.config) }))
    .catch((err: unknown) =>
      reply(
        err instanceof BadFileError
          ? { ok: false, reason: err.reason, message: err.message, limit: err.limit }
          : { ok: false, reason: null, message: err instanceof Error ? err.message : String(err) },
      ),
    );
});
