import { z } from 'zod';
import type { ImportPreview, ImportResult } from '../imports';
import { LeadQuerySchema } from '../leads';
import { fileArg, noArgs } from './args';

export const fileChannels = {
  'import.preview': { input: fileArg, output: {} as ImportPreview },
  'import.commit': { input: fileArg, output: {} as ImportResult },
  'export.leads': {
    input: z.object({ query: LeadQuerySchema, format: z.enum(['csv', 'xlsx']) }).strict(),
    output: {} as { file_name: string; content_base64: string; rows: number },
  },
  /** files the OS opened Hunter with (double-click, "Open with", a second launch), each handed out once */
  'files.take_opened': { input: noArgs, output: {} as { file_name: string; content_base64: string }[] },
} as const;

export interface FileEvents {
  /** files are waiting for files.take_opened */
  'files.opened': { count: number };
}
