// A Dynamics 365 world for CLI tests: the fake identity server, the fake Dataverse over https (test CA) accepting
// only tokens the identity server issued, a database with leads, and the HUNTER_* environment pointing at them.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runCli } from '../../main/cli/index';
import { openStore } from '../../main/store/db';
import type { Store } from '../../main/store/db';
import { seedLead } from './d365-seed';
import { startFakeDataverse, testTls } from './fake-dataverse';
import type { FakeDataverse, FakeDataverseOptions } from './fake-dataverse';
import { startFakeIdentity } from './fake-identity';
import type { FakeIdentity } from './fake-identity';

export const CLIENT_ID = 'hunter-d365';
export const CLIENT_SECRET = 'd365-s3cret';

export interface D365World {
  dir: string;
  db: string;
  idp: FakeIdentity;
  fake: FakeDataverse;
  /** HUNTER_* variables for a CLI run against this world */
  env(opts?: { secret?: boolean; flag?: boolean }): Record<string, string>;
  seed(domains: string[]): void;
  withStore<T>(fn: (store: Store) => T): T;
  close(): Promise<void>;
}

export async function startD365World(opts: FakeDataverseOptions = {}): Promise<D365World> {
  const idp = await startFakeIdentity({ clients: { [CLIENT_ID]: { secret: CLIENT_SECRET } } });
  const fake = await startFakeDataverse({
    tls: testTls(),
    acceptToken: (t) => idp.verifyAccessToken(t) !== null,
    ...opts,
  });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hunter-d365-'));
  const db = path.join(dir, 'hunter.db');
  const withStore = <T>(fn: (store: Store) => T): T => {
    const store = openStore(db);
    try {
      return fn(store);
    } finally {
      store.close();
    }
  };
  return {
    dir,
    db,
    idp,
    fake,
    env: ({ secret = true, flag = true } = {}) => ({
      HUNTER_D365_URL: fake.url,
      HUNTER_D365_AUTHORITY: idp.authority(idp.tenantId),
      HUNTER_D365_CLIENT_ID: CLIENT_ID,
      ...(secret ? { HUNTER_D365_CLIENT_SECRET: CLIENT_SECRET } : {}),
      ...(flag ? { HUNTER_FLAG_DYNAMICS: 'on' } : {}),
    }),
    seed: (domains) =>
      withStore((store) => {
        for (const [i, domain] of domains.entries()) seedLead(store, { domain, score: 40 + (i % 50) });
      }),
    withStore,
    async close() {
      await fake.close();
      await idp.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

const ENV_KEYS = [
  'HUNTER_D365_URL',
  'HUNTER_D365_AUTHORITY',
  'HUNTER_D365_CLIENT_ID',
  'HUNTER_D365_CLIENT_SECRET',
  'HUNTER_D365_SCOPE',
  'HUNTER_FLAG_DYNAMICS',
];

/** Runs the CLI in this process with exactly these HUNTER_D365_* / flag variables. */
export async function hunter(env: Record<string, string>, ...argv: string[]) {
  const saved = Object.fromEntries(ENV_KEYS.map((k) => [k, process.env[k]]));
  for (const k of ENV_KEYS) delete process.env[k];
  Object.assign(process.env, env);
  const out: string[] = [];
  const err: string[] = [];
  try {
    const code = await runCli(argv, { out: (l) => out.push(l), err: (l) => err.push(l), errIsTty: false });
    return { code, out, err, json: () => out.map((l) => JSON.parse(l) as Record<string, unknown>) };
  } finally {
    for (const k of ENV_KEYS) {
      if (saved[k] === undefined) delete process.env[k];
      else process.env[k] = saved[k];
    }
  }
}
