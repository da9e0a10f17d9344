// The Dynamics 365 outbox and the push state it drives on each lead. Every change to an item and to its lead's
// d365_* columns happens in one transaction, so the grid never shows "pushed" for an item still queued (or the
// reverse) after a crash.
import type { Clock, Db } from './db-types';

export type OutboxState = 'queued' | 'sending' | 'done' | 'skipped' | 'failed';
/** the lead's d365_sync_status; null = never pushed */
export type LeadPushStatus = 'queued' | 'pushing' | 'pushed' | 'skipped' | 'error';

/** Ids of the Dynamics 365 records a lead's pushes write (stored per lead so a second push updates them). */
export interface LeadRecordIds {
  lead: string | null;
  account: string | null;
  contact: string | null;
  opportunity: string | null;
  note: string | null;
}

export interface LeadPushState {
  domain: string;
  status: LeadPushStatus | null;
  ids: LeadRecordIds;
  last_pushed_at: string | null;
  error: string | null;
}

export interface OutboxItem {
  id: number;
  lead_domain: string;
  operation: string;
  payload: unknown;
  state: OutboxState;
  attempts: number;
  next_attempt_at: string | null;
  last_error: string | null;
  last_status: number | null;
  record_id: string | null;
  account_id: string | null;
  created_at: string;
  updated_at: string;
  finished_at: string | null;
}

interface OutboxRow extends Omit<OutboxItem, 'payload'> {
  payload: string;
}

export interface D365OutboxRepository {
  leadPushState(domain: string): LeadPushState | null;
  /**
   * Queues a push and marks its lead queued, storing the record ids, in one transaction. An unsent item for the same
   * lead (queued or failed) is replaced rather than joined by a second one.
   */
  enqueue(input: {
    domain: string;
    operation: string;
    payload: unknown;
    ids: LeadRecordIds;
    idempotencyKey: string;
  }): number;
  get(id: number): OutboxItem | null;
  /** queued → sending (one more attempt); false when the item is not queued any more */
  claim(id: number): boolean;
  /** ids of queued items whose time has come, oldest first */
  due(limit: number): number[];
  /** ids of every queued item, due or not, oldest first */
  queuedIds(): number[];
  /** when the next queued item is due (ISO), or null when nothing is queued */
  nextDueAt(): string | null;
  /** items a crash left in "sending" go back to the queue; returns how many */
  requeueInterrupted(): number;
  /** the duplicate check chose other records: the item and the lead follow */
  retarget(id: number, payload: unknown, ids: Partial<LeadRecordIds>): void;
  finish(id: number, outcome: { state: 'done' | 'skipped'; record_id: string | null; account_id: string | null }): void;
  /** a transient failure: back to the queue until nextAttemptAt */
  reschedule(id: number, error: string, status: number | null, nextAttemptAt: string): void;
  /** a failure retrying cannot fix: stops until the user retries or discards */
  fail(id: number, error: string, status: number | null): void;
  /** failed → queued, due now */
  retry(id: number): boolean;
  /** removes an unsent item; the lead returns to its state before the push was queued */
  discard(id: number): boolean;
  /** everything not yet sent (queued, sending, failed), oldest first */
  unsent(): OutboxItem[];
  /** the lead's latest push that reached Dynamics 365 (its record is the one to open) */
  lastDone(domain: string): OutboxItem | null;
}

function parse(row: OutboxRow | undefined): OutboxItem | null {
  return row ? { ...row, payload: JSON.parse(row.payload) as unknown } : null;
}

export function createD365OutboxRepository(db: Db, now: Clock): D365OutboxRepository {
  const sqlite = db.$client;
  const iso = () => now().toISOString();
  const tx = <T>(fn: () => T): T => sqlite.transaction(fn)();

  const q = {
    lead: sqlite.prepare(
      `SELECT domain, d365_sync_status AS status, d365_lead_id AS lead, d365_account_id AS account,
              d365_contact_id AS contact, d365_opportunity_id AS opportunity, d365_note_id AS note,
              d365_sync_last_at AS last_pushed_at, d365_sync_error AS error
       FROM leads WHERE domain = ?`,
    ),
    setLead: sqlite.prepare(
      `UPDATE leads SET d365_sync_status = @status, d365_sync_error = @error,
         d365_lead_id = coalesce(@lead, d365_lead_id), d365_account_id = coalesce(@account, d365_account_id),
         d365_contact_id = coalesce(@contact, d365_contact_id),
         d365_opportunity_id = coalesce(@opportunity, d365_opportunity_id), d365_note_id = coalesce(@note, d365_note_id),
         d365_sync_last_at = coalesce(@pushed_at, d365_sync_last_at),
         d365_sync_attempt_count = d365_sync_attempt_count + @attempt,
         updated_at = @now
       WHERE domain = @domain`,
    ),
    unsentFor: sqlite.prepare(
      `SELECT id FROM d365_outbox WHERE lead_domain = ? AND state IN ('queued', 'failed') ORDER BY id LIMIT 1`,
    ),
    insert: sqlite.prepare(
      `INSERT INTO d365_outbox (lead_domain, operation, payload, state, attempts, next_attempt_at, idempotency_key,
         created_at, updated_at)
       VALUES (@domain, @operation, @payload, 'queued', 0, @now, @key, @now, @now)`,
    ),
    requeue: sqlite.prepare(
      `UPDATE d365_outbox SET operation = @operation, payload = @payload, state = 'queued', attempts = 0,
         next_attempt_at = @now, last_error = NULL, last_status = NULL, updated_at = @now
       WHERE id = @id`,
    ),
    get: sqlite.prepare(`SELECT * FROM d365_outbox WHERE id = ?`),
    claim: sqlite.prepare(
      `UPDATE d365_outbox SET state = 'sending', attempts = attempts + 1, updated_at = @now
       WHERE id = @id AND state = 'queued'`,
    ),
    due: sqlite.prepare(
      `SELECT id FROM d365_outbox WHERE state = 'queued' AND (next_attempt_at IS NULL OR next_attempt_at <= ?)
       ORDER BY id LIMIT ?`,
    ),
    queued: sqlite.prepare(`SELECT id FROM d365_outbox WHERE state = 'queued' ORDER BY id`),
    nextDue: sqlite.prepare(`SELECT min(coalesce(next_attempt_at, '')) AS at FROM d365_outbox WHERE state = 'queued'`),
    interrupted: sqlite.prepare(`SELECT id, lead_domain FROM d365_outbox WHERE state = 'sending'`),
    setPayload: sqlite.prepare(`UPDATE d365_outbox SET payload = @payload, updated_at = @now WHERE id = @id`),
    finish: sqlite.prepare(
      `UPDATE d365_outbox SET state = @state, record_id = @record_id, account_id = @account_id, last_error = NULL,
         last_status = NULL, next_attempt_at = NULL, finished_at = @now, updated_at = @now
       WHERE id = @id`,
    ),
    setState: sqlite.prepare(
      `UPDATE d365_outbox SET state = @state, last_error = @error, last_status = @status, next_attempt_at = @next,
         updated_at = @now
       WHERE id = @id`,
    ),
    retry: sqlite.prepare(
      `UPDATE d365_outbox SET state = 'queued', next_attempt_at = @now, updated_at = @now
       WHERE id = @id AND state = 'failed'`,
    ),
    delete: sqlite.prepare(`DELETE FROM d365_outbox WHERE id = ? AND state IN ('queued', 'failed')`),
    unsent: sqlite.prepare(`SELECT * FROM d365_outbox WHERE state IN ('queued', 'sending', 'failed') ORDER BY id`),
    lastDone: sqlite.prepare(
      `SELECT * FROM d365_outbox WHERE lead_domain = ? AND state = 'done' ORDER BY finished_at DESC, id DESC LIMIT 1`,
    ),
  };

  const noIds: LeadRecordIds = { lead: null, account: null, contact: null, opportunity: null, note: null };
  const setLead = (
    domain: string,
    status: LeadPushStatus | null,
    opts: { error?: string | null; ids?: Partial<LeadRecordIds>; pushed?: boolean; attempt?: boolean } = {},
  ) =>
    q.setLead.run({
      domain,
      status,
      error: opts.error ?? null,
      ...noIds,
      ...opts.ids,
      pushed_at: opts.pushed ? iso() : null,
      attempt: opts.attempt ? 1 : 0,
      now: iso(),
    });

  const domainOf = (id: number) => (q.get.get(id) as OutboxRow | undefined)?.lead_domain;

  return {
    leadPushState(domain) {
      const r = q.lead.get(domain) as (Omit<LeadPushState, 'ids'> & LeadRecordIds) | undefined;
      if (!r) return null;
      return {
        domain: r.domain,
        status: r.status,
        ids: { lead: r.lead, account: r.account, contact: r.contact, opportunity: r.opportunity, note: r.note },
        last_pushed_at: r.last_pushed_at,
        error: r.error,
      };
    },
    enqueue({ domain, operation, payload, ids, idempotencyKey }) {
      return tx(() => {
        const json = JSON.stringify(payload);
        const existing = q.unsentFor.get(domain) as { id: number } | undefined;
        let id: number;
        if (existing) {
          q.requeue.run({ id: existing.id, operation, payload: json, now: iso() });
          id = existing.id;
        } else {
          id = Number(
            q.insert.run({ domain, operation, payload: json, key: idempotencyKey, now: iso() }).lastInsertRowid,
          );
        }
        setLead(domain, 'queued', { ids });
        return id;
      });
    },
    get: (id) => parse(q.get.get(id) as OutboxRow | undefined),
    claim(id) {
      return tx(() => {
        if (q.claim.run({ id, now: iso() }).changes === 0) return false;
        setLead(domainOf(id)!, 'pushing', { attempt: true });
        return true;
      });
    },
    due: (limit) => (q.due.all(iso(), limit) as { id: number }[]).map((r) => r.id),
    queuedIds: () => (q.queued.all() as { id: number }[]).map((r) => r.id),
    nextDueAt() {
      const r = q.nextDue.get() as { at: string | null };
      return r.at === null ? null : r.at || iso();
    },
    requeueInterrupted() {
      return tx(() => {
        const rows = q.interrupted.all() as { id: number; lead_domain: string }[];
        for (const r of rows) {
          q.setState.run({ id: r.id, state: 'queued', error: null, status: null, next: iso(), now: iso() });
          setLead(r.lead_domain, 'queued');
        }
        return rows.length;
      });
    },
    retarget(id, payload, ids) {
      tx(() => {
        q.setPayload.run({ id, payload: JSON.stringify(payload), now: iso() });
        setLead(domainOf(id)!, 'pushing', { ids });
      });
    },
    finish(id, outcome) {
      tx(() => {
        q.finish.run({ id, ...outcome, now: iso() });
        setLead(domainOf(id)!, outcome.state === 'done' ? 'pushed' : 'skipped', { pushed: outcome.state === 'done' });
      });
    },
    reschedule(id, error, status, nextAttemptAt) {
      tx(() => {
        q.setState.run({ id, state: 'queued', error, status, next: nextAttemptAt, now: iso() });
        setLead(domainOf(id)!, 'queued', { error });
      });
    },
    fail(id, error, status) {
      tx(() => {
        q.setState.run({ id, state: 'failed', error, status, next: null, now: iso() });
        setLead(domainOf(id)!, 'error', { error });
      });
    },
    retry(id) {
      return tx(() => {
        if (q.retry.run({ id, now: iso() }).changes === 0) return false;
        setLead(domainOf(id)!, 'queued');
        return true;
      });
    },
    discard(id) {
      return tx(() => {
        const domain = domainOf(id);
        if (!domain || q.delete.run(id).changes === 0) return false;
        const lead = q.lead.get(domain) as { last_pushed_at: string | null } | undefined;
        setLead(domain, lead?.last_pushed_at ? 'pushed' : null);
        return true;
      });
    },
    unsent: () => (q.unsent.all() as OutboxRow[]).map((r) => parse(r)!),
    lastDone: (domain) => parse(q.lastDone.get(domain) as OutboxRow | undefined),
  };
}
