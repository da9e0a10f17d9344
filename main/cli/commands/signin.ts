import { EXIT, parse, UsageError } from '../args';
import type { Command } from '../args';
import { withAppErrors } from '../app-errors';
import { signinDynamics } from '../dynamics';
import { withHunter } from '../with-hunter';

/** Services one can sign in to; each signs in by device code here (the app uses the browser). */
const SERVICES = ['partner-center', 'dynamics'] as const;

export const signinCommand: Command = async (args, io) => {
  const { values, positionals } = parse(args, {});
  if (positionals.length !== 1 || !SERVICES.includes(positionals[0] as (typeof SERVICES)[number]))
    throw new UsageError(`say what to sign in to: ${SERVICES.join(', ')}`);
  if (positionals[0] === 'dynamics') return signinDynamics(values, io);
  return withHunter(values.db, (hunter) =>
    withAppErrors('signin', io, async () => {
      hunter.partnerCenter.assertEnabled();
      // the prompt (address and code) goes to stderr, so --json output stays one object on stdout
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
};
