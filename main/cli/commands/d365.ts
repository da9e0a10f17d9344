import { parse, UsageError } from '../args';
import type { Command } from '../args';
import { EXIT } from '../args';
import { withDynamics } from '../dynamics';

/** `hunter d365 whoami [--json]`: who the connection signs in as (the "Test connection" of the CLI). */
export const d365Command: Command = async (args, io) => {
  const { values, positionals } = parse(args, {});
  if (positionals.length !== 1 || positionals[0] !== 'whoami')
    throw new UsageError('usage: hunter d365 whoami [--json]');
  return withDynamics(values.db, io, async (hunter) => {
    const me = await hunter.dynamics.whoAmI();
    io.out(
      values.json
        ? JSON.stringify(me)
        : `${me.user_name ?? me.user_id} (user ${me.user_id}, business unit ${me.business_unit_id}, organisation ${me.organization_id})`,
    );
    return EXIT.ok;
  });
};
