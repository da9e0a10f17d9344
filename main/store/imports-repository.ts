import { sql } from 'drizzle-orm';
import type { Clock, Db } from './db-types';
import { rawImportRows, rawImports } from './schema';

export interface ImportRowRecord {
  /** 1-based row number in the file (header excluded) */
  row: number;
  /** the row's cells as read, by header */
  raw: Record<string, unknown>;
  /** normalised domain, or null when the row was rejected */
  domain: string | null;
  /** machine code of the rejection reason */
  error: string | null;
}

export interface ImportsRepository {
  /** Keeps the file's rows verbatim (accepted and rejected) in one transaction; returns the import id. */
  recordImport(fileName: string, rows: ImportRowRecord[]): number;
}

export function createImportsRepository(db: Db, now: Clock): ImportsRepository {
  const p = (name: string) => sql`${sql.placeholder(name)}`;
  const insertRow = db
    .insert(rawImportRows)
    .values({ import_id: p('import_id'), row_number: p('row'), raw: p('raw'), domain: p('domain'), error: p('error') })
    .prepare();

  const recordImport = db.$client.transaction((fileName: string, rows: ImportRowRecord[]) => {
    const [{ id }] = db
      .insert(rawImports)
      .values({ file_name: fileName, imported_at: now().toISOString(), row_count: rows.length })
      .returning({ id: rawImports.id })
      .all();
    for (const r of rows) {
      insertRow.run({ import_id: id, row: r.row, raw: JSON.stringify(r.raw), domain: r.domain, error: r.error });
    }
    return id;
  });

  return { recordImport };
}
