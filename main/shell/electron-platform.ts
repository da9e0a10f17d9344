// The Platform seam inside Electron: secrets through the OS keychain (safeStorage), the system browser, and real
// desktop notifications. Only the shell imports this file.
import fs from 'node:fs';
import path from 'node:path';
import { app, net, Notification, safeStorage, shell } from 'electron';
import type { Platform, SecretStore } from '../platform/platform';

/**
 * Values encrypted by safeStorage (DPAPI, Keychain, libsecret) in an owner-only JSON file beside the database.
 * Where the OS offers no encryption (Linux without a keyring), nothing is stored: the user signs in per session
 * rather than a token landing on disk in plain text.
 */
function safeStorageSecrets(dir: string): SecretStore {
  const file = path.join(dir, 'hunter.secrets.safe.json');
  const readAll = (): Record<string, string> => {
    try {
      return JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, string>;
    } catch {
      return {};
    }
  };
  const writeAll = (all: Record<string, string>) => {
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    fs.writeFileSync(file, JSON.stringify(all), { mode: 0o600 });
  };
  const session = new Map<string, string>();
  return {
    get(key) {
      if (session.has(key)) return session.get(key)!;
      const stored = readAll()[key];
      if (stored === undefined || !safeStorage.isEncryptionAvailable()) return null;
      try {
        return safeStorage.decryptString(Buffer.from(stored, 'base64'));
      } catch {
        return null;
      }
    },
    set(key, value) {
      if (!safeStorage.isEncryptionAvailable()) {
        session.set(key, value);
        return;
      }
      writeAll({ ...readAll(), [key]: safeStorage.encryptString(value).toString('base64') });
    },
    delete(key) {
      session.delete(key);
      const all = readAll();
      if (!(key in all)) return;
      delete all[key];
      writeAll(all);
    },
  };
}

export function createElectronPlatform(dbPath: string): Platform {
  const userData = path.dirname(path.resolve(dbPath));
  return {
    kind: 'electron',
    secrets: safeStorageSecrets(userData),
    paths: { userData, logs: app.getPath('logs') },
    openUrl: (url) => shell.openExternal(url),
    notify(title, body) {
      if (Notification.isSupported()) new Notification({ title, body }).show();
    },
    // the Partner Center timer skips its runs while this says false
    isOnline: () => net.isOnline(),
  };
}
