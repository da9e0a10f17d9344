// A signed-in Partner Center setup for tests: fake identity + fake Partner Center on https, and a real MSAL sign-in
// (device code, approved at once) whose cache lives in a temp folder's secret store.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createUserSignIn } from '../../main/integrations/auth/user-sign-in';
import type { UserSignIn } from '../../main/integrations/auth/user-sign-in';
import { createNodeSecretStore, secretFilesBeside } from '../../main/platform/node-secret-store';
import { startFakeIdentity } from './fake-identity';
import type { FakeIdentity } from './fake-identity';
import { startFakePartnerCenter } from './fake-partner-center';
import type { FakePartnerCenter, FakePartnerCenterOptions } from './fake-partner-center';

export const PC_CLIENT_ID = 'hunter-pc-test';
export const PC_SCOPE = 'https://api.partner.microsoft.com/.default';
export const PC_CACHE_KEY = 'partner_center.msal_cache';

export interface PartnerCenterHarness {
  idp: FakeIdentity;
  pc: FakePartnerCenter;
  /** folder for the database and the secret files */
  dir: string;
  dbPath: string;
  signIn: UserSignIn;
  /** environment for a CLI process against these fakes */
  env: Record<string, string>;
  stop(): Promise<void>;
}

export function signInFor(idp: FakeIdentity, dbPath: string): UserSignIn {
  return createUserSignIn({
    service: 'Partner Center',
    authority: idp.authority(),
    clientId: PC_CLIENT_ID,
    scopes: [PC_SCOPE],
    secrets: createNodeSecretStore(secretFilesBeside(dbPath)),
    cacheKey: PC_CACHE_KEY,
  });
}

export async function startPartnerCenterHarness(
  opts: Omit<FakePartnerCenterOptions, 'identity'> & { signedIn?: boolean } = {},
): Promise<PartnerCenterHarness> {
  const idp = await startFakeIdentity({ clients: { [PC_CLIENT_ID]: {} } });
  const pc = await startFakePartnerCenter({ ...opts, identity: idp });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hunter-pc-'));
  const dbPath = path.join(dir, 'hunter.db');
  const signIn = signInFor(idp, dbPath);
  if (opts.signedIn !== false) {
    await signIn.signInWithDeviceCode((p) => setTimeout(() => idp.approveDeviceCode(p.userCode), 20));
  }
  return {
    idp,
    pc,
    dir,
    dbPath,
    signIn,
    env: {
      HUNTER_PC_AUTHORITY: idp.authority(),
      HUNTER_PC_CLIENT_ID: PC_CLIENT_ID,
      HUNTER_PC_SCOPE: PC_SCOPE,
      HUNTER_PC_API_URL: pc.url,
      HUNTER_FLAG_PARTNER_CENTER: 'on',
    },
    async stop() {
      await pc.stop();
      await idp.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
