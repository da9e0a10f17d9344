import { z } from 'zod';

// Operations: log level, metrics, health and alerts, as the renderer and the CLI see them.

export const LOG_LEVELS = ['error', 'warn', 'info', 'debug'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];
export const LogLevelSchema = z.enum(LOG_LEVELS);

/** The ops key of the settings repository. */
export const OpsSettingsSchema = z.object({
  log_level: LogLevelSchema,
  /** Sentry DSN for crash reports; null = off (HUNTER_SENTRY_DSN wins) */
  crash_reports_dsn: z.string().trim().url().max(500).nullable(),
});
export type OpsSettings = z.infer<typeof OpsSettingsSchema>;
export const OpsSettingsPatchSchema = OpsSettingsSchema.partial().strict();
export const DEFAULT_OPS_SETTINGS: OpsSettings = { log_level: 'info', crash_reports_dsn: null };

/** What the ops settings are and where the effective log level comes from (the CLI flag or env var wins). */
export interface OpsSettingsView extends OpsSettings {
  effective_log_level: LogLevel;
  log_level_source: 'settings' | 'env' | 'cli';
  crash_reports: 'off' | 'settings' | 'env';
  logs_folder: string;
}

/**
 * Every metric, with how a recorded value is kept:
 * - counter: added up, per UTC day (trends) and label set;
 * - gauge: the latest value replaces the previous one;
 * - event: one observation kept for "last N" windows (and counted per day like a counter).
 */
export const METRIC_KINDS = {
  /** value 1 = the scan produced a verdict, 0 = it did not; labels { status } */
  scan: 'event',
  /** the WHOIS cache behind scans; labels { result: hit | miss } */
  'scan_cache.lookup': 'counter',
  /** labels { result: ok | unknown } */
  'whois.lookup': 'counter',
  /** retired CRM-lite writes; labels { call } */
  'deprecated.call': 'counter',
  /** one Partner Center sync run, value = duration in ms; labels { outcome: success | failed | skipped } */
  'pc.sync': 'event',
  /** one Dynamics 365 push; labels { outcome: success | failure, cause? } */
  'd365.push': 'counter',
  /** outbox entries not yet delivered */
  'outbox.depth': 'gauge',
  /** age in seconds of the oldest undelivered outbox entry (0 when empty) */
  'outbox.oldest_age_s': 'gauge',
} as const;
export type MetricName = keyof typeof METRIC_KINDS;
export type MetricKind = (typeof METRIC_KINDS)[MetricName];
export type MetricLabels = Record<string, string>;
export const METRIC_NAMES = Object.keys(METRIC_KINDS) as MetricName[];

export interface DailyCount {
  /** YYYY-MM-DD (UTC) */
  day: string;
  value: number;
}

/** A rate over what was recorded; null when nothing was. */
export interface Rate {
  rate: number | null;
  of: number;
}

export interface MetricsReport {
  generated_at: string;
  scans: {
    per_day: DailyCount[];
    total: number;
    success_rate: Rate;
    /** over the last 100 scans, what the alert rule watches */
    recent_success_rate: Rate;
    dns_timeout_rate: Rate;
    cache_hit_rate: Rate;
    whois_success_rate: Rate;
  };
  partner_center: {
    runs: number;
    success: number;
    failed: number;
    skipped: number;
    success_rate: Rate;
    last_duration_ms: number | null;
    /** over the last 100 runs */
    avg_duration_ms: number | null;
    per_day: DailyCount[];
  };
  dynamics: {
    success: number;
    failure: number;
    failures_by_cause: Record<string, number>;
    outbox_depth: number | null;
    outbox_oldest_age_s: number | null;
  };
  deprecated_calls: {
    total: number;
    by_call: Record<string, number>;
    per_day: DailyCount[];
  };
}

export type HealthStatus = 'ok' | 'degraded';

export interface HealthCheckResult {
  name: string;
  status: HealthStatus;
  /** short machine-readable reason when degraded (integrity_failed, unreachable, signed_out, ...) */
  reason: string | null;
  details: Record<string, string | number | boolean | null>;
}

export interface HealthReport {
  status: HealthStatus;
  checked_at: string;
  checks: HealthCheckResult[];
}

/** One alert rule's state; title and body are in the user's language (the rules file carries both). */
export interface AlertState {
  rule: string;
  firing: boolean;
  /** when it started firing (null when not firing) */
  since: string | null;
  title: string;
  body: string;
}
