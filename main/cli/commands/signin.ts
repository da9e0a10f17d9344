import { EXIT, parse, UsageError } from '../args';
import type { CliIo, Command } from '../args';
import { withAppErrors } from '../app-errors';
import { withDynamics } from '../dynamics';
import { withHunter } from '../with-hunter';

type Values = { db?: string; json?: boolean };

/** Partner Center: device code here (the app uses the browser); the prompt goes to stderr so --json stays one object. */
function signInPartnerCenter(values: Values, io: CliIo): Promise<number> {
  return withHunter(values.db, (hunter) =>
    withAppErrors('signin', io, async () => {
      hunter.partnerCenter.assertEnabled();
      const account = await hunter.partnerCenter
        .signIn()
        .signInWithDeviceCode((prompt) => io.err(prompt.message), { signal: io.signal });
      hunter.services.referralSync.signedIn();
      if (values.json)
        io.out(JSON.stringify({ username: account.username, name: account.name, tenant_id: account.tenantId }));
      else io.err(`Signed in to Partner Center as ${account.username}.`);
      return EXIT.ok;
    }),
  );
}

/** Dynamics 365: device code, unless a client secret makes it an app-only connection that needs no user. */
function signInDynamics(values: Values, io: CliIo): Promise<number> {
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
}

const SERVICES: Record<string, (values: Values, io: CliIo) => Promise<number>> = {
  'partner-center': signInPartnerCenter,
  dynamics: signInDynamics,
};

export const signinCommand: Command = async (args, io) => {
  const { values, positionals } = parse(args, {});
  const signIn = positionals.length === 1 && Object.hasOwn(SERVICES, positionals[0]) ? SERVICES[positionals[0]] : null;
  if (!signIn) throw new UsageError(`say what to sign in to: ${Object.keys(SERVICES).join(', ')}`);
  return signIn(values, io);
};
