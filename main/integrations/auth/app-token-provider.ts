import { ConfidentialClientApplication, LogLevel } from '@azure/msal-node';
import { AppError } from '../../core/app-error';
import { knownAuthoritiesFor } from './authority';
import { toAuthAppError } from './auth-errors';
import { timedNetworkClient } from './timed-network-client';
import type { TokenProvider } from './token-provider';

/**
 * An app-only sign-in (client credentials) for services that allow one, e.g. a Dataverse application user. The
 * secret comes from the caller (kept in the SecretStore); MSAL keeps the access token in memory only, since a new
 * one can always be had with the secret.
 */
export interface AppTokenConfig {
  service: string;
  authority: string;
  clientId: string;
  clientSecret: string;
  /** usually the resource's "/.default" scope */
  scopes: string[];
  requestTimeoutMs?: number;
}

export function createAppTokenProvider(config: AppTokenConfig): TokenProvider {
  const app = new ConfidentialClientApplication({
    auth: {
      clientId: config.clientId,
      authority: config.authority,
      clientSecret: config.clientSecret,
      knownAuthorities: knownAuthoritiesFor(config.authority),
    },
    system: {
      networkClient: timedNetworkClient(config.requestTimeoutMs ?? 30_000),
      loggerOptions: { piiLoggingEnabled: false, logLevel: LogLevel.Error, loggerCallback: () => {} },
    },
  });
  return {
    async getToken(opts = {}) {
      try {
        const result = await app.acquireTokenByClientCredential({
          scopes: config.scopes,
          skipCache: opts.forceRefresh ?? false,
        });
        if (!result) throw new AppError('auth_failed', `${config.service} sign-in returned no token.`);
        return result.accessToken;
      } catch (err) {
        throw toAuthAppError(err, config.service);
      }
    },
  };
}
