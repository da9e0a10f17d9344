// Where Hunter's own files are at run time. The same code runs in three layouts, and this is the only module that
// knows them apart:
//   sources   main/**/*.ts through tsx or vitest           <checkout>/main/platform/app-files.ts
//   bundle    the esbuild output run by `electron .`       <checkout>/dist/main/index.cjs
//   packaged  the installed app                            <resourcesPath>/app.asar/dist/main/index.cjs
// In every layout the app root is the folder holding package.json (electron-builder writes one into app.asar), and
// the files sit at the same places below it, so only the root differs. resources/ and the migrations stay inside
// app.asar in the installed app: the asar integrity fuse then covers the scoring rules and the schema too.
import { existsSync } from 'node:fs';
import { dirname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

export type AppLayout = 'sources' | 'bundle' | 'packaged';

export interface AppFiles {
  layout: AppLayout;
  /** the folder holding package.json: the checkout, or app.asar in the installed app */
  root: string;
  /** providers.json, rules.json, sales/ ... (HUNTER_RESOURCES overrides it) */
  resources: string;
  /** drizzle's NNNN_name.sql files and meta/_journal.json */
  migrations: string;
  /** the vite build served on hunter:// (Electron) or by the web bridge */
  renderer: string;
  /** the preload bundle the window loads */
  preload: string;
  /** the update feed electron-builder wrote beside the archive (installed app only) */
  updateConfig: string | null;
}

export interface LocateOptions {
  /** the folder of the running code; defaults to this module's (the bundle's once bundled) */
  moduleDir?: string;
  /** Electron's process.resourcesPath; undefined under plain Node */
  resourcesPath?: string;
  env?: NodeJS.ProcessEnv;
}

/** The folder packaged code runs from: app.asar, or app/ when the app is packaged without an archive. */
function packagedRoot(moduleDir: string, resourcesPath: string | undefined): string | null {
  if (!resourcesPath) return null;
  for (const name of ['app.asar', 'app']) {
    const root = join(resourcesPath, name);
    if (moduleDir === root || moduleDir.startsWith(root + sep)) return root;
  }
  return null;
}

function checkoutRoot(moduleDir: string): string {
  for (let dir = moduleDir; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir)
      throw new Error(`No package.json above ${moduleDir}: cannot tell where Hunter's files are`);
  }
}

export function locateAppFiles(opts: LocateOptions = {}): AppFiles {
  const moduleDir = resolve(opts.moduleDir ?? dirname(fileURLToPath(import.meta.url)));
  const env = opts.env ?? process.env;
  const packaged = packagedRoot(moduleDir, opts.resourcesPath);
  const root = packaged ?? checkoutRoot(moduleDir);
  const layout: AppLayout = packaged
    ? 'packaged'
    : moduleDir.startsWith(join(root, 'dist') + sep)
      ? 'bundle'
      : 'sources';
  return {
    layout,
    root,
    resources: env.HUNTER_RESOURCES ? resolve(env.HUNTER_RESOURCES) : join(root, 'resources'),
    migrations: join(root, 'main', 'store', 'migrations'),
    renderer: join(root, 'dist', 'renderer'),
    preload: join(root, 'dist', 'preload', 'index.cjs'),
    updateConfig: packaged ? join(dirname(packaged), 'app-update.yml') : null,
  };
}

/** The files of the running process (Electron sets process.resourcesPath; plain Node leaves it undefined). */
export function appFiles(): AppFiles {
  return locateAppFiles({ resourcesPath: (process as { resourcesPath?: string }).resourcesPath });
}
