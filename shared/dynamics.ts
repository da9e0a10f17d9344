import { z } from 'zod';

/** A Dataverse organisation address: https, or http on the loopback interface (local test servers only). */
const orgUrl = z
  .string()
  .trim()
  .max(300)
  .refine((v) => {
    if (v === '') return true;
    try {
      const u = new URL(v);
      const loopback = u.hostname === '127.0.0.1' || u.hostname === 'localhost' || u.hostname === '[::1]';
      return (u.protocol === 'https:' || (u.protocol === 'http:' && loopback)) && !u.username && !u.search;
    } catch {
      return false;
    }
  }, 'must be the https address of the Dynamics 365 organisation, e.g. https://contoso.crm4.dynamics.com');

/** Saved in the settings key "dynamics"; each is overridden by HUNTER_D365_* in the environment. */
export const D365SettingsSchema = z
  .object({
    url: orgUrl,
    authority: z.string().trim().max(300),
    client_id: z.string().trim().max(100),
    /** empty = "<url>/user_impersonation" */
    scope: z.string().trim().max(300),
    /** mapping switches turned off, e.g. "lead.hnt_provider" (a column this organisation lacks) */
    fields_off: z
      .array(
        z
          .string()
          .max(120)
          .regex(/^[a-z]+\.[a-z0-9_]+$/),
      )
      .max(100),
  })
  .strict();
export type D365Settings = z.infer<typeof D365SettingsSchema>;
export const D365SettingsPatchSchema = D365SettingsSchema.partial()
  .extend({
    /** a client secret for app-only sign-in; stored encrypted, never returned; "" removes it */
    client_secret: z.string().max(500).optional(),
  })
  .strict();
export type D365SettingsPatch = z.infer<typeof D365SettingsPatchSchema>;

/** What the renderer sees of the connection: never the secret itself. */
export interface D365SettingsView extends D365Settings {
  has_secret: boolean;
  /** settings fixed by the environment (HUNTER_D365_*), shown read-only */
  from_env: string[];
  sign_in: 'client_credentials' | 'delegated';
}

export const PUSH_MODES = ['lead', 'pipeline'] as const;
export type PushMode = (typeof PUSH_MODES)[number];
export const ON_DUPLICATE = ['update', 'create', 'skip'] as const;
export type OnDuplicate = (typeof ON_DUPLICATE)[number];

/** One pushed domain, as `hunter push --json` prints it and the UI shows it. */
export interface PushResultLine {
  domain: string;
  state: 'pushed' | 'queued' | 'skipped' | 'failed';
  entity: 'lead' | 'opportunity';
  record_id: string | null;
  record_url: string | null;
  /** pipeline mode only */
  account_id?: string | null;
  error: string | null;
}

/** One unsent outbox item, as `hunter outbox --json` prints it and the outbox view lists it. */
export interface OutboxLine {
  id: number;
  domain: string;
  operation: string;
  state: 'queued' | 'sending' | 'failed';
  attempts: number;
  next_attempt_at: string | null;
  last_error: string | null;
}

export interface D365WhoAmI {
  user_id: string;
  business_unit_id: string;
  organization_id: string;
  user_name: string | null;
}
