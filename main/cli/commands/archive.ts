import { archiveLeads } from '../../services/lead-lifecycle';
import { parse, UsageError } from '../args';
import type { Command } from '../args';
import { reportLifecycle } from '../lead-lifecycle-report';
import { withHunter } from '../with-hunter';

/** hunter archive <domain ...> [--undo]: out of the grid, KPIs and overview, kept; --undo restores. */
export const archiveCommand: Command = async (args, io) => {
  const { values, positionals } = parse(args, { undo: { type: 'boolean' } });
  if (positionals.length === 0) throw new UsageError('give at least one domain');
  const archived = !values.undo;
  return withHunter(values.db, async (hunter) =>
    reportLifecycle(io, archiveLeads(hunter, positionals, archived), {
      json: values.json === true,
      done: archived ? 'archived' : 'restored',
    }),
  );
};
