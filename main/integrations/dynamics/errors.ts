/**
 * How a Dataverse call failed, by what the caller should do about it:
 * - permanent: the request itself is wrong (400, 403, 404 on a bound record) and resending cannot fix it;
 * - transient: the service failed (5xx, 412, throttling that outlasted our patience); try again later;
 * - unreachable: no answer at all (offline, DNS, refused or dropped connections); try again later;
 * - signed_out: no token could be had, or the token was refused twice; the user must sign in again.
 */
export type DataverseErrorKind = 'permanent' | 'transient' | 'unreachable' | 'signed_out';

export class DataverseError extends Error {
  constructor(
    readonly kind: DataverseErrorKind,
    message: string,
    readonly status: number | null = null,
    /** Dataverse's own error code, e.g. 0x80060888 */
    readonly code: string | null = null,
  ) {
    super(message);
    this.name = 'DataverseError';
  }
}

export function isDataverseError(err: unknown): err is DataverseError {
  return err instanceof DataverseError;
}

/** A token provider signals "nobody is signed in" with an error whose code is signed_out. */
export function isSignedOutError(err: unknown): boolean {
  return typeof err === 'object' && err !== null && (err as { code?: unknown }).code === 'signed_out';
}
