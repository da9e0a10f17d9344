import { z } from 'zod';
import type { LegacyImportResult } from '../../../shared/legacy';
import { AppError } from '../../core/app-error';
import { normalizeDomain } from '../../engine/normalize';
import { readTable } from '../../import/read-table';
import type { Store } from '../../store/db';
import type { LegacyRows } from '../../store/legacy-repository';

// The previous Hunter's CRM-lite exports, as this import accepts them:
// - JSON: { "notes": [...], "tags": [...], "favorites": [...] } (any of the three), or the bare array its read
//   endpoints answered: notes ({ id, domain, note, created_at, updated_at }) or tags ({ id, domain, tag, created_at }).
// - CSV: one kind per file, told by its header: domain + note (notes), domain + tag (tags), domain + user_id
//   (favorites); created_at / updated_at optional.
// Rows are checked all together first: one bad row fails the whole file and nothing is written.

export const MAX_LEGACY_FILE_BYTES = 10 * 1024 * 1024;
export const MAX_LEGACY_ROWS = 50_000;
const MAX_PROBLEMS = 10;

const when = z
  .string()
  .max(40)
  .refine((v) => !Number.isNaN(Date.parse(v)), 'not a date/time')
  .transform((v) => new Date(v).toISOString());
const domain = z.string().trim().min(1).max(300);
const noteRow = z
  .object({
    domain,
    note: z.string().trim().min(1).max(20_000),
    created_at: when.optional(),
    updated_at: when.optional(),
  })
  .passthrough();
const tagRow = z.object({ domain, tag: z.string().trim().min(1).max(100), created_at: when.optional() }).passthrough();
const favoriteRow = z
  .object({ domain, user_id: z.string().trim().min(1).max(200).optional(), created_at: when.optional() })
  .passthrough();
const bundle = z
  .object({
    notes: z.array(z.unknown()).optional(),
    tags: z.array(z.unknown()).optional(),
    favorites: z.array(z.unknown()).optional(),
  })
  .strict();

type Kind = 'notes' | 'tags' | 'favorites';
const SCHEMAS = { notes: noteRow, tags: tagRow, favorites: favoriteRow } as const;

interface Problem {
  kind: Kind;
  row: number;
  message: string;
}

/** The rows of each kind, as the file holds them (objects, not yet checked). */
async function rawRows(fileName: string, content: Buffer): Promise<Record<Kind, unknown[]>> {
  const empty = { notes: [], tags: [], favorites: [] };
  if (fileName.toLowerCase().endsWith('.json')) {
    let data: unknown;
    try {
      data = JSON.parse(content.toString('utf8').replace(/^\uFEFF/, ''));
    } catch (err) {
      throw new AppError('bad_file', `The file is not valid JSON: ${(err as Error).message}`);
    }
    if (Array.isArray(data)) {
      const first = data[0] as Record<string, unknown> | undefined;
      if (first && typeof first === 'object' && 'note' in first) return { ...empty, notes: data };
      if (first && typeof first === 'object' && 'tag' in first) return { ...empty, tags: data };
      throw new AppError('bad_file', 'A JSON list must hold notes (with "note") or tags (with "tag")');
    }
    const parsed = bundle.safeParse(data);
    if (!parsed.success)
      throw new AppError('bad_file', 'The JSON must be an object with "notes", "tags" and/or "favorites" lists');
    return { notes: parsed.data.notes ?? [], tags: parsed.data.tags ?? [], favorites: parsed.data.favorites ?? [] };
  }
  const table = await readTable(fileName, content);
  const header = table.firstRow.map((h) => h.trim().toLowerCase());
  const kind: Kind | null = header.includes('note')
    ? 'notes'
    : header.includes('tag')
      ? 'tags'
      : header.includes('user_id')
        ? 'favorites'
        : null;
  if (!header.includes('domain') || !kind)
    throw new AppError('bad_file', 'The CSV header must have "domain" and one of "note", "tag" or "user_id"');
  const rows = table.rows.map((cells) =>
    Object.fromEntries(header.flatMap((h, i) => (cells[i]?.trim() ? [[h, cells[i]]] : []))),
  );
  return { ...empty, [kind]: rows };
}

/** Parses and checks a CRM-lite export; throws bad_file naming the first problems, or returns the rows to add. */
export async function parseLegacyExport(
  fileName: string,
  content: Buffer,
  opts: { autoTags: ReadonlySet<string>; now: () => Date },
): Promise<{ rows: LegacyRows; autoTagsSkipped: number }> {
  if (content.length > MAX_LEGACY_FILE_BYTES)
    throw new AppError('bad_file', `The file is larger than ${MAX_LEGACY_FILE_BYTES / 1024 / 1024} MB`);
  const raw = await rawRows(fileName, content);
  const total = raw.notes.length + raw.tags.length + raw.favorites.length;
  if (total === 0) throw new AppError('bad_file', 'The file holds no notes, tags or favorites');
  if (total > MAX_LEGACY_ROWS) throw new AppError('bad_file', `The file has more than ${MAX_LEGACY_ROWS} rows`);

  const stamp = opts.now().toISOString();
  const problems: Problem[] = [];
  const rows: LegacyRows = { notes: [], tags: [], favorites: [] };
  let autoTagsSkipped = 0;
  for (const kind of ['notes', 'tags', 'favorites'] as const) {
    raw[kind].forEach((item, i) => {
      const row = i + 1;
      const parsed = SCHEMAS[kind].safeParse(item);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        problems.push({ kind, row, message: `${issue.path.join('.') || 'row'}: ${issue.message}` });
        return;
      }
      const d = normalizeDomain(parsed.data.domain);
      if (!d.ok) {
        problems.push({ kind, row, message: `"${parsed.data.domain.slice(0, 80)}" is not a domain` });
        return;
      }
      const created = parsed.data.created_at ?? stamp;
      if (kind === 'notes') {
        const n = parsed.data as z.infer<typeof noteRow>;
        rows.notes.push({ domain: d.domain, note: n.note, created_at: created, updated_at: n.updated_at ?? created });
      } else if (kind === 'tags') {
        const t = parsed.data as z.infer<typeof tagRow>;
        if (opts.autoTags.has(t.tag)) autoTagsSkipped++;
        else rows.tags.push({ domain: d.domain, tag: t.tag, created_at: created });
      } else {
        const f = parsed.data as z.infer<typeof favoriteRow>;
        rows.favorites.push({ domain: d.domain, user_id: f.user_id ?? 'default', created_at: created });
      }
    });
  }
  if (problems.length > 0) {
    const shown = problems.slice(0, MAX_PROBLEMS).map((p) => `${p.kind} row ${p.row}: ${p.message}`);
    const more = problems.length > MAX_PROBLEMS ? ` (and ${problems.length - MAX_PROBLEMS} more)` : '';
    throw new AppError('bad_file', `Nothing was imported. ${shown.join('; ')}${more}`, {
      problems: problems.slice(0, 100),
    });
  }
  return { rows, autoTagsSkipped };
}

/** Parses, then writes everything in one transaction: all of the file or none of it. */
export async function importLegacyExport(
  store: Store,
  fileName: string,
  content: Buffer,
  opts: { autoTags: ReadonlySet<string>; now: () => Date },
): Promise<LegacyImportResult> {
  if (!store.legacy.present())
    throw new AppError('gone', 'CRM-lite has been removed: its tables were exported and dropped');
  const { rows, autoTagsSkipped } = await parseLegacyExport(fileName, content, opts);
  const added = store.transaction(() => store.legacy.insert(rows));
  const offered = rows.notes.length + rows.tags.length + rows.favorites.length;
  return {
    ...added,
    duplicates: offered - added.notes - added.tags - added.favorites,
    auto_tags_skipped: autoTagsSkipped,
  };
}
