import fs from 'node:fs';
import path from 'node:path';
import type { ImportResult } from '../../shared/imports';
import { ColumnKeywordsSchema } from '../import/detect-columns';
import type { ColumnKeywords } from '../import/detect-columns';
import { planImport } from '../import/preview';
import type { ImportPlan } from '../import/preview';
import { readTable } from '../import/read-table';
import type { Store } from '../store/db';

let keywordsCache: { dir: string; value: ColumnKeywords } | null = null;

export function loadColumnKeywords(resources: string): ColumnKeywords {
  if (keywordsCache?.dir === resources) return keywordsCache.value;
  const file = path.join(resources, 'import_columns.json');
  const parsed = ColumnKeywordsSchema.safeParse(JSON.parse(fs.readFileSync(file, 'utf8')));
  if (!parsed.success)
    throw new Error(`${file}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  keywordsCache = { dir: resources, value: parsed.data };
  return parsed.data;
}

export async function planImportFile(fileName: string, content: Buffer, resources: string): Promise<ImportPlan> {
  return planImport(await readTable(fileName, content), loadColumnKeywords(resources));
}

/** Stores the raw rows (accepted and rejected) and upserts the valid leads, in one transaction. */
export function commitImport(store: Store, fileName: string, plan: ImportPlan): ImportResult {
  return store.transaction(() => {
    const importId = store.imports.recordImport(fileName, plan.rows);
    const { added, updated } = store.leads.addLeads(plan.leads);
    return {
      import_id: importId,
      added,
      updated,
      rejected: plan.preview.rejected,
      duplicates: plan.preview.duplicates,
    };
  });
}
