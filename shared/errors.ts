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
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** What every failed call answers with; `message` is English, the renderer localises by `code`. */
export interface IpcError {
  code: ErrorCode;
  message: string;
  details?: unknown;
}

export type IpcResult<T> = { ok: true; data: T } | { ok: false; error: IpcError };
