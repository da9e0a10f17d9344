import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { SecretStore } from './platform';

/**
 * Secrets under plain Node (CLI, web bridge, tests): one owner-only (0600) JSON file of encrypted values beside the
 * database, and the AES-256-GCM key in a second owner-only file. Splitting them means a copy of the secrets file
 * alone (a backup, a support bundle) is useless. Each value is tagged with its algorithm so a later scheme can read
 * older values and re-encrypt them.
 */

const ALGORITHM_TAG = '$aes256gcm:';
const KEY_BYTES = 32;
const IV_BYTES = 12;
/** the MSAL cache of one signed-in account is a few kilobytes; anything far bigger is not ours */
const MAX_FILE_BYTES = 4 * 1024 * 1024;
const MAX_VALUE_CHARS = 1024 * 1024;

const FileSchema = z.record(z.string().max(200), z.string().max(MAX_VALUE_CHARS * 2));

export interface NodeSecretStoreFiles {
  /** the encrypted values */
  secretsFile: string;
  /** the key they are encrypted with */
  keyFile: string;
}

/** `<name>.secrets.json` and `<name>.secrets.key` in a folder. */
export function secretFilesIn(dir: string, name = 'hunter'): NodeSecretStoreFiles {
  return { secretsFile: path.join(dir, `${name}.secrets.json`), keyFile: path.join(dir, `${name}.secrets.key`) };
}

/** The two files beside a database file: the CLI, the web bridge and the app share them through the database. */
export function secretFilesBeside(dbPath: string): NodeSecretStoreFiles {
  return secretFilesIn(path.dirname(path.resolve(dbPath)));
}

/** The store over the files in a folder (the Node platform's secrets). */
export function createFileSecretStore(dir: string, name = 'hunter'): SecretStore {
  return createNodeSecretStore(secretFilesIn(dir, name));
}

/** Writes through a temporary file created 0600, so the secrets never exist on disk with a looser mode. */
function writeOwnerOnly(file: string, content: string | Buffer): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.${crypto.randomBytes(4).toString('hex')}.tmp`;
  fs.writeFileSync(tmp, content, { mode: 0o600 });
  fs.renameSync(tmp, file);
}

function readCapped(file: string): Buffer | null {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
  if (stat.size > MAX_FILE_BYTES) throw new Error(`${path.basename(file)} is larger than ${MAX_FILE_BYTES} bytes`);
  return fs.readFileSync(file);
}

export function createNodeSecretStore(files: NodeSecretStoreFiles): SecretStore {
  let key: Buffer | null = null;

  const loadKey = (create: boolean): Buffer | null => {
    if (key) return key;
    const existing = readCapped(files.keyFile);
    if (existing && existing.length === KEY_BYTES) return (key = existing);
    if (!create) return null;
    // a missing or damaged key makes the old values unreadable anyway: start over with a fresh key and no values
    const fresh = crypto.randomBytes(KEY_BYTES);
    writeOwnerOnly(files.keyFile, fresh);
    writeOwnerOnly(files.secretsFile, '{}');
    return (key = fresh);
  };

  const readAll = (): Record<string, string> => {
    const raw = readCapped(files.secretsFile);
    if (!raw) return {};
    const parsed = FileSchema.safeParse(JSON.parse(raw.toString('utf8')));
    return parsed.success ? parsed.data : {};
  };

  // the entry's name is the GCM associated data, so a value moved to another name no longer decrypts
  const encrypt = (k: Buffer, name: string, value: string): string => {
    const iv = crypto.randomBytes(IV_BYTES);
    const cipher = crypto.createCipheriv('aes-256-gcm', k, iv);
    cipher.setAAD(Buffer.from(name, 'utf8'));
    const body = Buffer.concat([cipher.update(value, 'utf8'), cipher.final()]);
    return ALGORITHM_TAG + [iv, cipher.getAuthTag(), body].map((b) => b.toString('base64')).join(':');
  };

  const decrypt = (k: Buffer, name: string, stored: string): string | null => {
    if (!stored.startsWith(ALGORITHM_TAG)) return null;
    const [iv, tag, body] = stored
      .slice(ALGORITHM_TAG.length)
      .split(':')
      .map((p) => Buffer.from(p, 'base64'));
    if (!iv || !tag || !body || iv.length !== IV_BYTES) return null;
    try {
      const decipher = crypto.createDecipheriv('aes-256-gcm', k, iv);
      decipher.setAAD(Buffer.from(name, 'utf8'));
      decipher.setAuthTag(tag);
      return Buffer.concat([decipher.update(body), decipher.final()]).toString('utf8');
    } catch {
      // tampered, or written under another key: the same as absent, the user signs in again
      return null;
    }
  };

  return {
    get(name) {
      const k = loadKey(false);
      if (!k) return null;
      const stored = readAll()[name];
      return stored === undefined ? null : decrypt(k, name, stored);
    },
    set(name, value) {
      if (value.length > MAX_VALUE_CHARS)
        throw new Error(`secret "${name}" is longer than ${MAX_VALUE_CHARS} characters`);
      const k = loadKey(true)!;
      writeOwnerOnly(files.secretsFile, JSON.stringify({ ...readAll(), [name]: encrypt(k, name, value) }));
    },
    delete(name) {
      const all = readAll();
      if (!(name in all)) return;
      delete all[name];
      writeOwnerOnly(files.secretsFile, JSON.stringify(all));
    },
  };
}
