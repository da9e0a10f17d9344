export type ScanJobState = 'running' | 'paused' | 'done' | 'cancelled' | 'error';

export interface ScanJobStatus {
  job_id: number;
  state: ScanJobState;
  total: number;
  done: number;
  succeeded: number;
  failed: number;
  rate_per_s: number;
  eta_ms: number | null;
  started_at: string;
  /** why a job in state "error" stopped (the cause as the user can act on it); null otherwise */
  error: string | null;
}
