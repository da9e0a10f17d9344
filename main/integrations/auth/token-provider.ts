/** What an API client needs from a sign-in: a bearer token, refreshed on demand. */
export interface TokenProvider {
  /** a valid access token; forceRefresh after the API answered 401. Throws AppError('signed_out') when none can be had. */
  getToken(opts?: { forceRefresh?: boolean }): Promise<string>;
}
