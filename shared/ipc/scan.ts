import { z } from 'zod';
import { LeadQuerySchema } from '../leads';
import type { LeadDetail } from '../leads';
import type { ScanJobStatus } from '../scan-jobs';
import { domainArg, noArgs } from './args';

const jobArg = z.object({ job_id: z.number().int() }).strict();

export const scanChannels = {
  'scan.start': {
    input: z
      .object({
        // as many as one import may bring in, so an import can be scanned in one job
        domains: z.array(z.string().max(300)).max(200_000).optional(),
        /** scan every lead matching this grid query instead of an explicit list */
        query: LeadQuerySchema.optional(),
      })
      .strict(),
    output: {} as ScanJobStatus,
  },
  'scan.one': { input: domainArg, output: {} as LeadDetail },
  /** a new job over the domains this job failed on (those still failing) */
  'scan.rescanFailed': { input: jobArg, output: {} as ScanJobStatus },
  'scan.cancel': { input: jobArg, output: {} as ScanJobStatus },
  'scan.resume': { input: jobArg, output: {} as ScanJobStatus },
  /** the current or last unfinished job, so the UI can offer "resume" after a restart */
  'scan.status': { input: noArgs, output: {} as ScanJobStatus | null },
} as const;

export interface ScanEvents {
  'scan.progress': ScanJobStatus;
}
