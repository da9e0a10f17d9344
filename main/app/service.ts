/**
 * A long-lived background service owned by the composition root (scan jobs, Partner Center sync, the Dynamics
 * outbox, metrics and alert timers). start() must return promptly; stop() aborts what is running, drains it and
 * flushes what it holds, and resolves before the store closes.
 */
export interface Service {
  readonly name: string;
  start(): void | Promise<void>;
  stop(): Promise<void>;
}
