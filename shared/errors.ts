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
  'config_error', // the settings cannot make a working scanner (e.g. an unusable DNS server); details.field names it
  'flag_off', // the feature is switched off
  'not_configured', // a connection setting (e.g. the client id) is missing
  'signed_out', // never signed in, or the sign-in expired / was revoked: sign in again
  'auth_failed', // the identity service refused the sign-in (error code in the message)
  'auth_unreachable', // the identity service did not answer, or does not know the authority
  'auth_cancelled', // sign-in aborted, declined, or its code expired
  'remote_unavailable', // a remote API kept failing (5xx, network) past the bounded retries
  'remote_throttled', // a remote API asked to wait longer than we are willing to
  'remote_error', // a remote API refused the request or sent something malformed
  'conflict', // the record changed remotely since we read it (HTTP 412): nothing was changed
  'invalid_state', // the record is not in a state that allows this action
  'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** What every failed call answers with; `message` is English, the renderer localises by `code`. */
export interface IpcError {
  code: ErrorCode;
  message: string;
  details?: unknown;
}

export type IpcResult<T> = { ok: true; data: T } | { ok: false; error: IpcError };
