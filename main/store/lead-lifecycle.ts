// Archiving and deleting leads. Both take ASCII domains and report the ones no lead has, so callers can say so.
import type { LeadLifecycleResult } from '../../shared/leads';
import type { Clock, Db } from './db-types';
import { LEGACY_TABLES } from './legacy-repository';

export type { LeadLifecycleResult };

export interface LeadLifecycle {
  /** Archives (or restores) leads; a lead already in the asked state counts as changed and keeps its timestamp. */
  archiveLeads(domains: string[], archived: boolean): LeadLifecycleResult;
  /**
   * Deletes leads with everything kept about them, in one transaction: verdict, signals, tags and scan history
   * (by foreign key), the legacy notes, tags and favorites of their domain. Partner Center referrals stay, unlinked
   * (they are Partner Center's records); pushes still waiting in the Dynamics 365 outbox are skipped.
   */
  deleteLeads(domains: string[]): LeadLifecycleResult;
}

/** Why an outbox item was skipped when its lead was deleted (shown with the item in the outbox list). */
export const LEAD_DELETED = 'lead deleted';

export function createLeadLifecycle(db: Db, now: Clock): LeadLifecycle {
  const sqlite = db.$client;
  // domains travel as one JSON array parameter, so a large selection stays inside SQLite's bound-variable limit
  const inDomains = 'IN (SELECT value FROM json_each(@domains))';
  const q = {
    existing: sqlite.prepare<{ domains: string }, { domain: string }>(
      `SELECT domain FROM leads WHERE domain ${inDomains}`,
    ),
    archive: sqlite.prepare(
      `UPDATE leads SET archived_at = @now, updated_at = @now WHERE domain ${inDomains} AND archived_at IS NULL`,
    ),
    restore: sqlite.prepare(
      `UPDATE leads SET archived_at = NULL, updated_at = @now WHERE domain ${inDomains} AND archived_at IS NOT NULL`,
    ),
    unlinkReferrals: sqlite.prepare(
      `UPDATE partner_center_referrals SET link_status = 'unlinked', linked_lead_id = NULL, updated_at = @now
       WHERE linked_lead_id IN (SELECT id FROM leads WHERE domain ${inDomains})`,
    ),
    skipPushes: sqlite.prepare(
      `UPDATE d365_outbox SET state = 'skipped', last_error = @reason, next_attempt_at = NULL, finished_at = @now,
         updated_at = @now
       WHERE lead_domain ${inDomains} AND state IN ('queued', 'failed')`,
    ),
    tableExists: sqlite.prepare<[string], { n: number }>(
      `SELECT count(*) AS n FROM sqlite_master WHERE type = 'table' AND name = ?`,
    ),
    deleteLeads: sqlite.prepare(`DELETE FROM leads WHERE domain ${inDomains}`),
  };

  /** Runs `apply` on the domains that have a lead, inside one transaction with the lookup. */
  const withExisting = (domains: string[], apply: (params: { domains: string; now: string }) => void) =>
    sqlite.transaction((): LeadLifecycleResult => {
      const unique = [...new Set(domains)];
      const found = new Set(q.existing.all({ domains: JSON.stringify(unique) }).map((r) => r.domain));
      const changed = unique.filter((d) => found.has(d));
      if (changed.length) apply({ domains: JSON.stringify(changed), now: now().toISOString() });
      return { changed, missing: unique.filter((d) => !found.has(d)) };
    })();

  return {
    archiveLeads: (domains, archived) =>
      withExisting(domains, (params) => (archived ? q.archive : q.restore).run(params)),
    deleteLeads: (domains) =>
      withExisting(domains, (params) => {
        q.unlinkReferrals.run(params);
        q.skipPushes.run({ ...params, reason: LEAD_DELETED });
        // prepared per call: removing CRM-lite drops these tables while the app runs
        for (const table of LEGACY_TABLES) {
          if (q.tableExists.get(table)!.n) sqlite.prepare(`DELETE FROM ${table} WHERE domain ${inDomains}`).run(params);
        }
        q.deleteLeads.run(params);
      }),
  };
}
