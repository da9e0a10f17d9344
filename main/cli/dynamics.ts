// What every Dynamics 365 command shares: the feature flag, the background sender kept out of the way, and the
// mapping of failures to the documented exit codes (flag off 2, signed out 5).
import type { Hunter } from '../app/create-hunter';
import { AppError } from '../core/app-error';
import { DataverseError } from '../integrations/dynamics/errors';
import { isSignedOutError } from '../integrations/dynamics/errors';
import { EXIT } from './args';
import type { CliIo } from './args';
import { withHunter } from './with-hunter';

export const SIGN_IN_AGAIN = 'Dynamics 365: sign in again with "hunter signin dynamics"';

/**
 * Runs a Dynamics 365 command on the app's services. The command sends by itself, so the background sender that
 * withHunter started is stopped first: the two must not claim the same outbox items.
 */
export function withDynamics(dbOption: unknown, io: CliIo, fn: (hunter: Hunter) => Promise<number>): Promise<number> {
  return withHunter(dbOption, async (hunter) => {
    if (!hunter.flags.isOn('dynamics')) {
      io.err(
        'Dynamics 365 is switched off: turn on the "dynamics" feature flag (Settings → Features, or HUNTER_FLAG_DYNAMICS=on)',
      );
      return EXIT.usage;
    }
    await hunter.services.d365Outbox.stop();
    try {
      return await fn(hunter);
    } catch (err) {
      if (isSignedOutError(err) || (err instanceof DataverseError && err.kind === 'signed_out')) {
        io.err(`${(err as Error).message}\n${SIGN_IN_AGAIN}`);
        return EXIT.signedOut;
      }
      if (err instanceof AppError && err.code === 'not_configured') {
        io.err(err.message);
        return EXIT.usage;
      }
      if (err instanceof AppError || err instanceof DataverseError) {
        io.err(err.message);
        return err instanceof AppError && err.code === 'not_found' ? EXIT.notFound : EXIT.error;
      }
      throw err;
    }
  });
}

/** `hunter signin dynamics`: device-code sign-in (not needed when a client secret is set). */
export function signinDynamics(values: { db?: string; json?: boolean }, io: CliIo): Promise<number> {
  return withDynamics(values.db, io, async (hunter) => {
    if (hunter.dynamics.connection().clientSecret) {
      io.err('Dynamics 365 uses the client secret (app-only sign-in): no user sign-in is needed');
      return EXIT.ok;
    }
    // the prompt (address and code) goes to stderr, so --json output stays one object on stdout
    const account = await hunter.dynamics
      .userSignIn()
      .signInWithDeviceCode((prompt) => io.err(prompt.message), { signal: io.signal });
    if (values.json)
      io.out(JSON.stringify({ username: account.username, name: account.name, tenant_id: account.tenantId }));
    else io.err(`Signed in to Dynamics 365 as ${account.username}.`);
    return EXIT.ok;
  });
}
