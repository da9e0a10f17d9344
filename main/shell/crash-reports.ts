// Crash reports with Sentry, only when a DSN is configured (HUNTER_SENTRY_DSN or the ops setting); off otherwise,
// and then Sentry is not even loaded. Every event is scrubbed before it leaves (see scrubCrashEvent).
import type { Log } from '../core/log';
import { errorContext } from '../core/log';
import { scrubCrashEvent } from '../ops/logging/crash-report-scrub';

export async function startCrashReports(dsn: string | null, log: Log): Promise<void> {
  if (!dsn) return;
  try {
    const Sentry = await import('@sentry/electron/main');
    Sentry.init({
      dsn,
      sendDefaultPii: false,
      tracesSampleRate: 0,
      beforeSend: (event) => scrubCrashEvent(event),
      beforeBreadcrumb: (crumb) => scrubCrashEvent({ breadcrumbs: [crumb] }).breadcrumbs?.[0] ?? null,
    });
    log.info('crash_reports.enabled', {});
  } catch (err) {
    // a bad DSN must not stop the app from starting
    log.error('crash_reports.init_failed', errorContext(err));
  }
}
