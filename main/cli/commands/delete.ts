import { deleteLeads } from '../../services/lead-lifecycle';
import { parse, UsageError } from '../args';
import type { Command } from '../args';
import { reportLifecycle } from '../lead-lifecycle-report';
import { withHunter } from '../with-hunter';

/** hunter delete <domain ...>: the leads and their history, for good (referrals stay, unlinked). */
export const deleteCommand: Command = async (args, io) => {
  const { values, positionals } = parse(args, {});
  if (positionals.length === 0) throw new UsageError('give at least one domain');
  return withHunter(values.db, async (hunter) =>
    reportLifecycle(io, deleteLeads(hunter, positionals), { json: values.json === true, done: 'deleted' }),
  );
};
