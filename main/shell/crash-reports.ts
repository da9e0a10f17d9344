// Crash reports with Sentry, only when a DSN is configured (HUNTER_SENTRY_DSN or the ops setting); off otherwise.
// Every event is scrubbed before it leaves (see scrubCrashEvent): no personal data, no secrets.
import * as Sentry from '@sentry/electron/main';
import type { Log } from '../core/log';
import { scrubCrashEvent } from '../ops/logging/crash-report-scrub';

export function startCrashReports(dsn: string | null, log: Log): void {
  if (!dsn) return;
  Sentry.init({
    dsn,
    sendDefaultPii: false,
    tracesSampleRate: 0,
    beforeSend: (event) => scrubCrashEvent(event),
    beforeBreadcrumb: (crumb) => scrubCrashEvent({ breadcrumbs: [crumb] }).breadcrumbs?.[0] ?? null,
  });
  log.info('crash_reports.enabled', {});
}
