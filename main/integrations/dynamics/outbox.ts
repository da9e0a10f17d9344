// The Dynamics 365 outbox: queuing a push (facts, GUIDs, lead state and outbox row in one transaction), sending one
// item, draining everything queued, and the background worker that sends due items with backoff while the app runs.
import { randomUUID } from 'node:crypto';
import type { LeadDetail } from '../../../shared/leads';
import { createLimiter } from '../../engine/dns/limiter';
import type { Clock, Store } from '../../store/db';
import type { DataverseClient } from './client';
import { DataverseError } from './errors';
import type { DataverseErrorKind } from './errors';
import { pushFacts } from './facts';
import type { D365Mapping } from './mapping';
import { OPERATION, planPush, PushPayloadSchema } from './push-plan';
import type { OnDuplicate, PushMode, PushPayload } from './push-plan';
import { sendPush } from './push-send';
import type { PushOutcome } from './push-send';

/** What sending needs; null while Dynamics 365 is not configured. */
export interface D365Runtime {
  client: DataverseClient;
  mapping: D365Mapping;
}

export interface SendResult {
  id: number;
  domain: string;
  /** pushed | skipped: done; queued: will be retried; failed: stopped until the user retries */
  state: 'pushed' | 'skipped' | 'queued' | 'failed';
  outcome: PushOutcome | null;
  error: string | null;
  errorKind: DataverseErrorKind | null;
}

export function queuePush(
  store: Store,
  input: {
    lead: LeadDetail;
    mode: PushMode;
    onDuplicate: OnDuplicate;
    salesSummary: string;
    defaultCurrency: string;
  },
): number {
  const { lead } = input;
  const facts = pushFacts({
    lead,
    referral: store.referrals.latestForDomain(lead.domain),
    salesSummary: input.salesSummary,
    defaultCurrency: input.defaultCurrency,
  });
  const stored = store.d365Outbox.leadPushState(lead.domain)!.ids;
  const { payload, ids } = planPush({ mode: input.mode, onDuplicate: input.onDuplicate, facts, stored });
  return store.d365Outbox.enqueue({
    domain: lead.domain,
    operation: OPERATION[input.mode],
    payload,
    ids,
    idempotencyKey: randomUUID(),
  });
}

/** Delay before the n-th retry of a transient failure: 30 s doubling up to an hour, plus up to 10% jitter. */
export function retryDelayMs(attempts: number, random: () => number = Math.random): number {
  const base = Math.min(30_000 * 2 ** Math.max(0, attempts - 1), 3_600_000);
  return Math.round(base * (1 + 0.1 * random()));
}

export interface OutboxOptions {
  store: Store;
  connect(): D365Runtime | null;
  now?: Clock;
  /** pushes sent at once (each is a few sequential requests; the client caps requests in flight) */
  concurrency?: number;
  /** after every state change of an item: the grid and the outbox view refresh */
  onChange?(domain: string): void;
  /** after every attempt that reached Dynamics 365 or failed trying: the push success/failure figures */
  onAttempt?(attempt: { outcome: 'success' | 'failure'; cause: string | null; status: number | null }): void;
}

export class D365Outbox {
  private readonly now: Clock;
  private readonly concurrency: number;

  constructor(private readonly o: OutboxOptions) {
    this.now = o.now ?? (() => new Date());
    this.concurrency = o.concurrency ?? 8;
  }

  /** the client and mapping, or null while Dynamics 365 is not configured */
  connect(): D365Runtime | null {
    return this.o.connect();
  }

  private changed(domain: string) {
    this.o.onChange?.(domain);
  }

  /** Sends one queued item now (its backoff is ignored). */
  async send(id: number): Promise<SendResult> {
    const outbox = this.o.store.d365Outbox;
    const item = outbox.get(id);
    if (!item) throw new Error(`outbox item ${id} does not exist`);
    const base = { id, domain: item.lead_domain, outcome: null };
    const runtime = this.o.connect();
    if (!runtime) {
      return { ...base, state: 'queued', error: 'Dynamics 365 is not configured', errorKind: 'unreachable' };
    }
    if (!outbox.claim(id)) {
      const state = item.state === 'failed' ? 'failed' : 'queued';
      return { ...base, state, error: item.last_error, errorKind: null };
    }
    this.changed(item.lead_domain);
    const parsed = PushPayloadSchema.safeParse(item.payload);
    if (!parsed.success) {
      const error = `outbox item ${id} holds an unreadable push: ${parsed.error.issues[0]?.message ?? ''}`;
      outbox.fail(id, error, null);
      this.changed(item.lead_domain);
      return { ...base, state: 'failed', error, errorKind: 'permanent' };
    }
    try {
      const outcome = await sendPush(runtime.client, runtime.mapping, parsed.data, {
        now: this.now,
        retarget: (payload: PushPayload) => outbox.retarget(id, payload, payload.ids),
      });
      outbox.finish(id, {
        state: outcome.state === 'pushed' ? 'done' : 'skipped',
        record_id: outcome.record_id,
        account_id: outcome.account_id,
      });
      this.changed(item.lead_domain);
      this.o.onAttempt?.({ outcome: 'success', cause: null, status: null });
      return { ...base, state: outcome.state, outcome, error: null, errorKind: null };
    } catch (err) {
      const e =
        err instanceof DataverseError ? err : new DataverseError('transient', (err as Error).message ?? String(err));
      const attempts = outbox.get(id)?.attempts ?? 1;
      if (e.kind === 'permanent') outbox.fail(id, e.message, e.status);
      else {
        const next = new Date(this.now().getTime() + retryDelayMs(attempts)).toISOString();
        outbox.reschedule(id, e.message, e.status, next);
      }
      this.changed(item.lead_domain);
      this.o.onAttempt?.({ outcome: 'failure', cause: e.kind, status: e.status });
      return { ...base, state: e.kind === 'permanent' ? 'failed' : 'queued', error: e.message, errorKind: e.kind };
    }
  }

  /**
   * Sends the given items, a few at a time. Once Dynamics 365 proves unreachable (or nobody is signed in) the rest
   * are left queued without being tried.
   */
  async sendAll(ids: number[], onResult?: (r: SendResult) => void): Promise<SendResult[]> {
    const limiter = createLimiter(this.concurrency);
    let stopped: DataverseErrorKind | null = null;
    const results = await Promise.all(
      ids.map((id) =>
        limiter.run(async () => {
          const item = this.o.store.d365Outbox.get(id);
          if (stopped && item) {
            const r: SendResult = {
              id,
              domain: item.lead_domain,
              state: 'queued',
              outcome: null,
              error: item.last_error,
              errorKind: stopped,
            };
            onResult?.(r);
            return r;
          }
          const r = await this.send(id);
          if (r.errorKind === 'unreachable' || r.errorKind === 'signed_out') stopped = r.errorKind;
          onResult?.(r);
          return r;
        }),
      ),
    );
    return results;
  }

  /**
   * Sends every queued push now, backoff ignored; pushes a crash cut off count as queued. Transient failures are
   * tried again within the run (up to `rounds` passes). Returns the last result of each item, oldest first.
   */
  async drain(opts: { rounds?: number; pauseMs?: number; onResult?: (r: SendResult) => void } = {}) {
    const outbox = this.o.store.d365Outbox;
    const rounds = opts.rounds ?? 3;
    outbox.requeueInterrupted();
    const last = new Map<number, SendResult>();
    for (let round = 0; round < rounds; round++) {
      const ids = outbox.queuedIds();
      if (ids.length === 0) break;
      if (round > 0) await new Promise((r) => setTimeout(r, (opts.pauseMs ?? 1000) * round));
      const results = await this.sendAll(ids);
      for (const r of results) last.set(r.id, r);
      if (results.some((r) => r.errorKind === 'unreachable' || r.errorKind === 'signed_out')) break;
    }
    const results = [...last.values()].sort((a, b) => a.id - b.id);
    for (const r of results) opts.onResult?.(r);
    return { results, queuedLeft: outbox.queuedIds().length };
  }
}
