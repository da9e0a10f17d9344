import { z } from 'zod';
import type { ImportPreview, ImportResult } from '../imports';
import { LeadQuerySchema } from '../leads';
import { fileArg } from './args';

export const fileChannels = {
  'import.preview': { input: fileArg, output: {} as ImportPreview },
  'import.commit': { input: fileArg, output: {} as ImportResult },
  'export.leads': {
    input: z.object({ query: LeadQuerySchema, format: z.enum(['csv', 'xlsx']) }).strict(),
    output: {} as { file_name: string; content_base64: string; rows: number },
  },
} as const;
