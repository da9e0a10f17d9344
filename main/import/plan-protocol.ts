import type { BadFileReason } from './bad-file';
import type { ImportConfig, ImportPlan } from './preview';

export interface PlanRequest {
  fileName: string;
  content: Uint8Array;
  config: ImportConfig;
}

export type PlanResponse =
  | { ok: true; plan: ImportPlan }
  /** reason null: a fault of ours, not of the file */
  | { ok: false; reason: BadFileReason | null; message: string; limit?: number };
