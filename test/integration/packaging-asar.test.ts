// The installed app's archive, built the way electron-builder builds it (its config, its `files` patterns, asar with
// better-sqlite3 unpacked) from a real build of the bundles, then opened as the installed app would open it: the
// path helper's packaged layout, the configuration loader and the migrations, all reading from the extracted archive.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import asar from '@electron/asar';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../main/config/load';
import { locateAppFiles } from '../../main/platform/app-files';
import { openStore } from '../../main/store/db';
import { builderConfig, filePatterns, selectFiles } from '../support/packaging';
import { projectRoot } from '../support/project-root';

const ROOT = projectRoot();
let tmp: string;
let archive: string;
let entries: string[];

beforeAll(async () => {
  // the main and preload bundles (with their source maps, which must stay out); global setup built the renderer
  const built = spawnSync(process.execPath, ['scripts/build.mjs', 'electron'], { cwd: ROOT, encoding: 'utf8' });
  expect(built.status, built.stderr).toBe(0);

  const config = await builderConfig(ROOT);
  const files = selectFiles(ROOT, filePatterns(config));
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'hunter-asar-'));
  const stage = path.join(tmp, 'stage');
  for (const file of files) {
    fs.mkdirSync(path.dirname(path.join(stage, file)), { recursive: true });
    fs.copyFileSync(path.join(ROOT, file), path.join(stage, file));
  }
  archive = path.join(tmp, 'resources', 'app.asar');
  fs.mkdirSync(path.dirname(archive));
  // asarUnpack names whole folders (`<folder>/**`), asar's unpackDir takes the folders (a one-item {a} is no glob)
  const unpackDirs = (config.asarUnpack as string[]).map((pattern) => pattern.replace(/\/\*\*$/, ''));
  const unpackDir = unpackDirs.length === 1 ? unpackDirs[0] : `{${unpackDirs.join(',')}}`;
  await asar.createPackageWithOptions(stage, archive, { unpackDir });
  entries = asar.listPackage(archive, { isPack: false }).map((entry) => entry.replaceAll('\\', '/').replace(/^\//, ''));
}, 120_000);
afterAll(() => {
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

describe('the packed app.asar', () => {
  it('holds the bundles, the renderer, every resource file and every migration the journal lists', () => {
    for (const file of ['package.json', 'dist/main/index.cjs', 'dist/main/scan-worker.cjs', 'dist/preload/index.cjs']) {
      expect(entries).toContain(file);
    }
    expect(entries).toContain('dist/renderer/index.html');
    expect(entries.some((e) => /^dist\/renderer\/assets\/.+\.js$/.test(e))).toBe(true);
    for (const file of fs.readdirSync(path.join(ROOT, 'resources'), { recursive: true, encoding: 'utf8' })) {
      if (fs.statSync(path.join(ROOT, 'resources', file)).isFile()) {
        expect(entries).toContain(`resources/${file.replaceAll('\\', '/')}`);
      }
    }
    const journal = JSON.parse(asar.extractFile(archive, 'main/store/migrations/meta/_journal.json').toString()) as {
      entries: { tag: string }[];
    };
    expect(journal.entries.length).toBeGreaterThan(0);
    for (const { tag } of journal.entries) expect(entries).toContain(`main/store/migrations/${tag}.sql`);
  });

  it('holds no tests, benchmarks, source maps, TypeScript sources or build leftovers', () => {
    const forbidden = entries.filter(
      (e) =>
        /\.(map|ts|tsx|md)$/.test(e) ||
        /(^|\/)(test|tests|__tests__|bench)\//.test(e) ||
        /^main\/(?!store(\/migrations(\/|$)|$))/.test(e) ||
        /^dist\/bench\//.test(e) ||
        /_snapshot\.json$/.test(e) ||
        /better-sqlite3\/(src|deps|build\/Release\/obj)\//.test(e),
    );
    expect(forbidden).toEqual([]);
    // the build did write source maps: their absence is the files config's doing
    expect(fs.existsSync(path.join(ROOT, 'dist/main/index.cjs.map'))).toBe(true);
  });

  it('carries of node_modules only better-sqlite3 and what loads its binding, with the binding unpacked', () => {
    const packages = new Set(entries.filter((e) => e.startsWith('node_modules/')).map((e) => e.split('/')[1]));
    expect([...packages].sort()).toEqual(['better-sqlite3', 'bindings', 'file-uri-to-path']);
    const binding = 'node_modules/better-sqlite3/build/Release/better_sqlite3.node';
    expect(fs.existsSync(path.join(`${archive}.unpacked`, binding))).toBe(true);
    expect(asar.statFile(archive, binding)).toMatchObject({ unpacked: true });
  });

  it('is enough for the installed app to load its configuration and migrate a new database', () => {
    const resourcesPath = path.join(tmp, 'installed', 'resources');
    asar.extractAll(archive, path.join(resourcesPath, 'app'));
    const files = locateAppFiles({ moduleDir: path.join(resourcesPath, 'app/dist/main'), resourcesPath, env: {} });
    expect(files.layout).toBe('packaged');
    expect(fs.existsSync(path.join(files.renderer, 'index.html'))).toBe(true);
    expect(fs.existsSync(files.preload)).toBe(true);
    expect(loadConfig(files.resources).rules).toBeTruthy();
    const store = openStore(path.join(tmp, 'installed.db'), { migrationsFolder: files.migrations });
    try {
      const applied = store.sqlite.prepare('SELECT count(*) AS n FROM __drizzle_migrations').get() as { n: number };
      expect(applied.n).toBe(fs.readdirSync(files.migrations).filter((f) => f.endsWith('.sql')).length);
    } finally {
      store.close();
    }
  });
});
