// The database, its backups and the logs hold customer lists and tokens' surroundings: on POSIX systems they are
// created readable by their owner only. Windows folders under the user profile are private by their ACLs already.
import { chmodSync, closeSync, existsSync, mkdirSync, openSync } from 'node:fs';

const POSIX = process.platform !== 'win32';
export const OWNER_ONLY_FILE = 0o600;
export const OWNER_ONLY_DIR = 0o700;

/** Creates the folder (and missing parents) as 0700; `own`: the folder is the app's, so an existing one is narrowed too. */
export function ensurePrivateDir(dir: string, own = false): void {
  mkdirSync(dir, { recursive: true, mode: OWNER_ONLY_DIR });
  if (POSIX && own) chmodSync(dir, OWNER_ONLY_DIR);
}

/**
 * Creates an empty file as 0600 before another component (SQLite, VACUUM INTO) writes it, so it never exists with
 * wider rights; an existing file is narrowed to 0600.
 */
export function ensurePrivateFile(file: string): void {
  if (!existsSync(file)) closeSync(openSync(file, 'a', OWNER_ONLY_FILE));
  if (POSIX) chmodSync(file, OWNER_ONLY_FILE);
}
