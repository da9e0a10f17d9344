// esbuild options shared by every main-process bundle (the app, the scan worker, the benchmark) and by the tests
// that check how bundled code finds its files.
export const bundleOptions = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: true,
  logLevel: 'warning',
  // the sources are ESM and find their files from import.meta.url (main/platform/app-files.ts)
  define: { 'import.meta.url': '__hunterImportMetaUrl', 'import.meta.dirname': '__dirname' },
  banner: { js: "const __hunterImportMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
};
