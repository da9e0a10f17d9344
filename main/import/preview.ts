import type { ImportPreview, ImportPreviewRow } from '../../shared/imports';
import { normalizeDomain } from '../engine/normalize';
import type { ColumnKeywords, ColumnMap } from './detect-columns';
import { detectColumns } from './detect-columns';
import type { Table } from './read-table';

export interface ImportPlan {
  preview: ImportPreview;
  /** one entry per distinct valid domain, in file order */
  leads: { domain: string; domain_display: string; company_name: string | null }[];
  /** every data row with its outcome and its cells by header, for the raw import record */
  rows: (ImportPreviewRow & { raw: Record<string, string> })[];
}

const PREVIEW_ROWS = 500;

function cell(row: string[], col: number | null): string {
  return col === null ? '' : (row[col] ?? '').trim();
}

/** The domain candidate of a row: an explicit domain column wins, then the website, then the e-mail address. */
function candidateOf(row: string[], map: ColumnMap): string {
  return cell(row, map.domain) || cell(row, map.website) || cell(row, map.email);
}

export function planImport(table: Table, keywords: ColumnKeywords): ImportPlan {
  const map = detectColumns(table.firstRow, table.rows, keywords);
  const dataRows = map.hasHeader ? table.rows : [table.firstRow, ...table.rows];
  const seen = new Set<string>();
  const leads: ImportPlan['leads'] = [];
  const rows: ImportPlan['rows'] = [];
  let duplicates = 0;

  dataRows.forEach((r, i) => {
    const input = candidateOf(r, map);
    const company = cell(r, map.company) || null;
    const result = normalizeDomain(input);
    const raw = Object.fromEntries(map.headers.map((h, c) => [h, r[c] ?? '']));
    let row: ImportPreviewRow;
    if (!result.ok) {
      row = {
        row: i + 1,
        input,
        domain: null,
        company_name: company,
        error: result.code,
        error_message: result.message,
      };
    } else if (seen.has(result.domain)) {
      duplicates++;
      row = {
        row: i + 1,
        input,
        domain: result.domain,
        company_name: company,
        error: 'duplicate',
        error_message: 'Same domain as an earlier row',
      };
    } else {
      seen.add(result.domain);
      leads.push({ domain: result.domain, domain_display: result.display, company_name: company });
      row = { row: i + 1, input, domain: result.domain, company_name: company, error: null, error_message: null };
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
