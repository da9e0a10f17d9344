import type { ReferralSyncStatus } from '../../../shared/referrals';
import { RunLoop } from '../../app/run-loop';
import type { Service } from '../../app/service';
import { AppError } from '../../core/app-error';
import { errorContext } from '../../core/log';
import type { Log } from '../../core/log';
import type { Flags } from '../../flags/flags';
import type { Store } from '../../store/db';
import type { PartnerCenter } from './partner-center';
import { syncReferrals } from './referral-sync';
import type { ReferralSyncOutcome } from './referral-sync';

export interface ReferralSyncServiceDeps {
  store: Store;
  partnerCenter: PartnerCenter;
  flags: Flags;
  log: Log;
  /** scans the leads a run created; awaited, so a run ends when its leads have verdicts */
  scanNewLeads(domains: string[], signal: AbortSignal): Promise<void>;
  /** every status change, for the renderer */
  onStatus(status: ReferralSyncStatus): void;
  /** after a run that stored something, so lead views refresh */
  onChanged?(outcome: ReferralSyncOutcome): void;
  /** false under the CLI: one command runs, no timer */
  timers: boolean;
  /** the wait between runs; default from the config (10 min, 30 s with HUNTER_DEV=1) */
  intervalMs?: number;
  maxBackoffMs?: number;
  /** the first timed run after start, so the app's window is up before network work begins */
  firstRunDelayMs?: number;
  /** runs are skipped (not failed) while this says the machine is offline */
  isOnline?: () => boolean;
}

/**
 * The Partner Center sync timer. One run at a time (a "Sync now" during a run joins it); after a failure the wait
 * doubles, up to the bound; while offline the run is skipped without counting as a failure; a run refused for
 * sign-in stops the timer until the rep signs in again. Started and stopped live with the partner_center flag.
 */
export class ReferralSyncService implements Service {
  readonly name = 'referral-sync';
  private readonly loop = new RunLoop<ReferralSyncOutcome>(true);
  /** the run in flight's abort, so stop() and the flag going off cut it short */
  private abort: AbortController | null = null;
  private failures = 0;
  private unsubscribe: (() => void) | null = null;
  private current: ReferralSyncStatus;

  constructor(private readonly deps: ReferralSyncServiceDeps) {
    const last = deps.store.referrals.lastRun();
    this.current = {
      state: deps.flags.isOn('partner_center') ? 'idle' : 'disabled',
      last_success_at: deps.store.referrals.lastSuccessStartedAt(),
      last_error: last?.error ?? null,
      last_result: null,
      next_run_at: null,
    };
  }

  status(): ReferralSyncStatus {
    return { ...this.current };
  }

  start(): void {
    this.unsubscribe = this.deps.flags.onChange(() => this.applyFlag());
    this.applyFlag(this.deps.firstRunDelayMs ?? 5000);
  }

  async stop(): Promise<void> {
    this.unsubscribe?.();
    this.unsubscribe = null;
    this.loop.cancel();
    this.abort?.abort();
    await this.loop.settled();
  }

  /** A run now (or the one already running). Throws what the run threw: AppError('signed_out'), ... */
  syncNow(opts: { full?: boolean; scan?: boolean } = {}): Promise<ReferralSyncOutcome> {
    this.deps.partnerCenter.assertEnabled();
    return this.loop.run(
      () => {
        this.abort = new AbortController();
        return this.run(opts, this.abort.signal);
      },
      () => {
        this.abort = null;
        this.schedule();
      },
    );
  }

  /** After a sign-in: clears the signed-out state and syncs soon. */
  signedIn(): void {
    if (this.current.state === 'signed_out') this.update({ state: 'idle', last_error: null });
    this.failures = 0;
    if (this.deps.flags.isOn('partner_center') && !this.loop.running) this.schedule(0);
  }

  private applyFlag(delayMs?: number): void {
    if (this.deps.flags.isOn('partner_center')) {
      if (this.current.state === 'disabled') this.update({ state: 'idle' });
      if (!this.loop.scheduled && !this.loop.running) this.schedule(delayMs ?? 0);
    } else {
      this.loop.cancel();
      this.abort?.abort();
      this.update({ state: 'disabled', next_run_at: null });
    }
  }

  private async run(opts: { full?: boolean; scan?: boolean }, signal: AbortSignal): Promise<ReferralSyncOutcome> {
    this.update({ state: 'running' });
    try {
      const outcome = await syncReferrals(
        {
          store: this.deps.store,
          client: this.deps.partnerCenter.client(),
          consumerDomains: this.deps.partnerCenter.consumerDomains,
        },
        { full: opts.full, signal },
      );
      if (opts.scan !== false && outcome.newLeadDomains.length > 0)
        await this.deps.scanNewLeads(outcome.newLeadDomains, signal);
      this.failures = 0;
      const { inserted, updated } = outcome.result;
      if (inserted + updated > 0) this.deps.onChanged?.(outcome);
      this.update({
        state: 'idle',
        last_success_at: this.deps.store.referrals.lastSuccessStartedAt(),
        last_error: null,
        last_result: outcome.result,
      });
      return outcome;
    } catch (err) {
      const signedOut = err instanceof AppError && err.code === 'signed_out';
      if (!signedOut) this.failures++;
      this.deps.log.warn('pc.sync_failed', { failures: this.failures, ...errorContext(err) });
      this.update({
        state: signedOut ? 'signed_out' : 'error',
        last_error: err instanceof AppError ? err.message : 'Partner Center sync failed unexpectedly.',
      });
      throw err;
    }
  }

  private schedule(delayMs?: number): void {
    this.loop.cancel();
    if (!this.deps.timers || !this.deps.flags.isOn('partner_center') || !this.unsubscribe) return;
    // a sign-in is needed: no point in asking again until the rep has signed in
    if (this.current.state === 'signed_out') return this.update({ next_run_at: null });
    const interval = this.deps.intervalMs ?? this.deps.partnerCenter.config().syncIntervalMs;
    const maxBackoff = this.deps.maxBackoffMs ?? this.deps.partnerCenter.config().maxBackoffMs;
    const wait = delayMs ?? Math.min(maxBackoff, interval * 2 ** this.failures);
    this.loop.schedule(wait, () => this.tick());
    this.update({ next_run_at: new Date(Date.now() + wait).toISOString() });
  }

  private tick(): void {
    if (this.deps.isOnline && !this.deps.isOnline()) {
      this.update({ state: 'offline' });
      this.schedule();
      return;
    }
    if (this.current.state === 'offline') this.update({ state: 'idle' });
    this.syncNow().catch(() => {
      // already recorded in the status and the log
    });
  }

  private update(patch: Partial<ReferralSyncStatus>): void {
    this.current = { ...this.current, ...patch };
    this.deps.onStatus(this.status());
  }
}
