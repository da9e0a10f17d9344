import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../main/core/app-error';
import { createAppTokenProvider } from '../../main/integrations/auth/app-token-provider';
import { createUserSignIn } from '../../main/integrations/auth/user-sign-in';
import type { UserSignIn } from '../../main/integrations/auth/user-sign-in';
import { createNodeSecretStore, secretFilesBeside } from '../../main/platform/node-secret-store';
import type { SecretStore } from '../../main/platform/platform';
import { startFakeIdentity } from '../support/fake-identity';
import type { FakeIdentity } from '../support/fake-identity';

const CLIENT_ID = 'hunter-test-client';
const SCOPE = 'https://api.partner.microsoft.com/.default';
const CACHE_KEY = 'partner_center.msal_cache';

let idp: FakeIdentity;
let dir: string;
let secrets: SecretStore;
let logs: string[];

beforeAll(async () => {
  idp = await startFakeIdentity({
    clients: { [CLIENT_ID]: {}, 'hunter-daemon': { secret: 'daemon-secret-value' } },
  });
});
afterAll(() => idp.stop());

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hunter-auth-'));
  secrets = createNodeSecretStore(secretFilesBeside(path.join(dir, 'hunter.db')));
  logs = [];
  idp.setAccessTokenLifetime(3600);
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

function signInFor(overrides: Partial<Parameters<typeof createUserSignIn>[0]> = {}): UserSignIn {
  return createUserSignIn({
    service: 'Partner Center',
    authority: idp.authority(),
    clientId: CLIENT_ID,
    scopes: [SCOPE],
    secrets,
    cacheKey: CACHE_KEY,
    log: (level, message) => logs.push(`${level} ${message}`),
    ...overrides,
  });
}

/** Device code sign-in where the "user" approves as soon as the code is shown. */
async function signInByDeviceCode(signIn: UserSignIn) {
  const prompts: string[] = [];
  const result = await signIn.signInWithDeviceCode((p) => {
    prompts.push(p.message);
    setTimeout(() => idp.approveDeviceCode(p.userCode), 150);
  });
  return { result, prompts };
}

async function expectAppError(promise: Promise<unknown>, code: string): Promise<AppError> {
  const err = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  expect((err as AppError).code).toBe(code);
  return err as AppError;
}

function expectNoTokenIn(text: string) {
  for (const secret of idp.issuedSecrets()) expect(text).not.toContain(secret);
}

describe('delegated sign-in against a non-Microsoft https authority', () => {
  it('signs in by device code: the prompt names the address and the code, polling waits for approval', async () => {
    const signIn = signInFor();
    const grantsBefore = idp.grants.length;
    const { result, prompts } = await signInByDeviceCode(signIn);

    const code = idp.deviceCodes.at(-1)!.userCode;
    expect(prompts).toHaveLength(1);
    expect(prompts[0]).toContain(`${idp.url}/devicelogin`);
    expect(prompts[0]).toContain(code);
    expect(result).toEqual({ username: 'rep@contoso.example', name: 'Ayşe Yılmaz', tenantId: idp.tenantId });
    const polls = idp.grants.slice(grantsBefore);
    expect(polls.length).toBeGreaterThan(1); // at least one authorization_pending answer before approval
    expect(new Set(polls)).toEqual(new Set(['device_code']));

    const token = await signIn.getToken();
    expect(idp.verifyAccessToken(token)?.username).toBe('rep@contoso.example');
    expect(await signIn.account()).toEqual(result);
  });

  it('answers from the cache without calling the identity service while the access token is fresh', async () => {
    const signIn = signInFor();
    await signInByDeviceCode(signIn);
    const grants = idp.grants.length;
    const first = await signIn.getToken();
    expect(await signIn.getToken()).toBe(first);
    expect(idp.grants.length).toBe(grants);
  });

  it('keeps the sign-in across restarts: a new instance over the same secret store gets a token silently', async () => {
    await signInByDeviceCode(signInFor());
    const restarted = signInFor();
    expect((await restarted.account())?.username).toBe('rep@contoso.example');
    expect(idp.verifyAccessToken(await restarted.getToken())).not.toBeNull();
  });

  it('refreshes silently with the refresh token once the access token is about to expire', async () => {
    // MSAL renews a token with under five minutes left
    idp.setAccessTokenLifetime(120);
    const signIn = signInFor();
    await signInByDeviceCode(signIn);
    const grants = idp.grants.length;
    const token = await signIn.getToken();
    expect(idp.grants.slice(grants)).toEqual(['refresh_token']);
    expect(idp.verifyAccessToken(token)).not.toBeNull();
  });

  it('gets a new token on forceRefresh after the API refused a revoked one', async () => {
    const signIn = signInFor();
    await signInByDeviceCode(signIn);
    const old = await signIn.getToken();
    idp.revokeAccessTokens();
    expect(idp.verifyAccessToken(old)).toBeNull();
    expect(await signIn.getToken()).toBe(old); // MSAL cannot know; the API's 401 is what triggers the refresh

    const fresh = await signIn.getToken({ forceRefresh: true });
    expect(fresh).not.toBe(old);
    expect(idp.verifyAccessToken(fresh)).not.toBeNull();
    expect(idp.grants.at(-1)).toBe('refresh_token');
  });

  it('reports signed_out, without any token in the message, when the refresh token has expired', async () => {
    const signIn = signInFor();
    await signInByDeviceCode(signIn);
    idp.expireRefreshTokens();
    const err = await expectAppError(signIn.getToken({ forceRefresh: true }), 'signed_out');
    expect(err.message).toMatch(/sign in again/);
    expectNoTokenIn(`${err.message} ${JSON.stringify(err.details ?? null)} ${err.stack}`);
  });

  it('reports signed_out when nobody has signed in', async () => {
    const err = await expectAppError(signInFor().getToken(), 'signed_out');
    expect(err.message).toMatch(/Not signed in to Partner Center/);
  });

  it('signs out: the account and the stored cache are gone, also for a later instance', async () => {
    const signIn = signInFor();
    await signInByDeviceCode(signIn);
    expect(secrets.get(CACHE_KEY)).not.toBeNull();
    await signIn.signOut();
    expect(await signIn.account()).toBeNull();
    expect(secrets.get(CACHE_KEY)).toBeNull();
    await expectAppError(signIn.getToken(), 'signed_out');
    await expectAppError(signInFor().getToken(), 'signed_out');
  });

  it('keeps only the newest account when someone else signs in', async () => {
    const idp2 = await startFakeIdentity({
      clients: { [CLIENT_ID]: {} },
      users: [
        { username: 'first@contoso.example', name: 'First', oid: '00000000-0000-4000-8000-000000000001' },
        { username: 'second@contoso.example', name: 'Second', oid: '00000000-0000-4000-8000-000000000002' },
      ],
    });
    try {
      const signIn = signInFor({ authority: idp2.authority() });
      for (const user of ['first@contoso.example', 'second@contoso.example']) {
        await signIn.signInWithDeviceCode((p) => setTimeout(() => idp2.approveDeviceCode(p.userCode, user), 50));
      }
      expect((await signIn.account())?.username).toBe('second@contoso.example');
      expect(idp2.verifyAccessToken(await signIn.getToken())?.username).toBe('second@contoso.example');
    } finally {
      await idp2.stop();
    }
  });

  it('stores the token cache only encrypted, in owner-only files', async () => {
    const signIn = signInFor();
    await signInByDeviceCode(signIn);
    await signIn.getToken({ forceRefresh: true });
    const files = secretFilesBeside(path.join(dir, 'hunter.db'));
    for (const file of [files.secretsFile, files.keyFile]) {
      expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    }
    const onDisk = fs.readFileSync(files.secretsFile, 'utf8');
    expect(JSON.parse(onDisk)[CACHE_KEY]).toMatch(/^\$aes256gcm:/);
    expectNoTokenIn(onDisk);
    expect(onDisk).not.toContain('rep@contoso.example');
    expect(idp.issuedSecrets().length).toBeGreaterThan(3);
  });

  it('signs in through the browser and the loopback redirect (authorization code with PKCE)', async () => {
    const signIn = signInFor();
    const opened: string[] = [];
    const account = await signIn.signInInteractive(async (url) => {
      opened.push(url);
      void idp.browse(url);
    });
    expect(new URL(opened[0]).origin).toBe(idp.url);
    expect(new URL(opened[0]).searchParams.get('code_challenge_method')).toBe('S256');
    expect(account.username).toBe('rep@contoso.example');
    expect(idp.grants.at(-1)).toBe('authorization_code');
    expect(idp.verifyAccessToken(await signIn.getToken())).not.toBeNull();
  });

  it('fails with auth_failed, naming the error code, for an unknown client id', async () => {
    const err = await expectAppError(
      signInFor({ clientId: 'not-registered' }).signInWithDeviceCode(() => {}),
      'auth_failed',
    );
    expect(err.message).toContain('Partner Center sign-in failed');
  });

  it('fails with auth_unreachable when the identity service does not answer', async () => {
    const gone = await startFakeIdentity();
    const authority = gone.authority();
    await gone.stop();
    await expectAppError(
      signInFor({ authority }).signInWithDeviceCode(() => {}),
      'auth_unreachable',
    );
  });

  it('stops polling with auth_cancelled when the sign-in is aborted', async () => {
    const abort = new AbortController();
    const pending = signInFor().signInWithDeviceCode(() => setTimeout(() => abort.abort(), 100), {
      signal: abort.signal,
    });
    await expectAppError(pending, 'auth_cancelled');
  });

  it('never writes a token to the log', async () => {
    idp.setAccessTokenLifetime(120);
    const signIn = signInFor();
    await signInByDeviceCode(signIn);
    await signIn.getToken();
    idp.expireRefreshTokens();
    await signIn.getToken({ forceRefresh: true }).catch(() => {});
    expectNoTokenIn(logs.join('\n'));
  });
});

describe('app-only sign-in (client credentials)', () => {
  const appConfig = {
    service: 'Dynamics 365',
    clientId: 'hunter-daemon',
    scopes: ['https://org.crm4.dynamics.com/.default'],
  };

  it('gets an app token with the client secret, cached until forceRefresh', async () => {
    const provider = createAppTokenProvider({
      ...appConfig,
      authority: idp.authority(idp.tenantId),
      clientSecret: 'daemon-secret-value',
    });
    const token = await provider.getToken();
    expect(idp.verifyAccessToken(token)).toMatchObject({ clientId: 'hunter-daemon', username: null });
    expect(await provider.getToken()).toBe(token);
    const fresh = await provider.getToken({ forceRefresh: true });
    expect(fresh).not.toBe(token);
    expect(idp.grants.at(-1)).toBe('client_credentials');
  });

  it('fails with auth_failed (invalid_client) for a wrong secret, without echoing the secret', async () => {
    const provider = createAppTokenProvider({
      ...appConfig,
      authority: idp.authority(idp.tenantId),
      clientSecret: 'wrong-secret',
    });
    const err = await expectAppError(provider.getToken(), 'auth_failed');
    expect(err.message).toContain('invalid_client');
    expect(err.message).not.toContain('wrong-secret');
  });
});
