import { z } from 'zod';
import { FLAG_NAMES } from '../../shared/flags';
import type { FlagName } from '../../shared/flags';
import { rulesSchema, type ScoringRules } from '../engine/scoring/rules-schema';
import { appFiles } from '../platform/app-files';
import { AlertRulesSchema } from '../ops/alerts/rules';
import type { AlertRules } from '../ops/alerts/rules';
import { loadResource } from './resource-loader';
import {
  dkimSelectorsSchema,
  providerLabelsSchema,
  mxRootSuffixesSchema,
  providersSchema,
  whoisSchema,
  type ProviderLabels,
  type ProvidersConfig,
  type WhoisServers,
} from './schemas';

/** The folder holding providers.json, rules.json, ... (HUNTER_RESOURCES overrides it). */
export function resourcesDir(): string {
  return appFiles().resources;
}

export interface HunterConfig {
  providers: ProvidersConfig;
  rules: ScoringRules;
  whois: WhoisServers;
  dkimSelectors: string[];
  /** provider name → DKIM selectors to probe first (dkim_selectors.json provider_hints) */
  dkimHints: Record<string, string[]>;
  /** language → provider name → the short name people read (grid, filters, exports) */
  providerLabels: ProviderLabels;
  /** public suffixes of two or more labels, used to find the registrable part of an MX host */
  mxRootSuffixes: string[];
}

const CONFIG_FILES = {
  providers: 'providers.json',
  rules: 'rules.json',
  whois: 'tld_whois_servers.json',
  dkimSelectors: 'dkim_selectors.json',
  mxRootSuffixes: 'mx_root_suffixes.json',
  providerLabels: 'provider_labels.json',
} as const;

const flagDefaultsSchema = z
  .object(Object.fromEntries(FLAG_NAMES.map((n) => [n, z.boolean()])) as Record<FlagName, z.ZodBoolean>)
  .strict();

/** resources/flags.json: every flag's shipped default, none missing, none unknown. */
export function loadFlagDefaults(dir: string = resourcesDir()): Record<FlagName, boolean> {
  return loadResource(dir, 'flags.json', flagDefaultsSchema);
}

/** resources/alert-rules.json: the operations alerts, as data. */
export function loadAlertRules(dir: string = resourcesDir()): AlertRules {
  return loadResource(dir, 'alert-rules.json', AlertRulesSchema);
}

export function loadConfig(dir: string = resourcesDir()): HunterConfig {
  const providers = loadResource(dir, CONFIG_FILES.providers, providersSchema);
  const providerNames = providers.providers.map((p) => p.name);
  const dkim = loadResource(dir, CONFIG_FILES.dkimSelectors, dkimSelectorsSchema(providerNames));
  const providerLabels = loadResource(dir, CONFIG_FILES.providerLabels, providerLabelsSchema(providerNames));
  return {
    providers,
    providerLabels,
    rules: loadResource(dir, CONFIG_FILES.rules, rulesSchema(providerNames)),
    whois: loadResource(dir, CONFIG_FILES.whois, whoisSchema),
    dkimSelectors: dkim.selectors,
    dkimHints: dkim.provider_hints,
    mxRootSuffixes: loadResource(dir, CONFIG_FILES.mxRootSuffixes, mxRootSuffixesSchema).suffixes,
  };
}
