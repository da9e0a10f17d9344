import { afterEach, describe, expect, it } from 'vitest';
import { openStore } from '../../main/store/db';
import type { Store } from '../../main/store/db';
import { databaseBefore, migrationIndex } from '../support/database-before';
import { tempDir } from '../support/temp-store';

const OUTBOX_MIGRATION = migrationIndex('d365_outbox');

let store: Store | null = null;
afterEach(() => store?.close());

/** A database as the build before the outbox migration left it. */
function databaseBeforeOutboxMigration(dir: string): string {
  return databaseBefore(dir, 'd365_outbox', (sqlite) => {
    const row = sqlite.prepare(
      `INSERT INTO d365_outbox (lead_domain, operation, payload, state, attempts, idempotency_key, created_at, updated_at)
       VALUES (?, 'push_lead', '{}', ?, ?, ?, '2026-11-01T00:00:00.000Z', '2026-11-01T00:00:00.000Z')`,
    );
    row.run('contoso.test', 'pending', 0, 'k1');
    row.run('fabrikam.test', 'in_flight', 2, 'k2');
    row.run('adatum.test', 'failed', 5, 'k3');
  });
}

describe('d365 outbox migration', () => {
  it('exists in the journal', () => {
    expect(OUTBOX_MIGRATION).toBeGreaterThan(0);
  });

  it('keeps queued pushes and renames their states to the outbox vocabulary (queued, sending, failed)', () => {
    store = openStore(databaseBeforeOutboxMigration(tempDir()));
    const rows = store.sqlite
      .prepare('SELECT lead_domain, state, attempts, record_id, last_status, finished_at FROM d365_outbox ORDER BY id')
      .all();
    expect(rows).toEqual([
      {
        lead_domain: 'contoso.test',
        state: 'queued',
        attempts: 0,
        record_id: null,
        last_status: null,
        finished_at: null,
      },
      {
        lead_domain: 'fabrikam.test',
        state: 'sending',
        attempts: 2,
        record_id: null,
        last_status: null,
        finished_at: null,
      },
      {
        lead_domain: 'adatum.test',
        state: 'failed',
        attempts: 5,
        record_id: null,
        last_status: null,
        finished_at: null,
      },
    ]);
  });

  it('defaults new outbox rows to queued and gives leads a note id column', () => {
    store = openStore(databaseBeforeOutboxMigration(tempDir()));
    store.sqlite
      .prepare(
        `INSERT INTO d365_outbox (lead_domain, operation, payload, idempotency_key, created_at, updated_at)
         VALUES ('x.test', 'push_lead', '{}', 'k4', 'now', 'now')`,
      )
      .run();
    expect(store.sqlite.prepare(`SELECT state FROM d365_outbox WHERE idempotency_key = 'k4'`).get()).toEqual({
      state: 'queued',
    });
    const columns = (store.sqlite.prepare('PRAGMA table_info(leads)').all() as { name: string }[]).map((c) => c.name);
    expect(columns).toContain('d365_note_id');
  });
});
