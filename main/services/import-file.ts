import { loadResource } from '../config/resource-loader';
import type { ImportResult } from '../../shared/imports';
import { ColumnKeywordsSchema } from '../import/detect-columns';
import type { ColumnKeywords } from '../import/detect-columns';
import { planImport } from '../import/preview';
import type { ImportPlan } from '../import/preview';
import { readTable } from '../import/read-table';
import type { Store } from '../store/db';

export function loadColumnKeywords(resources: string): ColumnKeywords {
  return loadResource(resources, 'import_columns.json', ColumnKeywordsSchema);
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
