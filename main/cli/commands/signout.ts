import { PC_CACHE_KEY } from '../../integrations/partner-center/partner-center';
import { D365_CACHE_KEY } from '../../integrations/dynamics/dynamics';
import { EXIT, parse, UsageError } from '../args';
import type { Command } from '../args';
import { withHunter } from '../with-hunter';

const SERVICES = ['partner-center', 'dynamics'] as const;

export const signoutCommand: Command = async (args, io) => {
  const { values, positionals } = parse(args, {});
  if (positionals.length !== 1 || !SERVICES.includes(positionals[0] as (typeof SERVICES)[number]))
    throw new UsageError(`say what to sign out of: ${SERVICES.join(', ')}`);
  return withHunter(values.db, async (hunter) => {
    // signing out needs no flag, settings or network: the stored tokens are simply forgotten
    if (positionals[0] === 'dynamics') {
      hunter.platform.secrets.delete(D365_CACHE_KEY);
      io.err('Signed out of Dynamics 365.');
      return EXIT.ok;
    }
    hunter.platform.secrets.delete(PC_CACHE_KEY);
    io.err('Signed out of Partner Center.');
    return EXIT.ok;
  });
};
