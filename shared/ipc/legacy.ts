import { z } from 'zod';
import type { LegacyImportResult, LegacyLeadData, LegacyNote, LegacyStatus, LegacyTag } from '../legacy';
import { domainArg, fileArg, noArgs } from './args';

const domain = z.string().trim().min(1).max(300);
const noteId = z.number().int().min(1);
const note = z.string().max(20_000);
const tag = z.string().max(100);

// CRM-lite is retired: reads stay for migration, every write answers the "gone" error naming the alternative.
export const legacyChannels = {
  'legacy.notes': { input: domainArg, output: {} as LegacyNote[] },
  'legacy.tags': { input: domainArg, output: {} as LegacyTag[] },
  'legacy.lead': { input: domainArg, output: {} as LegacyLeadData },
  'legacy.status': { input: noArgs, output: {} as LegacyStatus },
  'legacy.import': { input: fileArg, output: {} as LegacyImportResult },
  'legacy.addNote': { input: z.object({ domain, note }).strict(), output: {} as never },
  'legacy.editNote': { input: z.object({ domain, note_id: noteId, note }).strict(), output: {} as never },
  'legacy.deleteNote': { input: z.object({ domain, note_id: noteId }).strict(), output: {} as never },
  'legacy.addTag': { input: z.object({ domain, tag }).strict(), output: {} as never },
  'legacy.removeTag': { input: z.object({ domain, tag }).strict(), output: {} as never },
  'legacy.favorite': { input: domainArg, output: {} as never },
  'legacy.unfavorite': { input: domainArg, output: {} as never },
} as const;
