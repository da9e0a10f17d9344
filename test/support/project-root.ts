import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The checkout's root: the nearest folder above this module with the project's package.json. Found by walking up
 * rather than by a fixed relative path, so the same code works from sources and from a bundle in dist/.
 */
export function projectRoot(): string {
  for (let dir = dirname(fileURLToPath(import.meta.url)); ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'test', 'support'))) return dir;
    if (dirname(dir) === dir) throw new Error('No project root (package.json beside test/support) above this module');
  }
}
