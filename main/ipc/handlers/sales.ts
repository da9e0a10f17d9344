import type { Lang } from '../../../shared/lang';
import type { salesChannels } from '../../../shared/ipc/sales';
import type { Hunter } from '../../app/create-hunter';
import { salesSummaryFor, salesSummaryTextFor } from '../../services/sales';
import type { HandlersFor } from '../dispatch';
import { leadOf } from './lead-of';

export function salesHandlers(hunter: Hunter): HandlersFor<typeof salesChannels> {
  const lang = (asked: Lang | undefined) => asked ?? hunter.settings.get().language;
  return {
    'leads.salesSummary': ({ domain, lang: asked }) =>
      salesSummaryFor(hunter, leadOf(hunter.store, domain), lang(asked)),
    'leads.salesSummaryText': ({ domain, lang: asked }) => ({
      text: salesSummaryTextFor(hunter, leadOf(hunter.store, domain), lang(asked)),
    }),
  };
}
