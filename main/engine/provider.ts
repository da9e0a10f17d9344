import type { ProviderInfo, TenantSize } from '../../shared/domain';
import type { HunterConfig } from '../config/load';
import type { ProviderEntry } from '../config/schemas';
import { canonicalHost } from './dns/names';
import { isHostUnder, mxRoot } from './mx-root';

export interface ProviderInput {
  /** sorted by preference; the first is the primary */
  mx_records: string[];
  dkim_tenant: string | null;
}

const compiled = new Map<string, RegExp>();
function regex(source: string): RegExp {
  let re = compiled.get(source);
  if (!re) compiled.set(source, (re = new RegExp(source)));
  return re;
}

function tenantSize(entry: ProviderEntry, host: string): TenantSize | null {
  const rule = entry.tenant_size_rules?.find((r) =>
    'host_suffix' in r ? isHostUnder(host, r.host_suffix) : regex(r.host_regex).test(host),
  );
  return rule?.size ?? entry.tenant_size_default ?? null;
}

function localProvider(entry: ProviderEntry, host: string): string | null {
  const hit = Object.entries(entry.local_providers ?? {}).find(([suffix]) => isHostUnder(host, suffix));
  return hit ? hit[1] : null;
}

/** Provider from the primary MX host, matched by whole-label suffix against providers.json mx_roots. */
export function detectProvider(
  input: ProviderInput,
  config: Pick<HunterConfig, 'providers' | 'mxRootSuffixes'>,
): ProviderInfo {
  const { providers, no_mx_provider, unmatched_provider } = config.providers;
  const primary = input.mx_records.map(canonicalHost).find(Boolean);
  if (!primary) {
    return {
      provider: no_mx_provider,
      mx_root: null,
      local_provider: null,
      tenant_size: null,
      tenant_name: input.dkim_tenant,
    };
  }
  const entry =
    providers.find((p) => p.mx_roots.some((root) => isHostUnder(primary, root))) ??
    (providers.find((p) => p.name === unmatched_provider) as ProviderEntry);
  return {
    provider: entry.name,
    mx_root: mxRoot(primary, config.mxRootSuffixes),
    local_provider: localProvider(entry, primary),
    tenant_size: tenantSize(entry, primary),
    tenant_name: input.dkim_tenant,
  };
}
