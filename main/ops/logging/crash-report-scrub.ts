import { maskString, maskValue } from './mask';

/** The parts of a crash report (Sentry's event shape) that can carry personal data or secrets. */
export interface CrashEvent {
  user?: unknown;
  request?: unknown;
  server_name?: string;
  message?: string;
  exception?: { values?: { value?: string }[] };
  extra?: Record<string, unknown>;
  contexts?: Record<string, unknown>;
  breadcrumbs?: { message?: string; data?: Record<string, unknown> }[];
}

/**
 * A crash report with nothing personal left: no user, no request, no machine name, and every message, exception
 * text, breadcrumb and extra passed through the same masking as the log (tokens and e-mail addresses removed).
 */
export function scrubCrashEvent<E extends CrashEvent>(event: E): E {
  delete event.user;
  delete event.request;
  delete event.server_name;
  if (event.message) event.message = maskString(event.message);
  for (const ex of event.exception?.values ?? []) if (ex.value) ex.value = maskString(ex.value);
  if (event.extra) event.extra = maskValue(event.extra) as Record<string, unknown>;
  if (event.contexts) event.contexts = maskValue(event.contexts) as Record<string, unknown>;
  if (event.breadcrumbs)
    event.breadcrumbs = event.breadcrumbs.map((b) => ({
      ...b,
      message: b.message === undefined ? undefined : maskString(b.message),
      data: b.data === undefined ? undefined : (maskValue(b.data) as Record<string, unknown>),
    }));
  return event;
}
