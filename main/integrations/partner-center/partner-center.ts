import { AppError } from '../../core/app-error';
import type { Flags } from '../../flags/flags';
import type { SecretStore } from '../../platform/platform';
import type { Store } from '../../store/db';
import { createUserSignIn } from '../auth/user-sign-in';
import type { UserSignIn } from '../auth/user-sign-in';
import { loadConsumerDomains } from './consumer-domains';
import { loadPcConfig } from './pc-config';
import type { PcConfig } from './pc-config';
import { createReferralsClient } from './referrals-client';
import type { ReferralsClient } from './referrals-client';

/** The one SecretStore entry holding the Partner Center MSAL cache. */
export const PC_CACHE_KEY = 'partner_center.msal_cache';

export interface PartnerCenterDeps {
  store: Store;
  secrets: SecretStore;
  flags: Flags;
  resources: string;
  env?: NodeJS.ProcessEnv;
  /** MSAL diagnostics (no PII, no tokens) */
  log?: (level: 'error' | 'warn' | 'info', message: string) => void;
}

/**
 * The Partner Center feature's pieces built from the current settings: the sign-in and the API client are made
 * afresh for each use, so a changed authority, client id or API address applies without a restart.
 */
export interface PartnerCenter {
  config(): PcConfig;
  consumerDomains: ReadonlySet<string>;
  /** AppError('flag_off') when the partner_center flag is off */
  assertEnabled(): void;
  signIn(): UserSignIn;
  client(): ReferralsClient;
}

export function createPartnerCenter(deps: PartnerCenterDeps): PartnerCenter {
  const env = deps.env ?? process.env;
  const consumerDomains = loadConsumerDomains(deps.resources);
  const config = () => loadPcConfig(deps.resources, deps.store.settings, env);
  const signIn = () => {
    const { connection } = config();
    if (!connection.client_id)
      throw new AppError(
        'not_configured',
        'Partner Center is not configured: set the application (client) id in Settings or HUNTER_PC_CLIENT_ID.',
      );
    return createUserSignIn({
      service: 'Partner Center',
      authority: connection.authority,
      clientId: connection.client_id,
      scopes: [connection.scope],
      secrets: deps.secrets,
      cacheKey: PC_CACHE_KEY,
      log: deps.log,
    });
  };
  return {
    config,
    consumerDomains,
    assertEnabled() {
      if (!deps.flags.isOn('partner_center'))
        throw new AppError(
          'flag_off',
          'Partner Center is switched off: turn it on in Settings, or set HUNTER_FLAG_PARTNER_CENTER=on.',
        );
    },
    signIn,
    client() {
      const { connection, retry } = config();
      return createReferralsClient({ apiUrl: connection.api_url, tokens: signIn(), retry });
    },
  };
}
