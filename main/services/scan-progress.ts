// How a bulk scan is going, for the progress bar: failures by cause, a health verdict that turns the bar amber or
// red, and an ETA from a moving rate that waits for real data. The thresholds are data (resources/scan-progress.json).
import { z } from 'zod';
import { loadResource } from '../config/resource-loader';
import type { ScanFailureCause, ScanFailureCount, ScanJobHealth } from '../../shared/scan-jobs';
import { SCAN_BROKE_PREFIX } from '../engine/run-scans';
import { MX_UNANSWERED_ERROR } from '../engine/scan';

const share = z.number().gt(0).max(1);

export const ScanProgressRulesSchema = z
  .object({
    health: z
      .object({
        /** no verdict on a job before this many of its domains are done */
        min_done: z.number().int().min(1).max(1000),
        /** failed / done at or above this: amber */
        warn_failed_share: share,
        /** failed / done at or above this: red */
        bad_failed_share: share,
        /** this many failures in a row, the latest ones: red (the DNS server stopped answering mid-job) */
        bad_failed_streak: z.number().int().min(1).max(10_000),
      })
      .strict()
      .refine((h) => h.warn_failed_share < h.bad_failed_share, 'warn_failed_share must be below bad_failed_share'),
    eta: z
      .object({
        /** domains done in this run before an ETA is shown */
        min_done: z.number().int().min(2).max(10_000),
        /** time this run has been going before an ETA is shown */
        min_elapsed_ms: z.number().int().min(0).max(600_000),
        /** the rate is measured over this much recent time */
        rate_window_ms: z.number().int().min(1000).max(600_000),
      })
      .strict(),
  })
  .strict();
export type ScanProgressRules = z.infer<typeof ScanProgressRulesSchema>;

/** resources/scan-progress.json: when the scan bar turns amber or red, and when it starts showing an ETA. */
export function loadScanProgressRules(resourcesDir: string): ScanProgressRules {
  return loadResource(resourcesDir, 'scan-progress.json', ScanProgressRulesSchema);
}

/** The cause of one failed job item, from the error its scan recorded. */
export function failureCause(error: string | null): ScanFailureCause {
  if (error === MX_UNANSWERED_ERROR) return 'dns_no_answer';
  if (error?.startsWith(SCAN_BROKE_PREFIX)) return 'scan_error';
  return 'other';
}

/** Recorded errors and their counts → counts by cause, the most frequent first. */
export function failuresByCause(errors: { error: string | null; count: number }[]): ScanFailureCount[] {
  const counts = new Map<ScanFailureCause, number>();
  for (const { error, count } of errors) {
    const cause = failureCause(error);
    counts.set(cause, (counts.get(cause) ?? 0) + count);
  }
  return [...counts].map(([cause, count]) => ({ cause, count })).sort((a, b) => b.count - a.count);
}

export function jobHealth(
  rules: ScanProgressRules['health'],
  job: { done: number; failed: number; failStreak: number },
): ScanJobHealth {
  if (job.failed === 0) return 'ok';
  if (job.failStreak >= rules.bad_failed_streak) return 'bad';
  if (job.done < rules.min_done) return 'ok';
  const failedShare = job.failed / job.done;
  if (failedShare >= rules.bad_failed_share) return 'bad';
  return failedShare >= rules.warn_failed_share ? 'warn' : 'ok';
}

/**
 * Domains per second over the last `rate_window_ms`, and the time left at that rate once the run has enough behind
 * it: a first answer or two (often cached, or the slow first connection) says nothing about the next thousand.
 */
export class ScanRate {
  private samples: { at: number; done: number }[] = [];
  private start = { at: 0, done: 0 };

  constructor(
    private readonly rules: ScanProgressRules['eta'],
    private readonly clock: () => number = Date.now,
  ) {}

  /** A run starts (or resumes) with `done` domains already done. */
  reset(done: number): void {
    this.start = { at: this.clock(), done };
    this.samples = [this.start];
  }

  /** Records the job's done count now. */
  sample(done: number): void {
    const at = this.clock();
    this.samples.push({ at, done });
    // keep one sample at or before the window's start, so the window is always fully spanned
    while (this.samples.length > 2 && this.samples[1].at <= at - this.rules.rate_window_ms) this.samples.shift();
  }

  perSecond(done: number): number {
    const at = this.clock();
    const oldest = this.samples[0] ?? this.start;
    const seconds = (at - oldest.at) / 1000;
    return seconds > 0 ? Math.max(0, done - oldest.done) / seconds : 0;
  }

  /** ms left for `remaining` domains, or null until the run has done enough for long enough to say. */
  etaMs(done: number, remaining: number): number | null {
    const enoughDone = done - this.start.done >= this.rules.min_done;
    const enoughTime = this.clock() - this.start.at >= this.rules.min_elapsed_ms;
    const rate = this.perSecond(done);
    if (!enoughDone || !enoughTime || rate <= 0) return null;
    return Math.round((remaining / rate) * 1000);
  }
}
