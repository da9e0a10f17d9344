import type { ScanJobStatus } from '../../shared/ipc/contract';
import { HandledError } from '../ipc/dispatch';
import type { EventBus } from '../ipc/events';
import type { HunterContext } from './context';
import { scanAndStore } from './scan-and-store';

const CHUNK = 1000;
const PROGRESS_INTERVAL_MS = 100;

/**
 * Bulk scans as persisted jobs: every domain is a job item marked done in the same transaction that stores its
 * result, so a job interrupted by closing the app resumes with exactly the items that were not stored yet.
 * One job runs at a time; scans start only when asked (never because a screen opened).
 */
export class ScanJobService {
  private running: { jobId: number; abort: AbortController; done: Promise<void> } | null = null;

  constructor(
    private readonly ctx: HunterContext,
    private readonly bus: EventBus,
  ) {}

  start(domains: string[]): ScanJobStatus {
    this.assertIdle();
    if (domains.length === 0) throw new HandledError('validation', 'There is nothing to scan');
    // the repository keeps one item per distinct domain
    const job = this.ctx.store.scanJobs.create(domains, {});
    this.launch(job.id);
    return this.status(job.id)!;
  }

  resume(jobId: number): ScanJobStatus {
    this.assertIdle();
    const job = this.ctx.store.scanJobs.get(jobId);
    if (!job) throw new HandledError('not_found', `Scan job ${jobId} does not exist`);
    // finished jobs (done, cancelled) stay as they ended
    if (job.state !== 'running' && job.state !== 'paused') return this.status(jobId)!;
    this.launch(jobId);
    return this.status(jobId)!;
  }

  cancel(jobId: number): ScanJobStatus {
    if (this.running?.jobId === jobId) this.running.abort.abort();
    const job = this.ctx.store.scanJobs.get(jobId);
    if (!job) throw new HandledError('not_found', `Scan job ${jobId} does not exist`);
    this.ctx.store.scanJobs.cancel(jobId);
    return this.status(jobId)!;
  }

  /** The running job, or the newest unfinished one (to offer "resume" after a restart). */
  current(): ScanJobStatus | null {
    if (this.running) return this.status(this.running.jobId);
    const job = this.ctx.store.scanJobs.latestUnfinished();
    return job ? this.status(job.id) : null;
  }

  /** Resolves when the running job (if any) has stopped: used on shutdown and in tests. */
  async idle(): Promise<void> {
    await this.running?.done;
  }

  private assertIdle(): void {
    if (this.running) throw new HandledError('busy', 'A scan is already running');
  }

  private rate = { startedAt: 0, doneAtStart: 0 };

  private status(jobId: number): ScanJobStatus | null {
    const job = this.ctx.store.scanJobs.get(jobId);
    if (!job) return null;
    const isRunning = this.running?.jobId === jobId;
    const elapsed = (Date.now() - this.rate.startedAt) / 1000;
    const rate = isRunning && elapsed > 0 ? (job.done - this.rate.doneAtStart) / elapsed : 0;
    const remaining = job.total - job.done;
    return {
      job_id: job.id,
      // a stored "running" job that no process runs was interrupted (app closed): it is resumable
      state: job.state === 'running' && !isRunning ? 'paused' : job.state,
      total: job.total,
      done: job.done,
      succeeded: job.succeeded,
      failed: job.failed,
      rate_per_s: Math.round(rate * 10) / 10,
      eta_ms: isRunning && rate > 0 ? Math.round((remaining / rate) * 1000) : null,
      started_at: job.started_at,
    };
  }

  private launch(jobId: number): void {
    const abort = new AbortController();
    const store = this.ctx.store;
    store.scanJobs.resume(jobId);
    this.rate = { startedAt: Date.now(), doneAtStart: store.scanJobs.get(jobId)!.done };
    const done = (async () => {
      let lastEmit = 0;
      const emit = (force = false) => {
        if (!force && Date.now() - lastEmit < PROGRESS_INTERVAL_MS) return;
        lastEmit = Date.now();
        const s = this.status(jobId);
        if (s) this.bus.emit('scan.progress', s);
      };
      try {
        const scanner = this.ctx.createScanner();
        const concurrency = this.ctx.settings.get().scan_concurrency;
        for (;;) {
          if (abort.signal.aborted) break;
          // empty once every item is marked (the repository then marks the job done) or the job was cancelled
          const items = store.scanJobs.nextPending(jobId, CHUNK);
          if (items.length === 0) break;
          await scanAndStore(items, scanner, store, {
            concurrency,
            signal: abort.signal,
            inTransaction: (batch) => {
              const failed = batch.filter((b) => b.result.verdict === null);
              store.scanJobs.markDone(
                jobId,
                batch.filter((b) => b.result.verdict !== null).map((b) => items[b.index]),
              );
              store.scanJobs.markFailed(
                jobId,
                failed.map((b) => ({ domain: items[b.index], error: b.result.error ?? b.result.scan_status })),
              );
            },
            onStored: (batch) => {
              this.bus.emit('leads.changed', { domains: batch.map((b) => b.result.domain) });
              emit();
            },
          });
        }
      } catch (err) {
        // a failure mid-job (disk full, say) leaves the job resumable rather than lost
        store.scanJobs.pause(jobId);
        throw err;
      } finally {
        this.running = null;
        emit(true);
      }
    })();
    this.running = { jobId, abort, done: done.catch(() => {}) };
  }
}
