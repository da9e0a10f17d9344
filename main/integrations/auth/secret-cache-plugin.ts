import type { ICachePlugin, TokenCacheContext } from '@azure/msal-node';
import type { SecretStore } from '../../platform/platform';

/**
 * MSAL's token cache kept in the SecretStore under one name, so refresh tokens are only ever on disk encrypted.
 * Read before every MSAL cache access and written back only when MSAL changed it.
 */
export function secretCachePlugin(secrets: SecretStore, name: string): ICachePlugin {
  return {
    async beforeCacheAccess(ctx: TokenCacheContext) {
      ctx.tokenCache.deserialize(secrets.get(name) ?? '{}');
    },
    async afterCacheAccess(ctx: TokenCacheContext) {
      if (ctx.cacheHasChanged) secrets.set(name, ctx.tokenCache.serialize());
    },
  };
}
