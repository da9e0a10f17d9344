import { existsSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

function isDirectory(path: string): boolean {
  return existsSync(path) && statSync(path).isDirectory();
}

/**
 * The folder holding providers.json, rules.json, ... HUNTER_RESOURCES wins; otherwise the nearest
 * resources/ folder above this module. The only place that knows where resources live, so the bundle
 * and the packaged app have a single thing to adapt.
 */
export function resourcesDir(): string {
  const override = process.env.HUNTER_RESOURCES;
  if (override) return resolve(override);
  // esbuild's CommonJS output has no import.meta.url but defines __dirname
  const start = import.meta.url ? dirname(fileURLToPath(import.meta.url)) : __dirname;
  for (let dir = start; ; dir = dirname(dir)) {
    const candidate = join(dir, 'resources');
    if (isDirectory(candidate)) return candidate;
    if (dirname(dir) === dir) break;
  }
  throw new Error(`No resources/ folder found above ${start}; set HUNTER_RESOURCES to the folder holding rules.json`);
}
