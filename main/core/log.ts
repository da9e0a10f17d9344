/**
 * Structured logging: one event name per line plus context. Services take a Log, so the Electron shell, the web
 * bridge, the CLI and tests decide where lines go.
 */
import type { LogLevel } from '../../shared/ops';

export type LogContext = Record<string, unknown>;

export interface Log {
  debug(event: string, context?: LogContext): void;
  info(event: string, context?: LogContext): void;
  warn(event: string, context?: LogContext): void;
  error(event: string, context?: LogContext): void;
  /** a log with a threshold lets the user's level (Settings, --log-level, HUNTER_LOG_LEVEL) apply live */
  setLevel?(level: LogLevel): void;
}

/** For callers that have nowhere to log to (short-lived tools, unit tests). */
export const silentLog: Log = { debug() {}, info() {}, warn() {}, error() {} };

/** An error as log context: message and cause chain, never the object (it may carry request options or tokens). */
export function errorContext(err: unknown): LogContext {
  if (!(err instanceof Error)) return { error: String(err) };
  const causes: string[] = [];
  for (
    let c = (err as { cause?: unknown }).cause;
    c instanceof Error && causes.length < 5;
    c = (c as { cause?: unknown }).cause
  )
    causes.push(c.message);
  return { error: err.message, ...(causes.length ? { causes } : {}), stack: err.stack };
}
