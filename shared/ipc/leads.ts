import { z } from 'zod';
import type { ScoreBreakdown } from '../domain';
import { LeadQuerySchema } from '../leads';
import type { Kpis, LeadDetail, LeadPage, LeadStats, ScanHistoryEntry } from '../leads';
import { domainArg, noArgs } from './args';

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
} as const;

export interface LeadEvents {
  'leads.changed': { domains: string[] };
}
