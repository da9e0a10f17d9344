// A local https identity server that answers MSAL Node the way Entra ID does, for the sign-in flows Hunter uses:
// OIDC and instance discovery, device code (pending until the test approves), authorization code with PKCE (the
// loopback flow), refresh tokens and client credentials. Tokens are opaque random strings the fake remembers, so a
// fake API server can ask it whether a bearer token is valid, and tests can expire or revoke them.
import crypto from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { readBody, sendJson, startHttpsServer } from './tls/test-tls';

export interface FakeUser {
  username: string;
  name: string;
  oid: string;
}

export interface IssuedAccessToken {
  token: string;
  clientId: string;
  scopes: string[];
  /** null for app-only tokens */
  username: string | null;
  expiresAt: number;
}

export interface FakeIdentityOptions {
  /** public clients (no secret) and confidential ones (with their secret) */
  clients?: Record<string, { secret?: string }>;
  users?: FakeUser[];
  /** lifetime of issued access tokens; MSAL treats one with under 5 minutes left as expired */
  accessTokenLifetimeSec?: number;
  /** the polling interval the device code answer asks for */
  deviceCodePollSec?: number;
}

export interface FakeIdentity {
  url: string;
  /**
   * Plays the system browser for an interactive sign-in: opens the sign-in address, the "user" signs in at once, and
   * the answer goes back to the app's loopback listener (posted as a form, or as a redirect).
   */
  browse(signInUrl: string): Promise<void>;
  tenantId: string;
  /** an authority for MSAL: https://127.0.0.1:PORT/<tenant> */
  authority(tenant?: string): string;
  /** device codes asked for so far, newest last */
  readonly deviceCodes: { userCode: string; approved: boolean }[];
  /** lets the device code with this user code (default: the newest) complete as this user (default: the first) */
  approveDeviceCode(userCode?: string, username?: string): void;
  /** resolves with the next device code prompt's user code */
  nextDeviceCode(): Promise<string>;
  /** token requests by grant type, in order */
  readonly grants: string[];
  /** a bearer token this server issued, still valid and not revoked; null otherwise */
  verifyAccessToken(token: string): IssuedAccessToken | null;
  /** every token string issued so far (access, refresh, id), to check none leaks */
  issuedSecrets(): string[];
  setAccessTokenLifetime(sec: number): void;
  /** access tokens issued so far stop working at the API (MSAL still believes them valid) */
  revokeAccessTokens(): void;
  /** refresh tokens issued so far are refused with invalid_grant, as after 90 days idle or a password reset */
  expireRefreshTokens(): void;
  stop(): Promise<void>;
}

const b64url = (value: string | Buffer) => Buffer.from(value).toString('base64url');
const random = (prefix: string) => `${prefix}.${crypto.randomBytes(24).toString('base64url')}`;
const OIDC_SCOPES = new Set(['openid', 'profile', 'offline_access', 'email']);

export async function startFakeIdentity(opts: FakeIdentityOptions = {}): Promise<FakeIdentity> {
  const tenantId = '72f988bf-0000-4000-8000-00000000aaaa';
  const clients = opts.clients ?? { 'hunter-test-client': {} };
  const users = opts.users ?? [{ username: 'rep@contoso.example', name: 'Ayşe Yılmaz', oid: crypto.randomUUID() }];
  let accessTokenLifetimeSec = opts.accessTokenLifetimeSec ?? 3600;
  const pollSec = opts.deviceCodePollSec ?? 0.05;

  const accessTokens = new Map<string, IssuedAccessToken & { revoked: boolean }>();
  const refreshTokens = new Map<string, { clientId: string; user: FakeUser; scopes: string[]; expired: boolean }>();
  const idTokens: string[] = [];
  const deviceCodes = new Map<
    string,
    { userCode: string; clientId: string; scopes: string[]; user: FakeUser | null }
  >();
  const deviceCodeList: { userCode: string; approved: boolean }[] = [];
  const authCodes = new Map<
    string,
    { clientId: string; scopes: string[]; redirectUri: string; challenge: string; nonce?: string; user: FakeUser }
  >();
  const deviceCodeWaiters: ((userCode: string) => void)[] = [];
  const grants: string[] = [];
  let base = '';

  const idToken = (clientId: string, user: FakeUser, nonce?: string) => {
    const now = Math.floor(Date.now() / 1000);
    const claims = {
      aud: clientId,
      iss: `${base}/${tenantId}/v2.0`,
      iat: now,
      nbf: now,
      exp: now + 3600,
      name: user.name,
      preferred_username: user.username,
      oid: user.oid,
      sub: user.oid,
      tid: tenantId,
      ver: '2.0',
      ...(nonce ? { nonce } : {}),
    };
    const token = [
      b64url(JSON.stringify({ alg: 'RS256', typ: 'JWT' })),
      b64url(JSON.stringify(claims)),
      b64url('sig'),
    ].join('.');
    idTokens.push(token);
    return token;
  };

  const issueAccessToken = (clientId: string, scopes: string[], user: FakeUser | null) => {
    const token = random('at');
    const expiresAt = Date.now() + accessTokenLifetimeSec * 1000;
    accessTokens.set(token, { token, clientId, scopes, username: user?.username ?? null, expiresAt, revoked: false });
    return token;
  };

  const userTokens = (clientId: string, requested: string[], user: FakeUser, nonce?: string) => {
    const scopes = requested.filter((s) => !OIDC_SCOPES.has(s));
    const refresh = random('rt');
    refreshTokens.set(refresh, { clientId, user, scopes, expired: false });
    return {
      token_type: 'Bearer',
      scope: scopes.join(' '),
      expires_in: accessTokenLifetimeSec,
      ext_expires_in: accessTokenLifetimeSec,
      access_token: issueAccessToken(clientId, scopes, user),
      refresh_token: refresh,
      id_token: idToken(clientId, user, nonce),
      client_info: b64url(JSON.stringify({ uid: user.oid, utid: tenantId })),
    };
  };

  const oauthError = (res: ServerResponse, status: number, error: string, description: string) =>
    sendJson(res, status, {
      error,
      error_description: description,
      error_codes: [],
      timestamp: new Date().toISOString(),
      trace_id: crypto.randomUUID(),
      correlation_id: crypto.randomUUID(),
    });

  const tokenEndpoint = (form: URLSearchParams, res: ServerResponse) => {
    const grant = form.get('grant_type') ?? '';
    grants.push(grant);
    const clientId = form.get('client_id') ?? '';
    const client = clients[clientId];
    if (!client)
      return oauthError(res, 400, 'unauthorized_client', `AADSTS700016: Application '${clientId}' was not found.`);
    const scopes = (form.get('scope') ?? '').split(' ').filter(Boolean);
    if (grant === 'client_credentials') {
      if (!client.secret || form.get('client_secret') !== client.secret)
        return oauthError(res, 401, 'invalid_client', 'AADSTS7000215: Invalid client secret provided.');
      return sendJson(res, 200, {
        token_type: 'Bearer',
        expires_in: accessTokenLifetimeSec,
        ext_expires_in: accessTokenLifetimeSec,
        access_token: issueAccessToken(clientId, scopes, null),
      });
    }
    // MSAL sends the short name, the RFC 8628 clients the URN; Entra ID takes both
    if (grant === 'device_code' || grant === 'urn:ietf:params:oauth:grant-type:device_code') {
      const entry = deviceCodes.get(form.get('device_code') ?? '');
      if (!entry || entry.clientId !== clientId)
        return oauthError(res, 400, 'expired_token', 'AADSTS70019: Verification code expired.');
      if (!entry.user)
        return oauthError(res, 400, 'authorization_pending', 'AADSTS70016: Pending end-user authorization.');
      deviceCodes.delete(form.get('device_code')!);
      return sendJson(res, 200, userTokens(clientId, entry.scopes, entry.user));
    }
    if (grant === 'refresh_token') {
      const entry = refreshTokens.get(form.get('refresh_token') ?? '');
      if (!entry || entry.expired || entry.clientId !== clientId)
        return oauthError(res, 400, 'invalid_grant', 'AADSTS700082: The refresh token has expired due to inactivity.');
      return sendJson(res, 200, userTokens(clientId, scopes.length ? scopes : entry.scopes, entry.user));
    }
    if (grant === 'authorization_code') {
      const entry = authCodes.get(form.get('code') ?? '');
      authCodes.delete(form.get('code') ?? '');
      const verifier = form.get('code_verifier') ?? '';
      const challenge = crypto.createHash('sha256').update(verifier).digest('base64url');
      if (!entry || entry.clientId !== clientId || entry.redirectUri !== form.get('redirect_uri'))
        return oauthError(res, 400, 'invalid_grant', 'AADSTS70000: The provided authorization code is invalid.');
      if (challenge !== entry.challenge)
        return oauthError(res, 400, 'invalid_grant', 'AADSTS501481: The Code_Verifier does not match the challenge.');
      return sendJson(res, 200, userTokens(clientId, entry.scopes, entry.user, entry.nonce));
    }
    return oauthError(res, 400, 'unsupported_grant_type', `AADSTS70003: grant type ${grant} is not supported.`);
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', base);
    const parts = url.pathname.split('/').filter(Boolean);
    const tenant = parts[0] ?? '';
    const rest = parts.slice(1).join('/');
    if (url.pathname === '/common/discovery/instance') {
      const host = new URL(base).host;
      return sendJson(res, 200, {
        tenant_discovery_endpoint: `${base}/${tenant}/v2.0/.well-known/openid-configuration`,
        'api-version': '1.1',
        metadata: [{ preferred_network: host, preferred_cache: host, aliases: [host] }],
      });
    }
    if (req.method === 'GET' && rest === 'v2.0/.well-known/openid-configuration') {
      return sendJson(res, 200, {
        issuer: `${base}/{tenantid}/v2.0`,
        authorization_endpoint: `${base}/${tenant}/oauth2/v2.0/authorize`,
        token_endpoint: `${base}/${tenant}/oauth2/v2.0/token`,
        device_authorization_endpoint: `${base}/${tenant}/oauth2/v2.0/devicecode`,
        end_session_endpoint: `${base}/${tenant}/oauth2/v2.0/logout`,
        jwks_uri: `${base}/${tenant}/discovery/v2.0/keys`,
        response_types_supported: ['code', 'id_token', 'code id_token', 'id_token token'],
        scopes_supported: ['openid', 'profile', 'email', 'offline_access'],
        token_endpoint_auth_methods_supported: ['client_secret_post', 'private_key_jwt', 'client_secret_basic'],
        subject_types_supported: ['pairwise'],
        id_token_signing_alg_values_supported: ['RS256'],
        tenant_region_scope: null,
        cloud_instance_name: new URL(base).host,
      });
    }
    if (req.method === 'GET' && rest === 'oauth2/v2.0/authorize') {
      // the "user" signs in at once; the browser is sent back to the loopback address with a one-time code
      const q = url.searchParams;
      const redirectUri = q.get('redirect_uri') ?? '';
      if (!clients[q.get('client_id') ?? ''] || !/^http:\/\/(localhost|127\.0\.0\.1)(:\d+)?(\/|$)/.test(redirectUri)) {
        res.writeHead(400).end('bad authorize request');
        return;
      }
      if (q.get('code_challenge_method') !== 'S256' || !q.get('code_challenge')) {
        res.writeHead(400).end('PKCE is required');
        return;
      }
      const code = random('code');
      authCodes.set(code, {
        clientId: q.get('client_id')!,
        scopes: (q.get('scope') ?? '').split(' ').filter(Boolean),
        redirectUri,
        challenge: q.get('code_challenge')!,
        nonce: q.get('nonce') ?? undefined,
        user: users[0],
      });
      const answer: Record<string, string> = {
        code,
        ...(q.get('state') ? { state: q.get('state')! } : {}),
        client_info: b64url(JSON.stringify({ uid: users[0].oid, utid: tenantId })),
      };
      if (q.get('response_mode') === 'form_post') {
        // what Entra ID sends the browser: a form that posts itself to the redirect address
        const inputs = Object.entries(answer)
          .map(([k, v]) => `<input type="hidden" name="${k}" value="${v}">`)
          .join('');
        res.writeHead(200, { 'content-type': 'text/html' });
        res.end(
          `<form method="post" action="${redirectUri}">${inputs}</form><script>document.forms[0].submit()</script>`,
        );
        return;
      }
      const back = new URL(redirectUri);
      for (const [k, v] of Object.entries(answer)) back.searchParams.set(k, v);
      res.writeHead(302, { location: back.toString() }).end();
      return;
    }
    if (req.method === 'POST' && (rest === 'oauth2/v2.0/devicecode' || rest === 'oauth2/v2.0/token')) {
      const form = new URLSearchParams(await readBody(req));
      if (rest === 'oauth2/v2.0/token') return tokenEndpoint(form, res);
      const clientId = form.get('client_id') ?? '';
      if (!clients[clientId])
        return oauthError(res, 400, 'unauthorized_client', `AADSTS700016: Application '${clientId}' was not found.`);
      const deviceCode = random('dc');
      const userCode = crypto.randomBytes(5).toString('hex').toUpperCase().slice(0, 9);
      deviceCodes.set(deviceCode, {
        userCode,
        clientId,
        scopes: (form.get('scope') ?? '').split(' ').filter(Boolean),
        user: null,
      });
      deviceCodeList.push({ userCode, approved: false });
      for (const waiter of deviceCodeWaiters.splice(0)) waiter(userCode);
      const verification = `${base}/devicelogin`;
      return sendJson(res, 200, {
        user_code: userCode,
        device_code: deviceCode,
        verification_uri: verification,
        expires_in: 900,
        interval: pollSec,
        message: `To sign in, use a web browser to open the page ${verification} and enter the code ${userCode} to authenticate.`,
      });
    }
    res.writeHead(404).end();
  };

  const server = await startHttpsServer(handle);
  base = server.url;

  return {
    url: base,
    tenantId,
    authority: (tenant = 'organizations') => `${base}/${tenant}`,
    async browse(signInUrl) {
      const page = await fetch(signInUrl, { redirect: 'manual' });
      const html = await page.text();
      if (page.status === 302) {
        await fetch(page.headers.get('location')!);
        return;
      }
      const action = /action="([^"]+)"/.exec(html)?.[1];
      if (page.status !== 200 || !action)
        throw new Error(`sign-in page answered ${page.status}: ${html.slice(0, 200)}`);
      const form = new URLSearchParams();
      for (const m of html.matchAll(/name="([^"]+)" value="([^"]*)"/g)) form.set(m[1], m[2]);
      await fetch(action, { method: 'POST', body: form });
    },
    deviceCodes: deviceCodeList,
    approveDeviceCode(userCode, username) {
      const user = username ? users.find((u) => u.username === username) : users[0];
      if (!user) throw new Error(`no fake user ${username}`);
      const code = userCode ?? deviceCodeList.at(-1)?.userCode;
      for (const entry of deviceCodes.values()) {
        if (entry.userCode === code) entry.user = user;
      }
      for (const listed of deviceCodeList) if (listed.userCode === code) listed.approved = true;
    },
    nextDeviceCode: () => new Promise((resolve) => deviceCodeWaiters.push(resolve)),
    grants,
    verifyAccessToken(token) {
      const entry = accessTokens.get(token);
      if (!entry || entry.revoked || entry.expiresAt <= Date.now()) return null;
      return entry;
    },
    issuedSecrets: () => [...accessTokens.keys(), ...refreshTokens.keys(), ...idTokens],
    setAccessTokenLifetime(sec) {
      accessTokenLifetimeSec = sec;
    },
    revokeAccessTokens() {
      for (const entry of accessTokens.values()) entry.revoked = true;
    },
    expireRefreshTokens() {
      for (const entry of refreshTokens.values()) entry.expired = true;
    },
    stop: server.stop,
  };
}
