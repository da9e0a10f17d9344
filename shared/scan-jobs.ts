export type ScanJobState = 'running' | 'paused' | 'done' | 'cancelled' | 'error';

/**
 * Why a job's domains failed, as the user can act on it:
 * dns_no_answer  the DNS server gave no usable answer for MX (timed out, SERVFAIL, refused): check Settings
 * scan_error     the scan itself broke (a crashed worker, a bug): rescan, then report it
 * other          anything else recorded for a failed domain
 */
export const SCAN_FAILURE_CAUSES = ['dns_no_answer', 'scan_error', 'other'] as const;
export type ScanFailureCause = (typeof SCAN_FAILURE_CAUSES)[number];

/**
 * How a job is going: ok (no or few failures), warn (failures past the warning share of the domains done), bad (most
 * fail, or every one of the latest did). Judged only once enough domains are done.
 */
export const SCAN_JOB_HEALTHS = ['ok', 'warn', 'bad'] as const;
export type ScanJobHealth = (typeof SCAN_JOB_HEALTHS)[number];

export interface ScanFailureCount {
  cause: ScanFailureCause;
  count: number;
}

export interface ScanJobStatus {
  job_id: number;
  state: ScanJobState;
  total: number;
  done: number;
  succeeded: number;
  failed: number;
  /** domains per second over the last few seconds; 0 while not running */
  rate_per_s: number;
  /** null while not running and until enough domains are done to estimate from (never from one or two) */
  eta_ms: number | null;
  started_at: string;
  /** why a job in state "error" stopped (the cause as the user can act on it); null otherwise */
  error: string | null;
  /** failed domains by cause, the most frequent first */
  failures: ScanFailureCount[];
  health: ScanJobHealth;
}
