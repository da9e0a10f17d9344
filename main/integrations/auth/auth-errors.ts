import { AuthError, InteractionRequiredAuthError, ServerError } from '@azure/msal-node';
import { AppError } from '../../core/app-error';

/**
 * MSAL failures as AppErrors a user can act on. Only MSAL's error codes travel on: server descriptions and MSAL
 * messages can carry request details, and nothing from a token response may reach a log or the screen.
 */
export function signedOut(service: string, why: 'never' | 'expired'): AppError {
  return new AppError(
    'signed_out',
    why === 'never'
      ? `Not signed in to ${service}: sign in first.`
      : `The ${service} sign-in has expired or was revoked: sign in again.`,
  );
}

export function toAuthAppError(err: unknown, service: string): AppError {
  if (err instanceof AppError) return err;
  if (err instanceof InteractionRequiredAuthError) return signedOut(service, 'expired');
  if (err instanceof ServerError && err.errorCode === 'invalid_grant') return signedOut(service, 'expired');
  if (err instanceof AuthError) {
    if (err.errorCode === 'network_error')
      return new AppError('auth_unreachable', `Cannot reach the ${service} sign-in service; check the connection.`);
    // MSAL could not read the authority's OIDC discovery document: no answer, or not an authority at that address
    if (err.errorCode === 'endpoints_resolution_error')
      return new AppError(
        'auth_unreachable',
        `Cannot reach the ${service} sign-in service, or it does not know the configured authority; check the connection and the authority setting.`,
      );
    if (err.errorCode === 'device_code_polling_cancelled' || err.errorCode === 'user_canceled')
      return new AppError('auth_cancelled', `${service} sign-in was cancelled.`);
    // a device code poll refused by the server carries the server's error as the message
    const refused = err.errorCode === 'post_request_failed' ? err.errorMessage : '';
    if (refused === 'authorization_declined' || refused === 'access_denied')
      return new AppError('auth_cancelled', `${service} sign-in was declined.`);
    if (
      err.errorCode === 'device_code_expired' ||
      err.errorCode === 'user_timeout_reached' ||
      refused === 'expired_token'
    )
      return new AppError('auth_cancelled', `The ${service} sign-in code expired before it was used: start again.`);
    const code = refused || err.errorCode || 'unknown error';
    return new AppError('auth_failed', `${service} sign-in failed (${code}).`, {
      errorCode: err.errorCode,
      subError: err.subError || undefined,
    });
  }
  return new AppError('auth_failed', `${service} sign-in failed.`);
}
