// The bulk scan job is shared by the toolbar buttons and the app-wide progress bar, so its last known
// status lives in one small store fed by call results and `scan.progress` events.
import { useEffect } from 'react';
import { create } from 'zustand';
import type { ScanJobStatus } from '../../shared/scan-jobs';
import type { LeadQuery } from '../../shared/leads';
import { api } from './api';
import type { ApiError } from './api';
import { toApiError } from './hooks';
import { isNewerStatus } from './scan-status';

interface ScanJobState {
  job: ScanJobStatus | null;
  error: ApiError | null;
  pending: boolean;
  /** a finished job stays visible until dismissed so the rep sees the outcome */
  dismissed: number | null;
  setJob: (job: ScanJobStatus | null) => void;
  dismiss: () => void;
}

export const useScanJob = create<ScanJobState>()((set) => ({
  job: null,
  error: null,
  pending: false,
  dismissed: null,
  setJob: (job) => set({ job }),
  dismiss: () => set((state) => ({ dismissed: state.job?.job_id ?? null, error: null })),
}));

function receive(job: ScanJobStatus | null): void {
  if (isNewerStatus(useScanJob.getState().job, job)) useScanJob.setState({ job });
}

async function run(action: () => Promise<ScanJobStatus | null>): Promise<void> {
  useScanJob.setState({ pending: true, error: null });
  try {
    receive(await action());
    useScanJob.setState({ dismissed: null });
  } catch (error) {
    useScanJob.setState({ error: toApiError(error) });
  } finally {
    useScanJob.setState({ pending: false });
  }
}

export const scanActions = {
  startQuery: (query: LeadQuery) => run(() => api.invoke('scan.start', { query })),
  startDomains: (domains: string[]) => run(() => api.invoke('scan.start', { domains })),
  rescanFailed: (jobId: number) => run(() => api.invoke('scan.rescanFailed', { job_id: jobId })),
  cancel: (jobId: number) => run(() => api.invoke('scan.cancel', { job_id: jobId })),
  resume: (jobId: number) => run(() => api.invoke('scan.resume', { job_id: jobId })),
};

export function isActive(job: ScanJobStatus | null): boolean {
  return job?.state === 'running';
}

/** Mount once: learns about an unfinished job from a previous session and follows progress events. */
export function useScanJobFeed(): void {
  useEffect(() => {
    api
      .invoke('scan.status', {})
      .then(receive)
      .catch((error: unknown) => useScanJob.setState({ error: toApiError(error) }));
    return api.on('scan.progress', receive);
  }, []);
}
