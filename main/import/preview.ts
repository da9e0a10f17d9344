import type { ImportPreview, ImportPreviewRow } from '../../shared/imports';
import type { LeadIdentity } from '../../shared/lead-row';
import { normalizeDomain, type NormalizeResult } from '../engine/normalize';
import type { ColumnKeywords, ColumnMap } from './detect-columns';
import { detectColumns } from './detect-columns';
import { flagDomain, type ImportDomainRules } from './domain-rules';
import type { Table } from './table-limits';

export interface ImportConfig {
  keywords: ColumnKeywords;
  domainRules: ImportDomainRules;
}

/** a lead the file will add, contact details from its extra columns included */
export type PlannedLead = LeadIdentity;

export interface ImportPlan {
  preview: ImportPreview;
  /** one entry per distinct valid domain, in file order */
  leads: PlannedLead[];
  /** every data row with its outcome and its cells by header, for the raw import record */
  rows: (ImportPreviewRow & { raw: Record<string, string> })[];
}

const PREVIEW_ROWS = 500;
const FLAG_MESSAGES = {
  consumer_mailbox: 'A free mailbox provider, not the company\u2019s own domain',
  reserved_name: 'A name reserved for examples and tests, not a real company domain',
} as const;

function cell(row: string[], col: number | null): string {
  return col === null ? '' : (row[col] ?? '').trim();
}

/**
 * The domain of a row: the first of the domain, website and e-mail cells that reads as a domain, so a junk
 * website cell ("yok", "-") falls back to the e-mail address. With none, the first filled cell's reason.
 */
function domainOf(row: string[], map: ColumnMap): { input: string; result: NormalizeResult } {
  let first: { input: string; result: NormalizeResult } | null = null;
  for (const col of [map.domain, map.website, map.email]) {
    const input = cell(row, col);
    if (!input) continue;
    const result = normalizeDomain(input);
    if (result.ok) return { input, result };
    first ??= { input, result };
  }
  return first ?? { input: '', result: normalizeDomain('') };
}

export function planImport(table: Table, config: ImportConfig): ImportPlan {
  const map = detectColumns(table.firstRow, table.rows, config.keywords);
  const dataRows = map.hasHeader ? table.rows : [table.firstRow, ...table.rows];
  const seen = new Set<string>();
  const leads: PlannedLead[] = [];
  const rows: ImportPlan['rows'] = [];
  let duplicates = 0;

  dataRows.forEach((r, i) => {
    const { input, result } = domainOf(r, map);
    const company = cell(r, map.company) || null;
    const raw = Object.fromEntries(map.headers.map((h, c) => [h, r[c] ?? '']));
    const base = { row: i + 1, input, company_name: company };
    let row: ImportPreviewRow;
    if (!result.ok) {
      row = { ...base, domain: null, error: result.code, error_message: result.message };
    } else if (seen.has(result.domain)) {
      duplicates++;
      row = { ...base, domain: result.domain, error: 'duplicate', error_message: 'Same domain as an earlier row' };
    } else {
      const flag = flagDomain(result.domain, config.domainRules);
      if (flag) {
        row = { ...base, domain: result.domain, error: flag, error_message: FLAG_MESSAGES[flag] };
      } else {
        seen.add(result.domain);
        const email = cell(r, map.email);
        leads.push({
          domain: result.domain,
          domain_display: result.display,
          company_name: company,
          city: cell(r, map.city) || null,
          contact_email: email.includes('@') ? email : null,
          contact_phone: cell(r, map.phone) || null,
        });
        row = { ...base, domain: result.domain, error: null, error_message: null };
      }
    }
    rows.push({ ...row, raw });
  });

  const header = (col: number | null) => (col === null ? null : (map.headers[col] ?? null));
  const preview: ImportPreview = {
    columns: {
      domain: header(map.domain),
      company: header(map.company),
      email: header(map.email),
      website: header(map.website),
      phone: header(map.phone),
      city: header(map.city),
    },
    headers: map.headers,
    total: rows.length,
    valid: leads.length,
    rejected: rows.length - leads.length - duplicates,
    duplicates,
    // rejected rows first so the user sees the problems without scrolling through thousands of good rows
    rows: [
      ...rows.filter((r) => r.error && r.error !== 'duplicate'),
      ...rows.filter((r) => !r.error || r.error === 'duplicate'),
    ]
      .slice(0, PREVIEW_ROWS)
      .map(({ raw: _raw, ...row }) => row),
  };
  return { preview, leads, rows };
}
