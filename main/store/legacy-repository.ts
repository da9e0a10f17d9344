import { asc, desc, eq } from 'drizzle-orm';
import type { LegacyNote } from '../../shared/legacy';
import type { Db } from './db-types';
import { legacyNotes, legacyTags } from './schema';

/** Read-only access to retired CRM-lite data : users can still see what they wrote before. */
export interface LegacyRepository {
  /** newest first */
  notes(domain: string): LegacyNote[];
  tags(domain: string): { tag: string; created_at: string }[];
}

export function createLegacyRepository(db: Db): LegacyRepository {
  return {
    notes: (domain) =>
      db
        .select()
        .from(legacyNotes)
        .where(eq(legacyNotes.domain, domain))
        .orderBy(desc(legacyNotes.created_at), desc(legacyNotes.id))
        .all(),
    tags: (domain) =>
      db
        .select({ tag: legacyTags.tag, created_at: legacyTags.created_at })
        .from(legacyTags)
        .where(eq(legacyTags.domain, domain))
        .orderBy(asc(legacyTags.created_at), asc(legacyTags.tag))
        .all(),
  };
}
