import { z } from 'zod';
import type { Lang } from '../lang';
import { noArgs } from './args';

export const appChannels = {
  'app.info': { input: noArgs, output: {} as { version: string; db_path: string; platform: string } },
  /** language → provider name → its short label: the one list the grid, filters, detail and exports show */
  'app.providerLabels': { input: noArgs, output: {} as Record<Lang, Record<string, string>> },
  /** a part of the window failed to render (the error boundary showed its notice instead): for the log */
  'app.reportError': {
    input: z
      .object({
        area: z.string().max(40),
        message: z.string().max(1000),
        stack: z.string().max(4000),
        component_stack: z.string().max(4000),
      })
      .strict(),
    output: {} as { logged: true },
  },
} as const;
