import type { scanChannels } from '../../../shared/ipc/scan';
import type { Hunter } from '../../app/create-hunter';
import { normalizeDomain } from '../../engine/normalize';
import type { HandlersFor } from '../dispatch';
import { leadOf } from './lead-of';

export function scanHandlers({ store, bus, scanners, services }: Hunter): HandlersFor<typeof scanChannels> {
  const jobs = services.scanJobs;
  return {
    'scan.start': ({ domains, query }) => {
      const targets = domains ?? store.leads.allDomains(query ?? {});
      const valid = targets.map((d) => normalizeDomain(d)).flatMap((n) => (n.ok ? [n.domain] : []));
      return jobs.startJob(valid);
    },
    'scan.one': async ({ domain }) => {
      const lead = leadOf(store, domain);
      const result = await scanners.get().scan(lead.domain);
      // deleted while it was scanned: storing the result would bring the lead back (leadOf then says not_found)
      store.transaction(() => store.leads.getLead(lead.domain) && store.leads.saveScanResults([result]));
      bus.emit('leads.changed', { domains: [lead.domain] });
      return leadOf(store, lead.domain);
    },
    'scan.rescanFailed': ({ job_id }) => jobs.rescanFailed(job_id),
    'scan.cancel': ({ job_id }) => jobs.cancel(job_id),
    'scan.resume': ({ job_id }) => jobs.resume(job_id),
    'scan.status': () => jobs.current(),
  };
}
