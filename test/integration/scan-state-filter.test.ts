// The grid's scan-status filter: failed (the latest scan got no verdict), partial (some checks unanswered) and
// unscanned, on the store's real queries (count, page walk and the bulk-action domain list).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LeadQuery } from '../../shared/leads';
import { LeadQuerySchema } from '../../shared/leads';
import { dnsTimeoutResult, scanResult } from '../support/fixtures-scan';
import { openTempStore } from '../support/temp-store';
import type { TempStore } from '../support/temp-store';

let t: TempStore;

beforeEach(() => {
  t = openTempStore();
  const { leads } = t.store;
  leads.addLeads([
    { domain: 'never.com', domain_display: 'never.com' },
    { domain: 'ok.com', domain_display: 'ok.com' },
  ]);
  leads.saveScanResults([
    scanResult({ domain: 'ok.com', score: 80 }),
    scanResult({ domain: 'half.com', scan_status: 'partial', score: 70 }),
    scanResult({ domain: 'was-ok.com', score: 90 }),
    dnsTimeoutResult('silent.com', '2026-11-21T10:00:00.000Z'),
  ]);
  // scored once, then the DNS server stopped answering: the latest scan failed even though a verdict remains
  leads.saveScanResults([dnsTimeoutResult('was-ok.com', '2026-11-22T10:00:00.000Z')]);
});
afterEach(() => t.cleanup());

const domains = (query: LeadQuery) => t.store.leads.allDomains({ sort: 'domain', ...query });

describe('scan-status filter', () => {
  it('failed lists the leads whose latest scan got no verdict, also those that keep an earlier one', () => {
    expect(domains({ scan_state: 'failed' })).toEqual(['silent.com', 'was-ok.com']);
    expect(t.store.leads.getLead('was-ok.com')?.readiness_score).not.toBeNull();
  });

  it('partial lists the leads whose latest scan left some checks unanswered', () => {
    expect(domains({ scan_state: 'partial' })).toEqual(['half.com']);
  });

  it('unscanned lists the leads never scanned, like the older scanned=unscanned', () => {
    expect(domains({ scan_state: 'unscanned' })).toEqual(['never.com']);
    expect(domains({ scanned: 'unscanned' })).toEqual(['never.com']);
  });

  it('pages and counts agree and combine with other filters', () => {
    // the grid's default priority sort walks an index; the count reads the column directly
    const page = t.store.leads.listLeads({ scan_state: 'failed', limit: 1 });
    expect(page.total).toBe(2);
    expect(page.rows.map((row) => row.scan_status)).toEqual(['dns_timeout']);
    expect(t.store.leads.listLeads({ scan_state: 'failed', min_score: 50 }).rows.map((row) => row.domain)).toEqual([
      'was-ok.com',
    ]);
    expect(t.store.leads.listLeads({ scan_state: 'partial', search: 'half' }).total).toBe(1);
    expect(t.store.leads.listLeads({}).total).toBe(5);
  });

  it('accepts only the three states over IPC', () => {
    expect(LeadQuerySchema.safeParse({ scan_state: 'failed' }).success).toBe(true);
    expect(LeadQuerySchema.safeParse({ scan_state: 'completed' }).success).toBe(false);
  });
});
