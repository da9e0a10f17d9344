import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { SecretStore } from './platform';

const ALGO = 'aes256gcm';

function writeOwnerOnly(file: string, content: string | Buffer): void {
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, content, { mode: 0o600 });
  fs.renameSync(tmp, file);
}

/**
 * Secrets under plain Node (CLI, web bridge): an owner-only (0600) JSON file beside the database, each value
 * encrypted with AES-256-GCM under a key kept in a second owner-only file, and tagged `$aes256gcm:` so another
 * algorithm can take over later. Without an OS keychain this keeps secrets out of plain text and out of a copied
 * database, not away from the account that owns both files.
 */
export function createFileSecretStore(dir: string, name = 'hunter'): SecretStore {
  const file = path.join(dir, `${name}.secrets.json`);
  const keyFile = path.join(dir, `${name}.secrets.key`);

  const key = (): Buffer => {
    if (fs.existsSync(keyFile)) return Buffer.from(fs.readFileSync(keyFile, 'utf8').trim(), 'base64');
    const fresh = crypto.randomBytes(32);
    writeOwnerOnly(keyFile, fresh.toString('base64'));
    return fresh;
  };
  const readAll = (): Record<string, string> => {
    if (!fs.existsSync(file)) return {};
    try {
      return JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, string>;
    } catch {
      // an unreadable secrets file means signing in again, never a crash
      return {};
    }
  };
  const encrypt = (plain: string): string => {
    const iv = crypto.randomBytes(12);
    const cipher = crypto.createCipheriv('aes-256-gcm', key(), iv);
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return `$${ALGO}:${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64')}`;
  };
  const decrypt = (stored: string): string | null => {
    if (!stored.startsWith(`$${ALGO}:`)) return null;
    try {
      const raw = Buffer.from(stored.slice(ALGO.length + 2), 'base64');
      const decipher = crypto.createDecipheriv('aes-256-gcm', key(), raw.subarray(0, 12));
      decipher.setAuthTag(raw.subarray(12, 28));
      return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
    } catch {
      return null;
    }
  };
  return {
    get: (k) => {
      const stored = readAll()[k];
      return stored === undefined ? null : decrypt(stored);
    },
    set(k, value) {
      writeOwnerOnly(file, JSON.stringify({ ...readAll(), [k]: encrypt(value) }));
    },
    delete(k) {
      const all = readAll();
      if (!(k in all)) return;
      delete all[k];
      writeOwnerOnly(file, JSON.stringify(all));
    },
  };
}
