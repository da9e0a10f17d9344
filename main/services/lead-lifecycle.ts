// Archiving and deleting leads as the app does it: domains in any spelling, one transaction, the scan job told,
// the views told.
import type { EventBus } from '../core/event-bus';
import type { Log } from '../core/log';
import { normalizeDomain } from '../engine/normalize';
import type { LeadLifecycleResult } from '../../shared/leads';
import type { Store } from '../store/db';
import { LEAD_DELETED } from '../store/lead-lifecycle';

export interface LeadLifecycleDeps {
  store: Store;
  bus: EventBus;
  log: Log;
}

/** What the rep asked for, read as stored domains: a spelling that is no domain cannot name a lead (missing). */
function keysOf(inputs: string[]): { domains: string[]; invalid: string[] } {
  const domains: string[] = [];
  const invalid: string[] = [];
  for (const input of inputs) {
    const n = normalizeDomain(input);
    if (n.ok) domains.push(n.domain);
    else invalid.push(input);
  }
  return { domains, invalid };
}

export function archiveLeads(deps: LeadLifecycleDeps, inputs: string[], archived: boolean): LeadLifecycleResult {
  const { domains, invalid } = keysOf(inputs);
  const result = deps.store.leads.archiveLeads(domains, archived);
  if (result.changed.length) {
    deps.log.info(archived ? 'leads.archived' : 'leads.restored', { count: result.changed.length });
    deps.bus.emit('leads.changed', { domains: result.changed });
  }
  return { changed: result.changed, missing: [...result.missing, ...invalid] };
}

export function deleteLeads(deps: LeadLifecycleDeps, inputs: string[]): LeadLifecycleResult {
  const { domains, invalid } = keysOf(inputs);
  const { store } = deps;
  const result = store.transaction(() => {
    const deleted = store.leads.deleteLeads(domains);
    // a paused or running bulk scan would otherwise scan the lead again later and bring it back
    const job = store.scanJobs.latestUnfinished();
    if (job && deleted.changed.length) {
      store.scanJobs.markFailed(
        job.id,
        deleted.changed.map((domain) => ({ domain, error: LEAD_DELETED })),
      );
    }
    return deleted;
  });
  if (result.changed.length) {
    deps.log.info('leads.deleted', { count: result.changed.length });
    deps.bus.emit('leads.changed', { domains: result.changed });
  }
  return { changed: result.changed, missing: [...result.missing, ...invalid] };
}
