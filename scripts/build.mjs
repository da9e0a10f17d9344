// Builds what the Electron app runs: the renderer (vite) and the main/preload bundles (esbuild, CommonJS).
// `node scripts/build.mjs bench` builds the scan benchmark against the same bundling instead.
import { build as viteBuild } from 'vite';
import { build } from 'esbuild';
import { cpSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';

const only = process.argv[2];

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: true,
  logLevel: 'warning',
  // the sources are ESM and locate resources/ and migrations/ from import.meta.url
  define: { 'import.meta.url': '__hunterImportMetaUrl', 'import.meta.dirname': '__dirname' },
  banner: { js: "const __hunterImportMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
};

/** A bundle of `entry`, with the worker threads beside it (worker-entry.ts looks there) and the migrations. */
async function buildMainBundle(entry, outfile, external) {
  const dir = dirname(outfile);
  await build({ ...common, entryPoints: [entry], outfile, external });
  await build({ ...common, entryPoints: ['main/engine/pool/scan-worker.ts'], outfile: `${dir}/scan-worker.cjs` });
  await build({ ...common, entryPoints: ['main/import/plan-worker.ts'], outfile: `${dir}/import-worker.cjs` });
  // the store finds its migrations next to its module
  rmSync(`${dir}/migrations`, { recursive: true, force: true });
  cpSync('main/store/migrations', `${dir}/migrations`, { recursive: true });
}

if (!only || only === 'renderer') {
  await viteBuild({ configFile: 'vite.config.ts', logLevel: 'warn' });
}
if (!only || only === 'electron') {
  await buildMainBundle('main/index.ts', 'dist/main/index.cjs', ['electron', 'better-sqlite3']);
  await build({
    ...common,
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
