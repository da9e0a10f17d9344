import { parse, UsageError } from '../args';
import type { Command } from '../args';
import { EXIT } from '../args';
import { withDynamics } from '../dynamics';

/** `hunter signout dynamics`: forgets the account and its tokens. */
export const signoutCommand: Command = async (args, io) => {
  const { values, positionals } = parse(args, {});
  if (positionals.length !== 1 || positionals[0] !== 'dynamics') throw new UsageError('usage: hunter signout dynamics');
  return withDynamics(values.db, io, async (hunter) => {
    await hunter.dynamics.userSignIn().signOut();
    io.err('Signed out of Dynamics 365');
    return EXIT.ok;
  });
};
