export const ERROR_CODES = [
  'validation', // input failed the channel's schema
  'unknown_channel',
  'forbidden', // wrong sender frame / bad token
  'not_found',
  'invalid_domain',
  'gone', // retired CRM-lite writes
  'busy', // a scan job is already running
  'bad_file', // unreadable import file
  'db_too_new', // the database was written by a newer Hunter
  'internal',
  'signed_out', // no sign-in, or it expired: sign in again
  'auth_failed', // the identity service refused (bad client id or secret)
  'auth_unreachable', // the identity service did not answer
  'auth_cancelled', // the user cancelled or declined sign-in, or the code expired
  'flag_off', // the feature is switched off
  'not_configured', // the feature lacks a setting (e.g. the Dynamics 365 organisation URL)
  'remote_error', // the remote service answered with an error of its own
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** What every failed call answers with; `message` is English, the renderer localises by `code`. */
export interface IpcError {
  code: ErrorCode;
  message: string;
  details?: unknown;
}

export type IpcResult<T> = { ok: true; data: T } | { ok: false; error: IpcError };
