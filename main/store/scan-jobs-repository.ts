// Bulk scans as persisted work lists: a job's domains are stored before scanning starts and each one is marked
// when its result is saved, so after a crash or restart the job resumes with exactly the domains still pending.
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { ScanJobState } from '../../shared/scan-jobs';
import type { Clock, Db } from './db-types';
import { scanJobItems, scanJobs } from './schema';

export interface ScanJob {
  id: number;
  state: ScanJobState;
  total: number;
  /** succeeded + failed */
  done: number;
  succeeded: number;
  failed: number;
  started_at: string;
  updated_at: string;
  finished_at: string | null;
  options: Record<string, unknown>;
  /** why the job stopped in state "error" */
  error: string | null;
}

export interface ScanJobsRepository {
  /** Creates a running job over the distinct domains given. */
  create(domains: string[], options?: Record<string, unknown>): ScanJob;
  get(jobId: number): ScanJob | null;
  /** The newest job still running or paused (a "running" job after a restart was interrupted, not lost). */
  latestUnfinished(): ScanJob | null;
  /** Up to `limit` domains still to scan, in the order given at creation; [] unless the job is running. */
  nextPending(jobId: number, limit: number): string[];
  /** Marks pending items as scanned; items already marked are ignored, so counters never double count. */
  markDone(jobId: number, domains: string[]): ScanJob;
  markFailed(jobId: number, failures: { domain: string; error: string }[]): ScanJob;
  /** The job's failed items grouped by the error recorded for them. */
  failureCounts(jobId: number): { error: string | null; count: number }[];
  /** The job's failed domains, in the order given at creation. */
  failedDomains(jobId: number): string[];
  /** why the job's item for this domain failed (e.g. its lead was deleted mid-job); null when it did not */
  failedWith(jobId: number, domain: string): string | null;
  pause(jobId: number): ScanJob;
  /** Stops the job with a reason; it stays resumable (the cause may be gone on the next try). */
  fail(jobId: number, reason: string): ScanJob;
  resume(jobId: number): ScanJob;
  /** Stops the job for good; its pending items are never handed out again. */
  cancel(jobId: number): ScanJob;
}

/** jobs that can still go on: a job stopped by an error resumes like a paused one */
const UNFINISHED: ScanJobState[] = ['running', 'paused', 'error'];

export function createScanJobsRepository(db: Db, now: Clock): ScanJobsRepository {
  const sqlite = db.$client;

  function get(jobId: number): ScanJob | null {
    const row = db.select().from(scanJobs).where(eq(scanJobs.id, jobId)).get();
    return row ? { ...row, state: row.state as ScanJobState } : null;
  }

  function mustGet(jobId: number): ScanJob {
    const job = get(jobId);
    if (!job) throw new Error(`Unknown scan job ${jobId}`);
    return job;
  }

  const create = sqlite.transaction((domains: string[], options: Record<string, unknown> = {}): ScanJob => {
    const unique = [...new Set(domains)];
    const stamp = now().toISOString();
    const [{ id }] = db
      .insert(scanJobs)
      .values({ state: 'running', total: unique.length, started_at: stamp, updated_at: stamp, options })
      .returning({ id: scanJobs.id })
      .all();
    const insertItem = db
      .insert(scanJobItems)
      .values({ job_id: id, seq: sql.placeholder('seq'), domain: sql.placeholder('domain') })
      .prepare();
    unique.forEach((domain, seq) => insertItem.run({ seq, domain }));
    // an empty job has nothing to wait for
    if (unique.length === 0) setState(id, 'done');
    return mustGet(id);
  });

  const mark = sqlite.transaction(
    (jobId: number, items: { domain: string; error: string | null }[], outcome: 'done' | 'failed'): ScanJob => {
      let changed = 0;
      for (const item of items) {
        changed += db
          .update(scanJobItems)
          .set({ state: outcome, error: item.error })
          .where(
            and(
              eq(scanJobItems.job_id, jobId),
              eq(scanJobItems.domain, item.domain),
              eq(scanJobItems.state, 'pending'),
            ),
          )
          .run().changes;
      }
      const counter =
        outcome === 'done'
          ? { succeeded: sql`${scanJobs.succeeded} + ${changed}` }
          : { failed: sql`${scanJobs.failed} + ${changed}` };
      db.update(scanJobs)
        .set({ done: sql`${scanJobs.done} + ${changed}`, ...counter, updated_at: now().toISOString() })
        .where(eq(scanJobs.id, jobId))
        .run();
      const job = mustGet(jobId);
      if (job.done >= job.total && job.state === 'running') setState(jobId, 'done');
      return mustGet(jobId);
    },
  );

  // served by scan_job_items_state_idx (job_id, state, seq)
  const failedItems = (jobId: number) => and(eq(scanJobItems.job_id, jobId), eq(scanJobItems.state, 'failed'));

  function setState(jobId: number, state: ScanJobState, error: string | null = null): ScanJob {
    const stamp = now().toISOString();
    const final = state === 'done' || state === 'cancelled';
    db.update(scanJobs)
      .set({ state, error, updated_at: stamp, ...(final ? { finished_at: stamp } : {}) })
      .where(eq(scanJobs.id, jobId))
      .run();
    return mustGet(jobId);
  }

  /** Moves an unfinished job to another state; finished jobs stay as they ended. */
  function transition(jobId: number, state: ScanJobState, error: string | null = null): ScanJob {
    const job = mustGet(jobId);
    return UNFINISHED.includes(job.state) ? setState(jobId, state, error) : job;
  }

  return {
    create: (domains, options) => create(domains, options),
    get,
    latestUnfinished() {
      const row = db
        .select({ id: scanJobs.id })
        .from(scanJobs)
        .where(inArray(scanJobs.state, UNFINISHED))
        .orderBy(desc(scanJobs.id))
        .get();
      return row ? get(row.id) : null;
    },
    nextPending(jobId, limit) {
      if (get(jobId)?.state !== 'running') return [];
      return db
        .select({ domain: scanJobItems.domain })
        .from(scanJobItems)
        .where(and(eq(scanJobItems.job_id, jobId), eq(scanJobItems.state, 'pending')))
        .orderBy(asc(scanJobItems.seq))
        .limit(limit)
        .all()
        .map((r) => r.domain);
    },
    markDone: (jobId, domains) =>
      mark(
        jobId,
        domains.map((domain) => ({ domain, error: null })),
        'done',
      ),
    markFailed: (jobId, failures) => mark(jobId, failures, 'failed'),
    failureCounts: (jobId) =>
      db
        .select({ error: scanJobItems.error, count: sql<number>`count(*)` })
        .from(scanJobItems)
        .where(failedItems(jobId))
        .groupBy(scanJobItems.error)
        .all(),
    failedDomains: (jobId) =>
      db
        .select({ domain: scanJobItems.domain })
        .from(scanJobItems)
        .where(failedItems(jobId))
        .orderBy(asc(scanJobItems.seq))
        .all()
        .map((r) => r.domain),
    failedWith: (jobId, domain) =>
      db
        .select({ error: scanJobItems.error })
        .from(scanJobItems)
        .where(and(failedItems(jobId), eq(scanJobItems.domain, domain)))
        .get()?.error ?? null,
    pause: (jobId) => transition(jobId, 'paused'),
    fail: (jobId, reason) => transition(jobId, 'error', reason.slice(0, 500)),
    resume: (jobId) => transition(jobId, 'running'),
    cancel: (jobId) => transition(jobId, 'cancelled'),
  };
}
