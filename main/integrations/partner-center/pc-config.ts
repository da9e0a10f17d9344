import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { PC_CONNECTION_FIELDS, PcConnectionSchema } from '../../../shared/referrals';
import type { PcConnection, PcConnectionField } from '../../../shared/referrals';
import type { SettingsRepository } from '../../store/settings-repository';
import type { RetryPolicy } from './referrals-client';

const SETTINGS_KEY = 'partner_center';

const DefaultsSchema = PcConnectionSchema.extend({
  sync_interval_sec: z.number().int().min(60).max(86_400),
  dev_sync_interval_sec: z.number().int().min(5).max(3600),
  max_backoff_sec: z.number().int().min(60).max(86_400),
  /** per API request: attempts, and the backoff between them */
  retry: z
    .object({
      tries: z.number().int().min(1).max(10),
      base_delay_ms: z.number().int().min(1).max(60_000),
      max_delay_ms: z.number().int().min(1).max(600_000),
      max_retry_after_ms: z.number().int().min(0).max(3_600_000),
    })
    .strict(),
}).strict();

export interface PcConfig {
  connection: PcConnection;
  /** where each connection value came from, so the Settings screen can say an environment variable wins */
  sources: Record<PcConnectionField, 'default' | 'settings' | 'env'>;
  syncIntervalMs: number;
  maxBackoffMs: number;
  retry: RetryPolicy;
}

function envName(field: PcConnectionField): string {
  return `HUNTER_PC_${field.toUpperCase()}`;
}

/** Shipped defaults (resources/partner-center.json) ← the user's settings ← HUNTER_PC_* environment variables. */
export function loadPcConfig(
  resources: string,
  settings: SettingsRepository,
  env: NodeJS.ProcessEnv = process.env,
): PcConfig {
  const file = path.join(resources, 'partner-center.json');
  const defaults = DefaultsSchema.parse(JSON.parse(fs.readFileSync(file, 'utf8')));
  const saved = PcConnectionSchema.partial().safeParse(settings.get<unknown>(SETTINGS_KEY) ?? {});
  const own = saved.success ? saved.data : {};
  const connection = { ...defaults } as PcConnection;
  const sources = {} as PcConfig['sources'];
  for (const field of PC_CONNECTION_FIELDS) {
    const fromEnv = env[envName(field)]?.trim();
    if (fromEnv) {
      connection[field] = fromEnv;
      sources[field] = 'env';
    } else if (own[field] !== undefined) {
      connection[field] = own[field];
      sources[field] = 'settings';
    } else {
      connection[field] = defaults[field];
      sources[field] = 'default';
    }
  }
  const parsed = PcConnectionSchema.safeParse(connection);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`Partner Center setting ${String(issue.path[0])} is invalid: ${issue.message}`);
  }
  return {
    connection: parsed.data,
    sources,
    syncIntervalMs: (env.HUNTER_DEV === '1' ? defaults.dev_sync_interval_sec : defaults.sync_interval_sec) * 1000,
    maxBackoffMs: defaults.max_backoff_sec * 1000,
    retry: {
      tries: defaults.retry.tries,
      baseDelayMs: defaults.retry.base_delay_ms,
      maxDelayMs: defaults.retry.max_delay_ms,
      maxRetryAfterMs: defaults.retry.max_retry_after_ms,
    },
  };
}

/** Saves the user's connection values (validated); environment overrides still win when read back. */
export function savePcConnection(settings: SettingsRepository, patch: Partial<PcConnection>): void {
  const current = PcConnectionSchema.partial().safeParse(settings.get<unknown>(SETTINGS_KEY) ?? {});
  const next = PcConnectionSchema.partial()
    .strict()
    .parse({ ...(current.success ? current.data : {}), ...patch });
  settings.set(SETTINGS_KEY, next);
}
