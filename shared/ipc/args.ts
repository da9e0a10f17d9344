import { LangSchema } from '../lang';
import { z } from 'zod';

/** Argument shapes several features' channels share. */
export const domainArg = z.object({ domain: z.string().trim().min(1).max(300) }).strict();
export const langArg = LangSchema.optional();
export const noArgs = z.object({}).strict();
/** files travel as base64 so the same payload works over Electron IPC and HTTP */
export const fileArg = z
  .object({
    file_name: z.string().min(1).max(260),
    content_base64: z.string().max(70_000_000),
  })
  .strict();
