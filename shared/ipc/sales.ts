import { z } from 'zod';
import type { SalesSummary } from '../sales-summary';
import { langArg } from './args';

const summaryArg = z.object({ domain: z.string().trim().min(1).max(300), lang: langArg }).strict();

export const salesChannels = {
  'leads.salesSummary': { input: summaryArg, output: {} as SalesSummary },
  'leads.salesSummaryText': { input: summaryArg, output: {} as { text: string } },
} as const;
