import { z } from 'zod';
import { LANGUAGES } from '../../shared/lang';
import type { Lang } from '../../shared/lang';
import { TENANT_SIZES } from '../../shared/domain';

/** A DNS name written in lower-case LDH form, as the data files must use. */
const hostName = z
  .string()
  .regex(
    /^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*$/,
    'must be a lower-case host name',
  );

const tenantSizeRule = z.union([
  z.object({ host_suffix: hostName, size: z.enum(TENANT_SIZES) }).strict(),
  z
    .object({
      host_regex: z.string().refine((source) => {
        try {
          new RegExp(source);
          return true;
        } catch {
          return false;
        }
      }, 'must be a valid regular expression'),
      size: z.enum(TENANT_SIZES),
    })
    .strict(),
]);

const providerEntry = z
  .object({
    name: z.string().min(1),
    mx_roots: z.array(hostName),
    description: z.string(),
    /** sub-provider names keyed by MX host suffix, reported as local_provider */
    local_providers: z.record(hostName, z.string().min(1)).optional(),
    /** first match on the full primary MX host; a provider without a default gets no tenant size */
    tenant_size_rules: z.array(tenantSizeRule).optional(),
    tenant_size_default: z.enum(TENANT_SIZES).optional(),
  })
  .strict();

export const providersSchema = z
  .object({
    providers: z.array(providerEntry).min(1),
    /** provider reported when the domain has no MX */
    no_mx_provider: z.string(),
    /** provider reported when the primary MX matches no mx_roots */
    unmatched_provider: z.string(),
  })
  .strict()
  .superRefine((file, ctx) => {
    const names = file.providers.map((p) => p.name);
    names.forEach((name, i) => {
      if (names.indexOf(name) !== i)
        ctx.addIssue({ code: 'custom', path: ['providers', i, 'name'], message: `duplicate provider "${name}"` });
    });
    for (const key of ['no_mx_provider', 'unmatched_provider'] as const) {
      if (!names.includes(file[key]))
        ctx.addIssue({ code: 'custom', path: [key], message: `"${file[key]}" is not a provider name` });
    }
  });

export type ProvidersConfig = z.output<typeof providersSchema>;
export type ProviderEntry = ProvidersConfig['providers'][number];
export type TenantSizeRule = z.output<typeof tenantSizeRule>;

const tldKey = z.string().regex(/^\.[a-z0-9-]+$/, 'must be a TLD with its leading dot, e.g. ".com"');

// registries answer over https; plain http is only accepted on loopback (local mirrors and the test servers)
const rdapBaseUrl = z
  .string()
  .url()
  .endsWith('/')
  .refine((u) => u.startsWith('https://') || /^http:\/\/(127\.\d+\.\d+\.\d+|localhost|\[::1\])(:\d+)?\//.test(u), {
    message: 'must start with "https://" (plain http only for 127.0.0.1/localhost)',
  });

export const whoisSchema = z
  .object({
    tld_servers: z.record(tldKey, hostName),
    rdap_servers: z.record(tldKey, rdapBaseUrl),
  })
  .strict();

export type WhoisServers = z.output<typeof whoisSchema>;

const dkimSelector = z.string().regex(/^[a-z0-9_-]+(\.[a-z0-9_-]+)*$/i, 'must be a DNS label');

/** providerNames: provider_hints keys must name a provider of providers.json, or the hint would never apply. */
export const dkimSelectorsSchema = (providerNames: readonly string[]) =>
  z
    .object({
      selectors: z.array(dkimSelector).min(1),
      /** selectors probed first for a domain whose MX names this provider; the full list only when none holds a key */
      provider_hints: z
        .record(
          z.string().refine((name) => providerNames.includes(name), 'must be a provider name from providers.json'),
          z.array(dkimSelector).min(1),
        )
        .default({}),
    })
    .strict();

export const mxRootSuffixesSchema = z
  .object({ suffixes: z.array(hostName.refine((s) => s.includes('.'), 'must have at least two labels')) })
  .strict();

/** Every provider providers.json names has a short label in each language; no label for a provider that does not exist. */
export const providerLabelsSchema = (providerNames: readonly string[]) => {
  const labels = z.record(z.string(), z.string().trim().min(1).max(40)).superRefine((map, ctx) => {
    for (const name of providerNames)
      if (!(name in map)) ctx.addIssue({ code: 'custom', path: [name], message: 'missing label' });
    for (const name of Object.keys(map))
      if (!providerNames.includes(name))
        ctx.addIssue({ code: 'custom', path: [name], message: `"${name}" is not a provider name` });
  });
  return z.object(Object.fromEntries(LANGUAGES.map((l) => [l, labels])) as Record<Lang, typeof labels>).strict();
};
export type ProviderLabels = Record<Lang, Record<string, string>>;
