import { FILTER_OPTIONS, EXIT, leadQueryFrom, parse } from '../args';
import type { Command } from '../args';
import { leadLine } from '../format';
import { withHunter } from '../with-hunter';

export const leadsCommand: Command = async (args, io) => {
  const { values } = parse(args, FILTER_OPTIONS);
  const query = leadQueryFrom(values);
  return withHunter(values.db, async ({ store }) => {
    const page = store.leads.listLeads({ limit: 100, ...query });
    for (const row of page.rows) io.out(values.json ? JSON.stringify(row) : leadLine(row));
    if (!values.json) io.err(`${page.rows.length} of ${page.total} leads`);
    return EXIT.ok;
  });
};
