// The one place that knows where the scan worker's code is: next to this module as TypeScript when running from
// sources (tsx, vitest), or as dist/main/scan-worker.cjs beside the esbuild bundle (scripts/build.mjs builds both).
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { ScannerSpec } from '../scanner-spec';

/** tsx's ESM API, found through its package.json: import.meta.resolve would not survive the CommonJS bundle. */
function tsxEsmApi(from: string): string {
  const pkgPath = createRequire(from).resolve('tsx/package.json');
  const pkg = createRequire(from)(pkgPath) as { exports: Record<string, { import: { default: string } }> };
  return pathToFileURL(join(dirname(pkgPath), pkg.exports['./esm/api'].import.default)).href;
}

export function startScanWorker(spec: ScannerSpec): Worker {
  const here = import.meta.url;
  if (!here.endsWith('.ts')) return new Worker(new URL('./scan-worker.cjs', here), { workerData: spec });
  // --import tsx does not reach worker threads, so the thread registers tsx's loader before loading the entry
  const entry = new URL('./scan-worker.ts', here).href;
  const boot = `import(${JSON.stringify(tsxEsmApi(here))}).then((tsx) => { tsx.register(); return import(${JSON.stringify(entry)}); });`;
  return new Worker(boot, { eval: true, workerData: spec });
}
