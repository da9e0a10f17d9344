import { LogLevel, PublicClientApplication } from '@azure/msal-node';
import type { AccountInfo, AuthenticationResult, Configuration, DeviceCodeRequest } from '@azure/msal-node';
import type { SecretStore } from '../../platform/platform';
import { knownAuthoritiesFor } from './authority';
import { signedOut, toAuthAppError } from './auth-errors';
import { secretCachePlugin } from './secret-cache-plugin';
import { timedNetworkClient } from './timed-network-client';
import type { TokenProvider } from './token-provider';

/** A delegated (App+User) sign-in: the rep signs in once, the app then refreshes silently from the cached tokens. */
export interface UserSignInConfig {
  /** the service's name in messages: "Partner Center", "Dynamics 365" */
  service: string;
  /** e.g. https://login.microsoftonline.com/organizations; a non-Microsoft https host works too */
  authority: string;
  clientId: string;
  scopes: string[];
  secrets: SecretStore;
  /** the SecretStore entry holding this sign-in's MSAL cache; one per service */
  cacheKey: string;
  /** per-request deadline towards the identity service */
  requestTimeoutMs?: number;
  /** MSAL's own diagnostics, never with personal data or tokens (PII logging stays off) */
  log?: (level: 'error' | 'warn' | 'info', message: string) => void;
}

/** What the UI may show about the signed-in account; never a token. */
export interface SignedInAccount {
  username: string;
  name: string | null;
  tenantId: string;
}

export interface DeviceCodePrompt {
  /** the identity service's own instruction, naming the address and the code */
  message: string;
  userCode: string;
  verificationUri: string;
  expiresInSec: number;
}

export interface UserSignIn extends TokenProvider {
  signInWithDeviceCode(
    onPrompt: (prompt: DeviceCodePrompt) => void,
    opts?: { signal?: AbortSignal },
  ): Promise<SignedInAccount>;
  /** system browser + loopback redirect on http://localhost; openBrowser gets the sign-in address */
  signInInteractive(
    openBrowser: (url: string) => Promise<void>,
    opts?: { successPage?: string; errorPage?: string },
  ): Promise<SignedInAccount>;
  /** forgets every account and token of this sign-in */
  signOut(): Promise<void>;
  account(): Promise<SignedInAccount | null>;
}

const DEFAULT_REQUEST_TIMEOUT_MS = 30_000;

function toSignedIn(account: AccountInfo): SignedInAccount {
  return { username: account.username, name: account.name ?? null, tenantId: account.tenantId };
}

export function createUserSignIn(config: UserSignInConfig): UserSignIn {
  const { service, scopes } = config;
  const msalConfig: Configuration = {
    auth: {
      clientId: config.clientId,
      authority: config.authority,
      knownAuthorities: knownAuthoritiesFor(config.authority),
    },
    cache: { cachePlugin: secretCachePlugin(config.secrets, config.cacheKey) },
    system: {
      networkClient: timedNetworkClient(config.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS),
      loggerOptions: {
        piiLoggingEnabled: false,
        logLevel: LogLevel.Warning,
        loggerCallback: (level, message, containsPii) => {
          if (containsPii || !config.log) return;
          config.log(level === LogLevel.Error ? 'error' : level === LogLevel.Warning ? 'warn' : 'info', message);
        },
      },
    },
  };
  const app = new PublicClientApplication(msalConfig);
  const cache = app.getTokenCache();

  const currentAccount = async (): Promise<AccountInfo | null> => (await cache.getAllAccounts())[0] ?? null;

  // one account per service: a new sign-in replaces whoever was signed in before
  const keepOnly = async (result: AuthenticationResult | null): Promise<SignedInAccount> => {
    if (!result?.account) throw toAuthAppError(null, service);
    for (const other of await cache.getAllAccounts()) {
      if (other.homeAccountId !== result.account.homeAccountId) await cache.removeAccount(other);
    }
    return toSignedIn(result.account);
  };

  return {
    async getToken(opts = {}) {
      const account = await currentAccount();
      if (!account) throw signedOut(service, 'never');
      try {
        const result = await app.acquireTokenSilent({ account, scopes, forceRefresh: opts.forceRefresh ?? false });
        return result.accessToken;
      } catch (err) {
        throw toAuthAppError(err, service);
      }
    },

    async signInWithDeviceCode(onPrompt, opts = {}) {
      const request: DeviceCodeRequest = {
        scopes,
        deviceCodeCallback: (r) =>
          onPrompt({
            // some identity servers send no ready-made instruction
            message: r.message || `To sign in, open ${r.verificationUri} and enter the code ${r.userCode}.`,
            userCode: r.userCode,
            verificationUri: r.verificationUri,
            expiresInSec: r.expiresIn,
          }),
      };
      // MSAL checks this flag between polls
      const cancel = () => (request.cancel = true);
      opts.signal?.addEventListener('abort', cancel, { once: true });
      try {
        return await keepOnly(await app.acquireTokenByDeviceCode(request));
      } catch (err) {
        throw toAuthAppError(err, service);
      } finally {
        opts.signal?.removeEventListener('abort', cancel);
      }
    },

    async signInInteractive(openBrowser, opts = {}) {
      try {
        const result = await app.acquireTokenInteractive({
          scopes,
          openBrowser,
          successTemplate: opts.successPage,
          errorTemplate: opts.errorPage,
        });
        return await keepOnly(result);
      } catch (err) {
        throw toAuthAppError(err, service);
      }
    },

    async signOut() {
      for (const account of await cache.getAllAccounts()) await cache.removeAccount(account);
      config.secrets.delete(config.cacheKey);
    },

    async account() {
      const account = await currentAccount();
      return account ? toSignedIn(account) : null;
    },
  };
}
