// Builds what the Electron app runs: the renderer (vite) and the main/preload bundles (esbuild, CommonJS).
import { build as viteBuild } from 'vite';
import { build } from 'esbuild';
import { cpSync, rmSync } from 'node:fs';

const only = process.argv[2];

if (!only || only === 'renderer') {
  await viteBuild({ configFile: 'vite.config.ts', logLevel: 'warn' });
}
if (!only || only === 'electron') {
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
  await build({ ...common, entryPoints: ['main/index.ts'], outfile: 'dist/main/index.cjs', external: ['electron', 'better-sqlite3'] });
  // bulk scans run on worker threads; main/engine/pool/worker-entry.ts finds this file next to index.cjs
  await build({ ...common, entryPoints: ['main/engine/pool/scan-worker.ts'], outfile: 'dist/main/scan-worker.cjs' });
  await build({ ...common, entryPoints: ['preload/index.ts'], outfile: 'dist/preload/index.cjs', external: ['electron'] });
  // the store finds its migrations next to its module, which in the bundle is dist/main
  rmSync('dist/main/migrations', { recursive: true, force: true });
  cpSync('main/store/migrations', 'dist/main/migrations', { recursive: true });
}
