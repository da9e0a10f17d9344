// A fresh database file per test, removed afterwards.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../../main/store/db';
import type { OpenStoreOptions, Store } from '../../main/store/db';

export interface TempStore {
  dir: string;
  path: string;
  store: Store;
  cleanup(): void;
}

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'hunter-store-'));
}

export function openTempStore(opts: OpenStoreOptions = {}): TempStore {
  const dir = tempDir();
  const path = join(dir, 'hunter.db');
  const store = openStore(path, opts);
  return {
    dir,
    path,
    store,
    cleanup() {
      if (store.sqlite.open) store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
