import type { leadChannels } from '../../../shared/ipc/leads';
import type { Hunter } from '../../app/create-hunter';
import { AppError } from '../../core/app-error';
import { normalizeDomain } from '../../engine/normalize';
import { archiveLeads, deleteLeads } from '../../services/lead-lifecycle';
import type { HandlersFor } from '../dispatch';
import { leadOf } from './lead-of';

export function leadHandlers(hunter: Hunter): HandlersFor<typeof leadChannels> {
  const { store, bus } = hunter;
  return {
    'leads.list': (query) => store.leads.listLeads(query),
    'leads.get': ({ domain }) => leadOf(store, domain),
    'leads.history': ({ domain }) => store.leads.getHistory(leadOf(store, domain).domain),
    'leads.breakdown': ({ domain }) => {
      const lead = leadOf(store, domain);
      if (!lead.breakdown) throw new AppError('not_found', `${lead.domain_display} has not been scanned yet`);
      return lead.breakdown;
    },
    'leads.add': ({ input, company_name }) => {
      const n = normalizeDomain(input);
      if (!n.ok) throw new AppError('invalid_domain', n.message, { reason: n.code });
      const { added } = store.leads.addLeads([
        { domain: n.domain, domain_display: n.display, company_name: company_name || null },
      ]);
      bus.emit('leads.changed', { domains: [n.domain] });
      return { domain: n.domain, created: added > 0 };
    },
    'leads.kpis': () => store.leads.kpis(),
    'leads.stats': () => store.leads.stats(),
    'leads.archive': ({ domains, archived }) => archiveLeads(hunter, domains, archived),
    'leads.delete': ({ domains }) => deleteLeads(hunter, domains),
  };
}
