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

/**
 * The sign-in layer's errors that only the user can fix: nobody signed in (or it expired), or the identity service
 * refused the client (a wrong client id or secret).
 */
export function isSignedOutError(err: unknown): boolean {
  const code = typeof err === 'object' && err !== null ? (err as { code?: unknown }).code : null;
  return code === 'signed_out' || code === 'auth_failed' || code === 'auth_cancelled';
}
