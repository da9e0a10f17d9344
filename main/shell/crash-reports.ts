// Crash reports with Sentry, only when a DSN is configured (HUNTER_SENTRY_DSN or the ops setting); off otherwise.
// Nothing personal leaves the machine: no user, no request, no machine name, and every message, breadcrumb and
// extra goes through the same masking as the log.
import * as Sentry from '@sentry/electron/main';
import type { ErrorEvent } from '@sentry/electron/main';
import type { Log } from '../core/log';
import { maskString, maskValue } from '../ops/logging/mask';

/** An event with the personal and secret parts removed (exported for its test). */
export function scrubEvent(event: ErrorEvent): ErrorEvent {
  delete event.user;
  delete event.request;
  delete event.server_name;
  if (event.message) event.message = maskString(event.message);
  for (const ex of event.exception?.values ?? []) if (ex.value) ex.value = maskString(ex.value);
  if (event.extra) event.extra = maskValue(event.extra) as Record<string, unknown>;
  if (event.contexts) event.contexts = maskValue(event.contexts) as typeof event.contexts;
  event.breadcrumbs = event.breadcrumbs?.map((b) => ({
    ...b,
    message: b.message ? maskString(b.message) : b.message,
    data: b.data ? (maskValue(b.data) as Record<string, unknown>) : b.data,
  }));
  return event;
}

export function startCrashReports(dsn: string | null, log: Log): void {
  if (!dsn) return;
  Sentry.init({
    dsn,
    sendDefaultPii: false,
    tracesSampleRate: 0,
    beforeSend: (event) => scrubEvent(event),
  });
  log.info('crash_reports.enabled', {});
}
