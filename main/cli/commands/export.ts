import fs from 'node:fs';
import { exportLeads } from '../../services/export-leads';
import { EXIT, FILTER_OPTIONS, leadQueryFrom, parse, UsageError } from '../args';
import type { Command } from '../args';
import { withHunter } from '../with-hunter';

export const exportCommand: Command = async (args, io) => {
  const { values } = parse(args, { ...FILTER_OPTIONS, format: { type: 'string' }, out: { type: 'string' } });
  if (values.format !== 'csv' && values.format !== 'xlsx') throw new UsageError('--format must be csv or xlsx');
  if (!values.out) throw new UsageError('--out FILE is required');
  const query = leadQueryFrom(values);
  const { limit: _limit, ...filters } = query;
  return withHunter(values.db, async ({ store }) => {
    const file = await exportLeads(store, filters, values.format as 'csv' | 'xlsx');
    fs.writeFileSync(values.out as string, file.content);
    io.err(`wrote ${file.rows} leads to ${values.out}`);
    return EXIT.ok;
  });
};
