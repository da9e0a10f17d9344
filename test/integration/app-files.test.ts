// The path helper in every layout the app runs in: from sources (this test), from the esbuild bundle in a checkout,
// and installed (resources/app.asar or resources/app). The bundled layouts are real bundles of the helper, built
// with the app's esbuild options and run by node in fake trees, so the import.meta.url rewrite is covered too.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appFiles, locateAppFiles, type AppFiles } from '../../main/platform/app-files';
import { bundleOptions } from '../../scripts/bundle-options.mjs';
import { projectRoot } from '../support/project-root';

const ROOT = projectRoot();
let tmp: string;
let probe: string;

beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'hunter-app-files-'));
  probe = path.join(tmp, 'probe.cjs');
  const entry = path.join(tmp, 'probe-entry.ts');
  fs.writeFileSync(
    entry,
    `import { appFiles } from ${JSON.stringify(path.join(ROOT, 'main/platform/app-files.ts'))};\n` +
      'console.log(JSON.stringify(appFiles()));\n',
  );
  await build({ ...bundleOptions, sourcemap: false, entryPoints: [entry], outfile: probe });
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** Copies the probe bundle to `<root>/<dir>/index.cjs` and runs it the way the app would be started there. */
function runBundleAt(dir: string, resourcesPath?: string, env: NodeJS.ProcessEnv = {}): AppFiles {
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'index.cjs');
  fs.copyFileSync(probe, file);
  const preamble = resourcesPath ? `process.resourcesPath = ${JSON.stringify(resourcesPath)};` : '';
  const out = execFileSync(process.execPath, ['-e', `${preamble} require(${JSON.stringify(file)})`], {
    env: { PATH: process.env.PATH, ...env },
    encoding: 'utf8',
  });
  return JSON.parse(out) as AppFiles;
}

function fakeTree(name: string, ...files: string[]): string {
  const root = path.join(tmp, name);
  for (const file of ['package.json', ...files]) {
    fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    fs.writeFileSync(path.join(root, file), '{}');
  }
  return root;
}

describe('app files', () => {
  it('run from sources, are the checkout’s own resources, migrations and renderer build', () => {
    delete process.env.HUNTER_RESOURCES;
    const files = appFiles();
    expect(files).toMatchObject({ layout: 'sources', root: ROOT });
    expect(fs.existsSync(path.join(files.resources, 'rules.json'))).toBe(true);
    expect(fs.existsSync(path.join(files.migrations, 'meta/_journal.json'))).toBe(true);
    expect(files.renderer).toBe(path.join(ROOT, 'dist/renderer'));
    expect(files.preload).toBe(path.join(ROOT, 'dist/preload/index.cjs'));
  });

  it('run from the esbuild bundle in a checkout, are found above dist/', () => {
    const root = fakeTree('checkout');
    const files = runBundleAt(path.join(root, 'dist/main'));
    expect(files).toEqual({
      layout: 'bundle',
      root,
      resources: path.join(root, 'resources'),
      migrations: path.join(root, 'main/store/migrations'),
      renderer: path.join(root, 'dist/renderer'),
      preload: path.join(root, 'dist/preload/index.cjs'),
      updateConfig: null,
    });
  });

  it('run by `electron .` in a checkout, stay in the checkout, not in Electron’s own resources folder', () => {
    const root = fakeTree('electron-dev');
    const electronResources = path.join(root, 'node_modules/electron/dist/resources');
    const files = runBundleAt(path.join(root, 'dist/main'), electronResources);
    expect(files).toMatchObject({ layout: 'bundle', root, resources: path.join(root, 'resources') });
  });

  it('installed, are inside resources/app.asar', () => {
    const resourcesPath = path.join(tmp, 'installed', 'resources');
    const asarRoot = fakeTree('installed/resources/app.asar');
    const files = runBundleAt(path.join(asarRoot, 'dist/main'), resourcesPath);
    expect(files).toEqual({
      layout: 'packaged',
      root: asarRoot,
      resources: path.join(asarRoot, 'resources'),
      migrations: path.join(asarRoot, 'main/store/migrations'),
      renderer: path.join(asarRoot, 'dist/renderer'),
      preload: path.join(asarRoot, 'dist/preload/index.cjs'),
      updateConfig: path.join(resourcesPath, 'app-update.yml'),
    });
  });

  it('installed without an archive, are inside resources/app', () => {
    const resourcesPath = path.join(tmp, 'unarchived', 'resources');
    const files = runBundleAt(path.join(resourcesPath, 'app/dist/main'), resourcesPath);
    expect(files).toMatchObject({ layout: 'packaged', root: path.join(resourcesPath, 'app') });
  });

  it('take resources from HUNTER_RESOURCES in every layout', () => {
    const root = fakeTree('override');
    const files = runBundleAt(path.join(root, 'dist/main'), undefined, { HUNTER_RESOURCES: '/opt/hunter/res' });
    expect(files.resources).toBe(path.resolve('/opt/hunter/res'));
    expect(locateAppFiles({ env: { HUNTER_RESOURCES: 'rel/res' } }).resources).toBe(path.resolve('rel/res'));
  });

  it('say where they looked when no package.json is above the code', () => {
    const lost = path.join(tmp, 'lost');
    fs.mkdirSync(lost);
    // the tmp folder itself has no package.json, nor has any folder above it
    expect(() => locateAppFiles({ moduleDir: lost })).toThrow(`No package.json above ${lost}`);
  });
});
