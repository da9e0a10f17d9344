import { MAX_DNS_SERVER_CHARS, parseDnsServer } from './dns-servers';
import { LangSchema } from './lang';
import { z } from 'zod';

/** An IP literal with an optional port (1-65535), parsed exactly as the scanner parses it; the issue names why not. */
const dnsServer = z
  .string()
  .max(MAX_DNS_SERVER_CHARS)
  .trim()
  .superRefine((value, ctx) => {
    const parsed = parseDnsServer(value);
    if (!parsed.ok)
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        message:
          parsed.problem === 'port_out_of_range' ? 'port must be 1-65535' : 'expected an IP address, optionally :PORT',
        params: { problem: parsed.problem },
      });
  });

const price = z.number().min(0).max(1_000_000).nullable();

export const OfferPricesSchema = z.object({
  price_per_user_per_month: price,
  migration_fee: price,
  defender_price_per_user_per_month: price,
  consulting_fee: price,
});

export const SettingsSchema = z.object({
  language: LangSchema,
  dns_servers: z.array(dnsServer).max(8),
  dns_timeout_ms: z.number().int().min(100).max(30_000),
  dns_tries: z.number().int().min(1).max(5),
  dkim_selectors: z
    .array(
      z
        .string()
        .trim()
        .regex(/^[a-zA-Z0-9._-]{1,63}$/),
    )
    .min(1)
    .max(50),
  scan_concurrency: z.number().int().min(1).max(1000),
  whois_enabled: z.boolean(),
  /** the rep's own name and company, said in the call-script greeting; empty = a placeholder the rep fills in */
  rep_name: z.string().trim().max(80),
  company_name: z.string().trim().max(120),
  currency: z
    .string()
    .trim()
    .regex(/^[A-Z]{3}$/),
  offer_prices: z.object({
    'Business Basic': OfferPricesSchema,
    'Business Standard': OfferPricesSchema,
    Enterprise: OfferPricesSchema,
  }),
});
export type Settings = z.infer<typeof SettingsSchema>;
export const SettingsPatchSchema = SettingsSchema.partial().strict();
export type SettingsPatch = z.infer<typeof SettingsPatchSchema>;

export type SettingsField = keyof Settings;
export const SETTINGS_FIELDS = Object.keys(SettingsSchema.shape) as SettingsField[];

/** What settings.get answers: the settings, and the saved fields that were invalid and read as their default. */
export interface LoadedSettings extends Settings {
  reset_fields: SettingsField[];
}
