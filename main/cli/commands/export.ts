import fs from 'node:fs';
import type { Lang } from '../../../shared/lang';
import { exportLeads } from '../../services/export-leads';
import { EXIT, FILTER_OPTIONS, leadQueryFrom, parse, UsageError } from '../args';
import type { Command } from '../args';
import { withHunter } from '../with-hunter';

export const exportCommand: Command = async (args, io) => {
  const { values } = parse(args, {
    ...FILTER_OPTIONS,
    format: { type: 'string' },
    out: { type: 'string' },
    lang: { type: 'string' },
  });
  if (values.format !== 'csv' && values.format !== 'xlsx') throw new UsageError('--format must be csv or xlsx');
  if (!values.out) throw new UsageError('--out FILE is required');
  if (values.lang !== undefined && values.lang !== 'tr' && values.lang !== 'en')
    throw new UsageError('--lang must be tr or en');
  const query = leadQueryFrom(values);
  const { limit: _limit, ...filters } = query;
  return withHunter(values.db, async (hunter) => {
    const lang = (values.lang as Lang | undefined) ?? hunter.settings.get().language;
    const file = await exportLeads(hunter, filters, { format: values.format as 'csv' | 'xlsx', lang });
    fs.writeFileSync(values.out as string, file.content);
    io.err(`wrote ${file.rows} leads to ${values.out}`);
    return EXIT.ok;
  });
};
