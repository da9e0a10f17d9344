import { parse, UsageError } from '../args';
import type { Command } from '../args';
import { EXIT } from '../args';
import { withDynamics } from '../dynamics';

/** `hunter signin dynamics`: device-code sign-in (not needed when a client secret is set). */
export const signinCommand: Command = async (args, io) => {
  const { values, positionals } = parse(args, {});
  if (positionals.length !== 1 || positionals[0] !== 'dynamics') throw new UsageError('usage: hunter signin dynamics');
  return withDynamics(values.db, io, async (hunter) => {
    const connection = hunter.dynamics.connection();
    if (connection.clientSecret) {
      io.err('Dynamics 365 uses the client secret (app-only sign-in): no user sign-in is needed');
      return EXIT.ok;
    }
    const account = await hunter.dynamics
      .userSignIn()
      .signInWithDeviceCode((prompt) => io.err(prompt.message), { signal: io.signal });
    io.out(
      values.json
        ? JSON.stringify({ user_name: account.username })
        : `Signed in to Dynamics 365 as ${account.username}`,
    );
    return EXIT.ok;
  });
};
