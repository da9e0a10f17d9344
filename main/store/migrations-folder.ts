import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * Where the drizzle migrations live. The one place that knows: unbundled (tests, tsx) they sit next to this
 * module; a bundled build copies them elsewhere and passes that folder explicitly.
 */
export function resolveMigrationsFolder(override?: string): string {
  const folder = override ?? defaultFolder();
  if (!existsSync(`${folder}/meta/_journal.json`)) {
    throw new Error(`No drizzle migrations found in ${folder} (missing meta/_journal.json)`);
  }
  return folder;
}

function defaultFolder(): string {
  // import.meta.url is absent once bundled to CommonJS; the bundle must then pass the folder itself
  const here = typeof import.meta.url === 'string' ? import.meta.url : undefined;
  if (!here) throw new Error('Cannot locate the migrations folder: pass migrationsFolder explicitly');
  return fileURLToPath(new URL('./migrations', here));
}
