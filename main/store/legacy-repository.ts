import { and, asc, count, desc, eq } from 'drizzle-orm';
import type { LegacyNote, LegacyTag } from '../../shared/legacy';
import type { Db } from './db-types';
import { legacyFavorites, legacyNotes, legacyTags } from './schema';

export const LEGACY_TABLES = ['legacy_notes', 'legacy_tags', 'legacy_favorites'] as const;

export interface LegacyRows {
  notes: { domain: string; note: string; created_at: string; updated_at: string }[];
  tags: { domain: string; tag: string; created_at: string }[];
  favorites: { domain: string; user_id: string; created_at: string }[];
}

/**
 * Retired CRM-lite data (reference §6): users still see what they wrote before, read-only. The tables disappear
 * for good once CRM-lite is removed (after an export), so every read first checks they are still there.
 */
export interface LegacyRepository {
  /** whether the legacy tables still exist */
  present(): boolean;
  /** newest first */
  notes(domain: string): LegacyNote[];
  tags(domain: string): LegacyTag[];
  favorite(domain: string): boolean;
  counts(): { notes: number; tags: number; favorites: number };
  /** everything, for the export written before the tables are dropped */
  all(): LegacyRows;
  /** adds rows not already there (same note text and time, same tag, same favourite); returns how many were added */
  insert(rows: LegacyRows): { notes: number; tags: number; favorites: number };
}

export function createLegacyRepository(db: Db): LegacyRepository {
  const present = () =>
    (
      db.$client
        .prepare(
          `SELECT count(*) AS n FROM sqlite_master WHERE type = 'table' AND name IN ('legacy_notes', 'legacy_tags', 'legacy_favorites')`,
        )
        .get() as { n: number }
    ).n === LEGACY_TABLES.length;
  return {
    present,
    notes: (domain) =>
      present()
        ? db
            .select()
            .from(legacyNotes)
            .where(eq(legacyNotes.domain, domain))
            .orderBy(desc(legacyNotes.created_at), desc(legacyNotes.id))
            .all()
        : [],
    tags: (domain) =>
      present()
        ? db
            .select({ tag: legacyTags.tag, created_at: legacyTags.created_at })
            .from(legacyTags)
            .where(eq(legacyTags.domain, domain))
            .orderBy(asc(legacyTags.created_at), asc(legacyTags.tag))
            .all()
        : [],
    favorite: (domain) =>
      present() &&
      db.select({ d: legacyFavorites.domain }).from(legacyFavorites).where(eq(legacyFavorites.domain, domain)).get() !==
        undefined,
    counts: () =>
      present()
        ? {
            notes: db.select({ n: count() }).from(legacyNotes).get()!.n,
            tags: db.select({ n: count() }).from(legacyTags).get()!.n,
            favorites: db.select({ n: count() }).from(legacyFavorites).get()!.n,
          }
        : { notes: 0, tags: 0, favorites: 0 },
    all: () => ({
      notes: db
        .select({
          domain: legacyNotes.domain,
          note: legacyNotes.note,
          created_at: legacyNotes.created_at,
          updated_at: legacyNotes.updated_at,
        })
        .from(legacyNotes)
        .orderBy(asc(legacyNotes.id))
        .all(),
      tags: db
        .select({ domain: legacyTags.domain, tag: legacyTags.tag, created_at: legacyTags.created_at })
        .from(legacyTags)
        .orderBy(asc(legacyTags.id))
        .all(),
      favorites: db.select().from(legacyFavorites).orderBy(asc(legacyFavorites.domain)).all(),
    }),
    insert(rows) {
      const added = { notes: 0, tags: 0, favorites: 0 };
      for (const n of rows.notes) {
        const exists = db
          .select({ id: legacyNotes.id })
          .from(legacyNotes)
          .where(
            and(
              eq(legacyNotes.domain, n.domain),
              eq(legacyNotes.note, n.note),
              eq(legacyNotes.created_at, n.created_at),
            ),
          )
          .get();
        if (exists) continue;
        db.insert(legacyNotes).values(n).run();
        added.notes++;
      }
      for (const t of rows.tags) {
        const exists = db
          .select({ id: legacyTags.id })
          .from(legacyTags)
          .where(and(eq(legacyTags.domain, t.domain), eq(legacyTags.tag, t.tag)))
          .get();
        if (exists) continue;
        db.insert(legacyTags).values(t).run();
        added.tags++;
      }
      for (const f of rows.favorites) {
        added.favorites += db.insert(legacyFavorites).values(f).onConflictDoNothing().run().changes;
      }
      return added;
    },
  };
}
