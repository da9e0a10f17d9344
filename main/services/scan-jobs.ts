import type { ScanFailureCount, ScanJobStatus } from '../../shared/scan-jobs';
import type { Service } from '../app/service';
import { AppError } from '../core/app-error';
import type { EventBus } from '../core/event-bus';
import { errorContext } from '../core/log';
import type { Log } from '../core/log';
import type { Store } from '../store/db';
import { LEAD_DELETED } from '../store/lead-lifecycle';
import { recordJobBatch, scanAndStore } from './scan-and-store';
import { failuresByCause, jobHealth, ScanRate } from './scan-progress';
import type { ScanProgressRules } from './scan-progress';
import type { Scanners } from './scanners';

const CHUNK = 1000;
const PROGRESS_INTERVAL_MS = 100;
/** how long stop() lets scans already in flight finish and be stored before it lets the store close */
const STOP_DRAIN_MS = 300;
const FAILURES_REREAD_MS = 1000;

export interface ScanJobDeps {
  store: Store;
  bus: EventBus;
  scanners: Scanners;
  concurrency: () => number;
  log: Log;
  progress: ScanProgressRules;
}

/**
 * Bulk scans as persisted jobs: every domain is a job item marked done in the same transaction that stores its
 * result, so a job interrupted by closing the app resumes with exactly the items that were not stored yet.
 * One job runs at a time; scans start only when asked (never because a screen opened).
 */
export class ScanJobService implements Service {
  readonly name = 'scan-jobs';
  private running: { jobId: number; abort: AbortController; done: Promise<void> } | null = null;
  private readonly rate: ScanRate;
  /** failures in a row among the running job's latest results */
  private failStreak = 0;
  /**
   * The last failure breakdown read. Reused while the failed count stays the same, and while the job runs for up to
   * FAILURES_REREAD_MS: progress is emitted ten times a second and grouping a large job's failures each time is not
   * worth it.
   */
  private failures: { jobId: number; failed: number; readAt: number; counts: ScanFailureCount[] } | null = null;

  constructor(private readonly deps: ScanJobDeps) {
    this.rate = new ScanRate(deps.progress.eta);
  }

  /** Jobs never start by themselves: an interrupted one waits for the user's "resume". */
  start(): void {}

  /** Aborts the running job, lets in-flight scans land for a moment, and leaves the job paused (resumable). */
  async stop(): Promise<void> {
    const running = this.running;
    if (!running) return;
    running.abort.abort();
    await Promise.race([running.done, new Promise((resolve) => setTimeout(resolve, STOP_DRAIN_MS).unref())]);
  }

  startJob(domains: string[]): ScanJobStatus {
    this.assertIdle();
    if (domains.length === 0) throw new AppError('validation', 'There is nothing to scan');
    // a settings problem is reported now, before a job exists whose every domain would fail on it
    this.deps.scanners.get();
    // the repository keeps one item per distinct domain
    const job = this.deps.store.scanJobs.create(domains, {});
    this.launch(job.id);
    return this.status(job.id)!;
  }

  resume(jobId: number): ScanJobStatus {
    this.assertIdle();
    const job = this.deps.store.scanJobs.get(jobId);
    if (!job) throw new AppError('not_found', `Scan job ${jobId} does not exist`);
    // finished jobs (done, cancelled) stay as they ended
    if (job.state === 'done' || job.state === 'cancelled') return this.status(jobId)!;
    this.deps.scanners.get();
    this.launch(jobId);
    return this.status(jobId)!;
  }

  /**
   * A new job over the domains this job failed on that still read as failed (a lead rescanned since, or removed,
   * is left alone).
   */
  rescanFailed(jobId: number): ScanJobStatus {
    const { store } = this.deps;
    if (!store.scanJobs.get(jobId)) throw new AppError('not_found', `Scan job ${jobId} does not exist`);
    const failed = store.scanJobs.failedDomains(jobId);
    const stillFailed = failed.length ? store.leads.allDomains({ domains: failed, scan_state: 'failed' }) : [];
    if (stillFailed.length === 0) throw new AppError('validation', 'No domain of this scan is still failing');
    return this.startJob(stillFailed);
  }

  cancel(jobId: number): ScanJobStatus {
    if (this.running?.jobId === jobId) this.running.abort.abort();
    const job = this.deps.store.scanJobs.get(jobId);
    if (!job) throw new AppError('not_found', `Scan job ${jobId} does not exist`);
    this.deps.store.scanJobs.cancel(jobId);
    return this.status(jobId)!;
  }

  /** The running job, or the newest unfinished one (to offer "resume" after a restart). */
  current(): ScanJobStatus | null {
    if (this.running) return this.status(this.running.jobId);
    const job = this.deps.store.scanJobs.latestUnfinished();
    return job ? this.status(job.id) : null;
  }

  /** Resolves when the running job (if any) has stopped by itself: used by tests. */
  async idle(): Promise<void> {
    await this.running?.done;
  }

  private assertIdle(): void {
    if (this.running) throw new AppError('busy', 'A scan is already running');
  }

  private status(jobId: number): ScanJobStatus | null {
    const job = this.deps.store.scanJobs.get(jobId);
    if (!job) return null;
    const isRunning = this.running?.jobId === jobId;
    const rate = isRunning ? this.rate.perSecond(job.done) : 0;
    return {
      job_id: job.id,
      // a stored "running" job that no process runs was interrupted (app closed): it is resumable
      state: job.state === 'running' && !isRunning ? 'paused' : job.state,
      total: job.total,
      done: job.done,
      succeeded: job.succeeded,
      failed: job.failed,
      rate_per_s: Math.round(rate * 10) / 10,
      eta_ms: isRunning ? this.rate.etaMs(job.done, job.total - job.done) : null,
      started_at: job.started_at,
      error: job.state === 'error' ? job.error : null,
      failures: this.failureCounts(jobId, job.failed, isRunning),
      health: jobHealth(this.deps.progress.health, {
        done: job.done,
        failed: job.failed,
        failStreak: isRunning ? this.failStreak : 0,
      }),
    };
  }

  private failureCounts(jobId: number, failed: number, isRunning: boolean): ScanFailureCount[] {
    if (failed === 0) return [];
    const cached = this.failures;
    if (
      cached?.jobId === jobId &&
      (cached.failed === failed || (isRunning && Date.now() - cached.readAt < FAILURES_REREAD_MS))
    )
      return cached.counts;
    const counts = failuresByCause(this.deps.store.scanJobs.failureCounts(jobId));
    this.failures = { jobId, failed, readAt: Date.now(), counts };
    return counts;
  }

  private launch(jobId: number): void {
    const abort = new AbortController();
    const { store, bus, log } = this.deps;
    store.scanJobs.resume(jobId);
    this.rate.reset(store.scanJobs.get(jobId)!.done);
    this.failStreak = 0;
    let lastEmit = 0;
    const emit = (force = false) => {
      if (!force && Date.now() - lastEmit < PROGRESS_INTERVAL_MS) return;
      lastEmit = Date.now();
      const s = this.status(jobId);
      if (s) bus.emit('scan.progress', s);
    };
    const run = async () => {
      const scanner = this.deps.scanners.get();
      const concurrency = this.deps.concurrency();
      for (;;) {
        if (abort.signal.aborted) break;
        // empty once every item is marked (the repository then marks the job done) or the job was cancelled
        const items = store.scanJobs.nextPending(jobId, CHUNK);
        if (items.length === 0) break;
        await scanAndStore(items, scanner, store, {
          concurrency,
          signal: abort.signal,
          // leads deleted during the job: their items were failed with this reason, their results must not revive them
          dropped: (domain) => store.scanJobs.failedWith(jobId, domain) === LEAD_DELETED,
          inTransaction: (batch) => recordJobBatch(store, jobId, items, batch),
          onStored: (batch) => {
            for (const { result } of batch) this.failStreak = result.verdict === null ? this.failStreak + 1 : 0;
            this.rate.sample(store.scanJobs.get(jobId)!.done);
            bus.emit('leads.changed', { domains: batch.map((b) => b.result.domain) });
            emit();
          },
        });
      }
      // stopped by stop(): say so in the store, so the job reads "paused" to whichever process opens it next
      if (abort.signal.aborted) store.scanJobs.pause(jobId);
    };
    const done = run()
      .catch((err: unknown) => {
        // a failure mid-job (disk full, a broken scanner set-up) stops it with its cause; it stays resumable
        log.error('scan.job_failed', { job_id: jobId, ...errorContext(err) });
        try {
          store.scanJobs.fail(jobId, (err as Error).message ?? String(err));
        } catch (failErr) {
          log.error('scan.job_fail_not_recorded', { job_id: jobId, ...errorContext(failErr) });
        }
      })
      .finally(() => {
        this.running = null;
        emit(true);
      });
    this.running = { jobId, abort, done };
  }
}
