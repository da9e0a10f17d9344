import type { Clock, Db } from './db-types';
import { createLeadLifecycle } from './lead-lifecycle';
import type { LeadLifecycle } from './lead-lifecycle';
import { createLeadReads } from './lead-reads';
import type { LeadReads } from './lead-reads';
import { createLeadWrites } from './lead-writes';
import type { LastKnownSignals, LeadWrites } from './lead-writes';

export type { LastKnownSignals, NewLead } from './lead-writes';

/** Everything about leads: writes (import, scan results, archive, delete) and reads (grid, detail, history, dashboard). */
export type LeadsRepository = LeadWrites & LeadLifecycle & LeadReads;

export function createLeadsRepository(db: Db, now: Clock, lastKnown?: LastKnownSignals): LeadsRepository {
  return { ...createLeadWrites(db, now, lastKnown), ...createLeadLifecycle(db, now), ...createLeadReads(db, now) };
}
