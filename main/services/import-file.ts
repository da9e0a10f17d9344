import fs from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';
import type { ImportResult } from '../../shared/ipc/contract';
import { ColumnKeywordsSchema } from '../import/detect-columns';
import { ImportDomainRulesSchema } from '../import/domain-rules';
import { planInWorker, type PlanWorkerLimits } from '../import/plan-in-worker';
import type { ImportConfig, ImportPlan } from '../import/preview';
import type { Store } from '../store/db';

let configCache: { dir: string; value: ImportConfig } | null = null;

function readJson<S extends z.ZodTypeAny>(file: string, schema: S): z.output<S> {
  const parsed = schema.safeParse(JSON.parse(fs.readFileSync(file, 'utf8')));
  if (!parsed.success)
    throw new Error(`${file}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  return parsed.data;
}

export function loadImportConfig(resources: string): ImportConfig {
  if (configCache?.dir === resources) return configCache.value;
  const value: ImportConfig = {
    keywords: readJson(path.join(resources, 'import_columns.json'), ColumnKeywordsSchema),
    domainRules: readJson(path.join(resources, 'import_domain_rules.json'), ImportDomainRulesSchema),
  };
  configCache = { dir: resources, value };
  return value;
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
