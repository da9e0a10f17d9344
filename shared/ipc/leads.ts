import { z } from 'zod';
import type { ScoreBreakdown } from '../domain';
import { LeadQuerySchema } from '../leads';
import type { Kpis, LeadDetail, LeadLifecycleResult, LeadPage, LeadStats, ScanHistoryEntry } from '../leads';
import { domainArg, noArgs } from './args';

/** the grid's multi-selection, as the bulk actions take it (LeadQuerySchema's domains has the same cap) */
const leadDomains = z.array(z.string().trim().min(1).max(300)).min(1).max(100_000);

export const leadChannels = {
  'leads.list': { input: LeadQuerySchema, output: {} as LeadPage },
  'leads.get': { input: domainArg, output: {} as LeadDetail },
  'leads.history': { input: domainArg, output: {} as ScanHistoryEntry[] },
  'leads.breakdown': { input: domainArg, output: {} as ScoreBreakdown },
  'leads.add': {
    input: z
      .object({ input: z.string().trim().min(1).max(500), company_name: z.string().trim().max(200).optional() })
      .strict(),
    output: {} as { domain: string; created: boolean },
  },
  'leads.kpis': { input: noArgs, output: {} as Kpis },
  'leads.stats': { input: noArgs, output: {} as LeadStats },
  /** archived leads leave the grid, KPIs and overview; archived: false restores them */
  'leads.archive': {
    input: z.object({ domains: leadDomains, archived: z.boolean() }).strict(),
    output: {} as LeadLifecycleResult,
  },
  /** for good: the leads with their history; their Partner Center referrals stay, unlinked */
  'leads.delete': { input: z.object({ domains: leadDomains }).strict(), output: {} as LeadLifecycleResult },
} as const;

export interface LeadEvents {
  'leads.changed': { domains: string[] };
}
