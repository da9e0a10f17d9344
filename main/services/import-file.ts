import type { ImportResult } from '../../shared/imports';
import { loadResource } from '../config/resource-loader';
import { ColumnKeywordsSchema } from '../import/detect-columns';
import { ImportDomainRulesSchema } from '../import/domain-rules';
import { planInWorker, type PlanWorkerLimits } from '../import/plan-in-worker';
import type { ImportConfig, ImportPlan } from '../import/preview';
import type { Store } from '../store/db';

export function loadImportConfig(resources: string): ImportConfig {
  return {
    keywords: loadResource(resources, 'import_columns.json', ColumnKeywordsSchema),
    domainRules: loadResource(resources, 'import_domain_rules.json', ImportDomainRulesSchema),
  };
}

/** Reads and plans the file off the calling thread (see planInWorker for the limits). */
export function planImportFile(
  fileName: string,
  content: Buffer,
  resources: string,
  limits?: PlanWorkerLimits,
): Promise<ImportPlan> {
  return planInWorker(fileName, content, loadImportConfig(resources), limits);
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
      domains: plan.leads.map((l) => l.domain),
    };
  });
}
