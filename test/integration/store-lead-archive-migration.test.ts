import { afterEach, describe, expect, it } from 'vitest';
import { openStore } from '../../main/store/db';
import type { Store } from '../../main/store/db';
import { databaseBefore, migrationIndex } from '../support/database-before';
import { tempDir } from '../support/temp-store';

const ARCHIVE_MIGRATION = migrationIndex('lead_archive');

let store: Store | null = null;
afterEach(() => store?.close());

/** A database as the build before the archive migration left it, with two leads. */
function databaseBeforeArchiveMigration(dir: string): string {
  return databaseBefore(dir, 'lead_archive', (sqlite) => {
    const lead = sqlite.prepare(
      `INSERT INTO leads (domain, domain_display, search_text, created_at, updated_at)
       VALUES (?, ?, ?, '2026-11-01T00:00:00.000Z', '2026-11-01T00:00:00.000Z')`,
    );
    lead.run('contoso.test', 'contoso.test', 'contoso.test');
    lead.run('fabrikam.test', 'fabrikam.test', 'fabrikam.test');
  });
}

describe('lead archive migration', () => {
  it('exists in the journal', () => {
    expect(ARCHIVE_MIGRATION).toBeGreaterThan(0);
  });

  it('keeps every existing lead active and in the grid, and lets one be archived afterwards', () => {
    store = openStore(databaseBeforeArchiveMigration(tempDir()));
    expect(store.sqlite.prepare('SELECT domain, archived_at FROM leads ORDER BY domain').all()).toEqual([
      { domain: 'contoso.test', archived_at: null },
      { domain: 'fabrikam.test', archived_at: null },
    ]);
    expect(store.leads.listLeads({}).total).toBe(2);
    store.leads.archiveLeads(['contoso.test'], true);
    expect(store.leads.listLeads({}).rows.map((r) => r.domain)).toEqual(['fabrikam.test']);
  });
});
