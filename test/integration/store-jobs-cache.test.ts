import { afterEach, describe, expect, it } from 'vitest';
import { openStore } from '../../main/store/db';
import { scanResult } from '../support/fixtures-scan';
import { openTempStore } from '../support/temp-store';
import type { TempStore } from '../support/temp-store';

let t: TempStore;
afterEach(() => t.cleanup());

describe('scan jobs', () => {
  it('resumes after a restart with exactly the domains not yet scanned', () => {
    t = openTempStore({ now: () => new Date('2026-11-26T12:00:00.000Z') });
    const job = t.store.scanJobs.create(['a.com', 'b.com', 'c.com', 'd.com', 'a.com'], { whois: false });
    expect(job).toMatchObject({ state: 'running', total: 4, done: 0, options: { whois: false } });

    const first = t.store.scanJobs.nextPending(job.id, 2);
    expect(first).toEqual(['a.com', 'b.com']);
    // results and job progress in one transaction: a crash can't leave a scanned domain marked pending
    t.store.transaction(() => {
      t.store.leads.saveScanResults(first.map((domain) => scanResult({ domain })));
      t.store.scanJobs.markDone(job.id, ['a.com']);
      t.store.scanJobs.markFailed(job.id, [{ domain: 'b.com', error: 'servfail' }]);
    });
    t.store.close();

    const reopened = openStore(t.path, { now: () => new Date('2026-11-26T12:05:00.000Z') });
    const unfinished = reopened.scanJobs.latestUnfinished();
    expect(unfinished).toMatchObject({ id: job.id, state: 'running', total: 4, done: 2, succeeded: 1, failed: 1 });
    expect(reopened.scanJobs.nextPending(job.id, 10)).toEqual(['c.com', 'd.com']);
    // marking twice never double counts
    reopened.scanJobs.markDone(job.id, ['a.com', 'c.com']);
    expect(reopened.scanJobs.get(job.id)).toMatchObject({ done: 3, succeeded: 2, state: 'running' });
    const finished = reopened.scanJobs.markDone(job.id, ['d.com']);
    expect(finished).toMatchObject({
      state: 'done',
      done: 4,
      succeeded: 3,
      failed: 1,
      finished_at: '2026-11-26T12:05:00.000Z',
    });
    expect(reopened.scanJobs.latestUnfinished()).toBeNull();
    expect(reopened.scanJobs.nextPending(job.id, 10)).toEqual([]);
    reopened.close();
  });

  it('pause, resume and cancel', () => {
    t = openTempStore();
    const job = t.store.scanJobs.create(['a.com', 'b.com']);
    expect(t.store.scanJobs.pause(job.id).state).toBe('paused');
    expect(t.store.scanJobs.nextPending(job.id, 10)).toEqual([]);
    expect(t.store.scanJobs.latestUnfinished()?.id).toBe(job.id);
    expect(t.store.scanJobs.resume(job.id).state).toBe('running');
    expect(t.store.scanJobs.nextPending(job.id, 10)).toEqual(['a.com', 'b.com']);
    const cancelled = t.store.scanJobs.cancel(job.id);
    expect(cancelled.state).toBe('cancelled');
    expect(cancelled.finished_at).not.toBeNull();
    expect(t.store.scanJobs.resume(job.id).state).toBe('cancelled');
    expect(t.store.scanJobs.nextPending(job.id, 10)).toEqual([]);
    expect(t.store.scanJobs.latestUnfinished()).toBeNull();
    expect(t.store.scanJobs.create([]).state).toBe('done');
  });
});

describe('SqliteTtlCache', () => {
  it('returns JSON values until they expire, and purges expired ones', () => {
    let clock = 1_000_000;
    t = openTempStore({ now: () => new Date(clock) });
    const cache = t.store.cache;
    cache.set('mx:a.com', { hosts: ['mx1.a.com'], ttl: 300 }, 60_000);
    cache.set('mx:b.com', ['x'], 10_000);
    expect(cache.get('mx:a.com')).toEqual({ hosts: ['mx1.a.com'], ttl: 300 });
    expect(cache.get('missing')).toBeUndefined();
    clock += 10_000; // b.com expires exactly now
    expect(cache.get('mx:b.com')).toBeUndefined();
    expect(cache.get('mx:a.com')).toEqual({ hosts: ['mx1.a.com'], ttl: 300 });
    cache.set('mx:a.com', 'replaced', 5_000);
    expect(cache.get('mx:a.com')).toBe('replaced');
    cache.set('mx:c.com', null, 1);
    expect(cache.get('mx:c.com')).toBeNull();
    clock += 5_000;
    expect(cache.purgeExpired()).toBe(2);
    cache.set('gone', 1, 60_000);
    cache.delete('gone');
    expect(cache.get('gone')).toBeUndefined();
  });
});

describe('settings, imports and legacy readers', () => {
  it('stores settings as JSON by key', () => {
    t = openTempStore();
    expect(t.store.settings.get('dns_servers')).toBeUndefined();
    t.store.settings.set('dns_servers', ['127.0.0.2:53']);
    t.store.settings.set('dns_servers', ['1.1.1.1', '8.8.8.8']);
    t.store.settings.set('whois_enabled', false);
    expect(t.store.settings.get('dns_servers')).toEqual(['1.1.1.1', '8.8.8.8']);
    expect(t.store.settings.get('whois_enabled')).toBe(false);
    expect(() => t.store.settings.set('x', undefined)).toThrow(/undefined/);
  });

  it('records an import with every raw row', () => {
    t = openTempStore({ now: () => new Date('2026-11-26T12:00:00.000Z') });
    const id = t.store.imports.recordImport('firmalar.xlsx', [
      { row: 1, raw: { Firma: 'Alfa', Web: 'www.alfa.com.tr' }, domain: 'alfa.com.tr', error: null },
      { row: 2, raw: { Firma: 'Beta', Web: '' }, domain: null, error: 'empty' },
    ]);
    expect(
      t.store.sqlite.prepare('SELECT file_name, imported_at, row_count FROM raw_imports WHERE id = ?').get(id),
    ).toEqual({
      file_name: 'firmalar.xlsx',
      imported_at: '2026-11-26T12:00:00.000Z',
      row_count: 2,
    });
    expect(
      t.store.sqlite
        .prepare('SELECT row_number, raw, domain, error FROM raw_import_rows WHERE import_id = ? ORDER BY row_number')
        .all(id),
    ).toEqual([
      { row_number: 1, raw: '{"Firma":"Alfa","Web":"www.alfa.com.tr"}', domain: 'alfa.com.tr', error: null },
      { row_number: 2, raw: '{"Firma":"Beta","Web":""}', domain: null, error: 'empty' },
    ]);
    expect(t.store.imports.recordImport('again.csv', [])).toBe(id + 1);
  });

  it('reads legacy notes newest first', () => {
    t = openTempStore();
    t.store.sqlite.exec(`INSERT INTO legacy_notes (domain, note, created_at, updated_at) VALUES
      ('a.com', 'eski', '2025-01-01T00:00:00Z', '2025-01-01T00:00:00Z'),
      ('a.com', 'yeni', '2025-02-01T00:00:00Z', '2025-02-03T00:00:00Z'),
      ('b.com', 'other', '2025-03-01T00:00:00Z', '2025-03-01T00:00:00Z')`);
    expect(t.store.legacy.notes('a.com').map((n) => [n.note, n.updated_at])).toEqual([
      ['yeni', '2025-02-03T00:00:00Z'],
      ['eski', '2025-01-01T00:00:00Z'],
    ]);
    expect(t.store.legacy.tags('a.com')).toEqual([]);
  });
});
