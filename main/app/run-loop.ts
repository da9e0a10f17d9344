/**
 * The timing core of a background service that works in runs (the Dynamics outbox sender, the Partner Center sync):
 * at most one pending timer, at most one run in flight (asking again joins it), and a way for stop() to wait for
 * the run on the wire so its outcome is recorded before the store closes. What a run does, and when the next one is
 * due, stays with the service.
 */
export class RunLoop<T> {
  private timer: NodeJS.Timeout | null = null;
  private inFlight: Promise<T> | null = null;

  /** @param unref timers that must not keep a CLI process alive */
  constructor(private readonly unref = false) {}

  get running(): boolean {
    return this.inFlight !== null;
  }

  get scheduled(): boolean {
    return this.timer !== null;
  }

  /** Calls `fire` after `ms`, replacing the timer already pending. */
  schedule(ms: number, fire: () => void): void {
    this.cancel();
    this.timer = setTimeout(() => {
      this.timer = null;
      fire();
    }, ms);
    if (this.unref) this.timer.unref?.();
  }

  cancel(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  /** Starts a run, or joins the one in flight; `settle` runs once it ends, either way, before the next can start. */
  run(start: () => Promise<T>, settle?: () => void): Promise<T> {
    if (this.inFlight) return this.inFlight;
    this.cancel();
    const promise = start();
    this.inFlight = promise;
    const done = () => {
      this.inFlight = null;
      settle?.();
    };
    promise.then(done, done);
    return promise;
  }

  /** Resolves once no run is in flight; a run's failure is the caller's to report, not this wait's. */
  async settled(): Promise<void> {
    await this.inFlight?.catch(() => undefined);
  }
}
