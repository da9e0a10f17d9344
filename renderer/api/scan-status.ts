import type { ScanJobStatus } from '../../shared/scan-jobs';

const FINAL_STATES: ScanJobStatus['state'][] = ['done', 'cancelled', 'error'];

/**
 * Whether `incoming` may replace `current`. Call answers and progress events travel on different connections, so
 * the "running" answer of scan.resume can arrive after the job's final "done" event: it must not win, or the bar
 * stays running forever. Within one job, progress only moves forward.
 */
export function isNewerStatus(current: ScanJobStatus | null, incoming: ScanJobStatus | null): boolean {
  if (!current || !incoming || current.job_id !== incoming.job_id) return true;
  if (incoming.done !== current.done) return incoming.done > current.done;
  return !(FINAL_STATES.includes(current.state) && incoming.state === 'running');
}
