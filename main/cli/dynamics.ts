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
