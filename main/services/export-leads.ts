import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import type { LeadQuery, LeadRow } from '../../shared/leads';
import type { Store } from '../store/db';

const COLUMNS: { key: string; header: string; value: (r: LeadRow) => string | number | null }[] = [
  { key: 'domain', header: 'domain', value: (r) => r.domain_display },
  { key: 'domain_ascii', header: 'domain_ascii', value: (r) => r.domain },
  { key: 'company_name', header: 'company_name', value: (r) => r.company_name },
  { key: 'provider', header: 'provider', value: (r) => r.provider },
  { key: 'readiness_score', header: 'readiness_score', value: (r) => r.readiness_score },
  { key: 'segment', header: 'segment', value: (r) => r.segment },
  { key: 'priority_category', header: 'priority_category', value: (r) => r.priority_category },
  { key: 'priority_label', header: 'priority_label', value: (r) => r.priority_label },
  { key: 'priority_score', header: 'priority_score', value: (r) => r.priority_score },
  { key: 'risk_flags', header: 'risk_flags', value: (r) => r.risk_flags.join(', ') },
  { key: 'tags', header: 'tags', value: (r) => r.tags.join(', ') },
  { key: 'expires_at', header: 'expires_at', value: (r) => r.expires_at },
  { key: 'scanned_at', header: 'scanned_at', value: (r) => r.scanned_at },
  { key: 'scan_status', header: 'scan_status', value: (r) => r.scan_status },
  { key: 'referral_count', header: 'referral_count', value: (r) => r.referral_count },
  { key: 'd365_sync_status', header: 'd365_sync_status', value: (r) => r.d365_sync_status },
];

const PAGE = 1000;

/** Every lead matching the grid query, in the grid's order (the old export ignored the search box). */
export function collectRows(store: Store, query: LeadQuery): LeadRow[] {
  const rows: LeadRow[] = [];
  const { offset: _o, limit: _l, ...filters } = query;
  for (let offset = 0; ; offset += PAGE) {
    const page = store.leads.listLeads({ ...filters, offset, limit: PAGE });
    rows.push(...page.rows);
    if (page.rows.length < PAGE || rows.length >= page.total) return rows;
  }
}

export async function exportLeads(
  store: Store,
  query: LeadQuery,
  format: 'csv' | 'xlsx',
  now: Date = new Date(),
): Promise<{ file_name: string; content: Buffer; rows: number }> {
  const rows = collectRows(store, query);
  const stamp = now.toISOString().slice(0, 19).replace('T', '_').replace(/:/g, '-');
  const matrix = rows.map((r) => COLUMNS.map((c) => c.value(r)));
  if (format === 'csv') {
    // BOM so Excel opens Turkish characters correctly
    const csv = '\uFEFF' + Papa.unparse({ fields: COLUMNS.map((c) => c.header), data: matrix });
    return { file_name: `leads_${stamp}.csv`, content: Buffer.from(csv, 'utf8'), rows: rows.length };
  }
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Leads');
  sheet.columns = COLUMNS.map((c) => ({ header: c.header, key: c.key, width: Math.max(12, c.header.length + 2) }));
  sheet.getRow(1).font = { bold: true };
  for (const values of matrix) sheet.addRow(values);
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  const content = Buffer.from(await workbook.xlsx.writeBuffer());
  return { file_name: `leads_${stamp}.xlsx`, content, rows: rows.length };
}
