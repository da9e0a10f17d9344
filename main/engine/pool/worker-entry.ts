// The one place that knows where worker threads' code is: the TypeScript source when running from sources (tsx,
// vitest), or dist/main/<name>.cjs beside the esbuild bundle (scripts/build.mjs builds each worker there).
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker, type WorkerOptions } from 'node:worker_threads';
import type { ScannerSpec } from '../scanner-spec';

/** tsx's ESM API, found through its package.json: import.meta.resolve would not survive the CommonJS bundle. */
function tsxEsmApi(from: string): string {
  const pkgPath = createRequire(from).resolve('tsx/package.json');
  const pkg = createRequire(from)(pkgPath) as { exports: Record<string, { import: { default: string } }> };
  return pathToFileURL(join(dirname(pkgPath), pkg.exports['./esm/api'].import.default)).href;
}

/** A worker running `source` (a .ts module URL), or its bundled twin `<bundledName>.cjs` in the built app. */
export function startWorker(source: URL, bundledName: string, options: WorkerOptions = {}): Worker {
  const here = import.meta.url;
  if (!here.endsWith('.ts')) return new Worker(new URL(`./${bundledName}.cjs`, here), options);
  // --import tsx does not reach worker threads, so the thread registers tsx's loader before loading the entry
  const boot = `import(${JSON.stringify(tsxEsmApi(here))}).then((tsx) => { tsx.register(); return import(${JSON.stringify(source.href)}); });`;
  return new Worker(boot, { ...options, eval: true });
}

export function startScanWorker(spec: ScannerSpec): Worker {
  return startWorker(new URL('./scan-worker.ts', import.meta.url), 'scan-worker', { workerData: spec });
}
