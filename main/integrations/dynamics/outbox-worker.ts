// The background sender: while the app runs, due outbox items are sent a few at a time; failures wait their backoff.
// A queued push wakes it at once. stop() sends nothing new and waits for the pushes already on the wire, so their
// outcome is recorded before the store closes; anything cut off harder (a crash) is requeued by the next start.
import { RunLoop } from '../../app/run-loop';
import type { Service } from '../../app/service';
import type { D365Outbox } from './outbox';

export interface OutboxWorkerOptions {
  /** how many due items one pass takes */
  batch?: number;
  /** the longest sleep between passes, so items due later are picked up even without a wake-up */
  maxIdleMs?: number;
  /** how long to wait after a pass that found Dynamics 365 unreachable or nobody signed in */
  pauseAfterOutageMs?: number;
  /** the feature flag: while off, nothing is sent (items stay queued) */
  enabled?: () => boolean;
}

export class OutboxWorker implements Service {
  readonly name = 'd365-outbox';
  private readonly loop = new RunLoop<void>();
  private stopped = true;
  private readonly batch: number;
  private readonly maxIdleMs: number;
  private readonly pauseAfterOutageMs: number;
  private readonly enabled: () => boolean;

  constructor(
    private readonly outbox: D365Outbox,
    private readonly repo: { due(limit: number): number[]; nextDueAt(): string | null; requeueInterrupted(): number },
    opts: OutboxWorkerOptions = {},
  ) {
    this.batch = opts.batch ?? 50;
    this.maxIdleMs = opts.maxIdleMs ?? 60_000;
    this.pauseAfterOutageMs = opts.pauseAfterOutageMs ?? 30_000;
    this.enabled = opts.enabled ?? (() => true);
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.repo.requeueInterrupted();
    if (this.enabled()) this.schedule(0);
  }

  /** Something was queued or retried, or the flag changed: look now instead of at the next timer. */
  wake(): void {
    if (this.stopped || this.loop.running) return;
    if (this.enabled()) this.schedule(0);
    else this.loop.cancel();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.loop.cancel();
    await this.loop.settled();
  }

  private schedule(ms: number): void {
    if (this.stopped) return;
    this.loop.schedule(ms, () => void this.loop.run(() => this.pass()));
  }

  private async pass(): Promise<void> {
    let outage = false;
    for (;;) {
      if (this.stopped || !this.enabled()) return;
      const ids = this.repo.due(this.batch);
      if (ids.length === 0) break;
      const results = await this.outbox.sendAll(ids);
      if (results.some((r) => r.errorKind === 'unreachable' || r.errorKind === 'signed_out')) {
        outage = true;
        break;
      }
    }
    const next = this.repo.nextDueAt();
    const untilNext = next === null ? this.maxIdleMs : Math.max(0, Date.parse(next) - Date.now());
    this.schedule(
      outage
        ? Math.max(this.pauseAfterOutageMs, Math.min(untilNext, this.maxIdleMs))
        : Math.min(untilNext, this.maxIdleMs),
    );
  }
}
