import { PC_CACHE_KEY } from '../../integrations/partner-center/partner-center';
import { EXIT, parse, UsageError } from '../args';
import type { CliIo, Command } from '../args';
import { withAppErrors } from '../app-errors';
import { withDynamics } from '../dynamics';
import { withHunter } from '../with-hunter';

type Values = { db?: string };

const SERVICES: Record<string, (values: Values, io: CliIo) => Promise<number>> = {
  'partner-center': (values, io) =>
    withHunter(values.db, (hunter) =>
      withAppErrors('signout', io, async () => {
        // every Partner Center command answers the same way while the feature is off
        hunter.partnerCenter.assertEnabled();
        // no settings or network needed: the stored tokens are simply forgotten
        hunter.platform.secrets.delete(PC_CACHE_KEY);
        io.err('Signed out of Partner Center.');
        return EXIT.ok;
      }),
    ),
  dynamics: (values, io) =>
    withDynamics(values.db, io, async (hunter) => {
      await hunter.dynamics.userSignIn().signOut();
      io.err('Signed out of Dynamics 365');
      return EXIT.ok;
    }),
};

export const signoutCommand: Command = async (args, io) => {
  const { values, positionals } = parse(args, {});
  const signOut = positionals.length === 1 && Object.hasOwn(SERVICES, positionals[0]) ? SERVICES[positionals[0]] : null;
  if (!signOut) throw new UsageError(`say what to sign out of: ${Object.keys(SERVICES).join(', ')}`);
  return signOut(values, io);
};
