import { z } from 'zod';
import type { LegacyNote } from '../legacy';
import { domainArg } from './args';

// CRM-lite is retired: reads stay for migration, writes answer the "gone" error.
export const legacyChannels = {
  'legacy.notes': { input: domainArg, output: {} as LegacyNote[] },
  'legacy.tags': { input: domainArg, output: {} as { tag: string; created_at: string }[] },
  'legacy.addNote': { input: z.object({ domain: z.string(), note: z.string() }).strict(), output: {} as never },
} as const;
