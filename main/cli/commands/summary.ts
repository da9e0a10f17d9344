import type { Lang } from '../../../shared/lang';
import { salesSummaryFor, salesSummaryTextFor } from '../../services/sales';
import { EXIT, notFound, parse, requireDomain, UsageError } from '../args';
import { terminalSafe } from '../format';
import type { Command } from '../args';
import { withHunter } from '../with-hunter';

export const summaryCommand: Command = async (args, io) => {
  const { values, positionals } = parse(args, { lang: { type: 'string' } });
  const domain = requireDomain(positionals);
  if (values.lang !== undefined && values.lang !== 'tr' && values.lang !== 'en')
    throw new UsageError('--lang must be tr or en');
  return withHunter(values.db, async (hunter) => {
    const lang = (values.lang as Lang | undefined) ?? hunter.settings.get().language;
    const lead = hunter.store.leads.getLead(domain);
    if (!lead) return notFound(io, domain);
    io.out(
      values.json
        ? JSON.stringify(salesSummaryFor(hunter, lead, lang), null, 2)
        : terminalSafe(salesSummaryTextFor(hunter, lead, lang), true),
    );
    return EXIT.ok;
  });
};
