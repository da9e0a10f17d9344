// Builds what the Electron app runs: the renderer (vite) and the main/preload bundles (esbuild, CommonJS).
// `node scripts/build.mjs bench` builds the scan benchmark against the same bundling instead.
import { build as viteBuild } from 'vite';
import { build } from 'esbuild';
import { dirname } from 'node:path';
import { bundleOptions } from './bundle-options.mjs';

const only = process.argv[2];

/** A bundle of `entry`, with the worker threads beside it (worker-entry.ts and the import's look there). */
async function buildMainBundle(entry, outfile, external) {
  const dir = dirname(outfile);
  await build({ ...bundleOptions, entryPoints: [entry], outfile, external });
  await build({
    ...bundleOptions,
    entryPoints: ['main/engine/pool/scan-worker.ts'],
    outfile: `${dir}/scan-worker.cjs`,
  });
  await build({ ...bundleOptions, entryPoints: ['main/import/plan-worker.ts'], outfile: `${dir}/import-worker.cjs` });
}

if (!only || only === 'renderer') {
  await viteBuild({ configFile: 'vite.config.ts', logLevel: 'warn' });
}
if (!only || only === 'electron') {
  await buildMainBundle('main/index.ts', 'dist/main/index.cjs', ['electron', 'better-sqlite3']);
  await build({
    ...bundleOptions,
    entryPoints: ['preload/index.ts'],
    outfile: 'dist/preload/index.cjs',
    external: ['electron'],
  });
}
if (only === 'bench') {
  // the benchmark measures the code the app ships, bundled the same way, not sources compiled on the fly by tsx
  // (whose loader thread alone adds tens of MB to the peak RSS and a second loader to every worker)
  await buildMainBundle('bench/scan-bench.ts', 'dist/bench/scan-bench.cjs', ['better-sqlite3']);
}
