import type { HunterConfig } from '../config/load';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { z } from 'zod';
import type { Lang } from '../../shared/lang';
import {
  EXPORT_COLUMN_IDS,
  EXPORT_COLUMNS,
  exportFormat,
  exportValue,
  LABELLED_COLUMN_IDS,
} from '../../shared/lead-columns';
import type {
  ExportCell,
  ExportColumnId,
  ExportedColumn,
  ExportFormat,
  ExportValue,
  LabelledColumnId,
} from '../../shared/lead-columns';
import type { LeadQuery, LeadRow } from '../../shared/leads';
import { loadResource } from '../config/resource-loader';
import type { Store } from '../store/db';
import { salesSummaryFor, type SalesDeps } from './sales';

const labelMap = z.record(z.string(), z.string());
const ExportLanguageSchema = z.object({
  separator: z.enum([',', ';', '\t']),
  /** times in the machine's time zone and the language's format, instead of ISO 8601 UTC */
  local_times: z.boolean(),
  locale: z.string().min(2),
  /** one per exported column of the registry */
  headers: z.object(
    Object.fromEntries(EXPORT_COLUMN_IDS.map((id) => [id, z.string().min(1)])) as Record<ExportColumnId, z.ZodString>,
  ),
  /** value labels, only for the columns whose export format is 'labels' */
  values: z.record(z.enum(LABELLED_COLUMN_IDS), labelMap),
});
const ExportLabelsSchema = z.object({ tr: ExportLanguageSchema, en: ExportLanguageSchema });
type ExportLanguage = z.infer<typeof ExportLanguageSchema>;

const exportLabels = (resources: string) => loadResource(resources, 'export_labels.json', ExportLabelsSchema);

type Cell = ExportCell;

/**
 * A text cell a spreadsheet would run as a formula (= + - @, or TAB/CR that some programs strip before looking),
 * prefixed with an apostrophe so it opens as the text it is.
 */
export function neutraliseCell(value: Cell): Cell {
  return typeof value === 'string' && /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

function localTime(language: ExportLanguage, timeZone: string | undefined) {
  const dateTime = new Intl.DateTimeFormat(language.locale, {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  });
  // WHOIS expiry dates are calendar days, not instants: they are reordered, never shifted across a time zone
  const date = new Intl.DateTimeFormat(language.locale, {
    timeZone: 'UTC',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  });
  return (value: Cell) => {
    if (typeof value !== 'string' || value === '') return value;
    if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return date.format(new Date(`${value}T00:00:00Z`));
    const parsed = new Date(value);
    return Number.isNaN(parsed.getTime()) ? value : dateTime.format(parsed).replace(',', '');
  };
}

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

export interface ExportOptions {
  format: 'csv' | 'xlsx';
  /** headers, labels, separator and time format; next step and offer texts in this language too */
  lang: Lang;
  now?: Date;
  /** for local times; the machine's zone by default */
  timeZone?: string;
}

export async function exportLeads(
  ctx: SalesDeps & { store: Store; config: Pick<HunterConfig, 'providerLabels'> },
  query: LeadQuery,
  opts: ExportOptions,
): Promise<{ file_name: string; content: Buffer; rows: number }> {
  const now = opts.now ?? new Date();
  const language = exportLabels(ctx.resources)[opts.lang];
  const rows = collectRows(ctx.store, query);
  const time = language.local_times ? localTime(language, opts.timeZone) : (v: Cell) => v;
  const labelled: Partial<Record<ExportFormat, (id: string, code: string) => string | undefined>> = {
    labels: (id, code) => language.values[id as LabelledColumnId]?.[code],
    provider: (_id, code) => ctx.config.providerLabels[opts.lang][code],
  };
  function written(column: ExportedColumn, value: ExportValue): Cell {
    const format = exportFormat(column);
    if (format === 'time') return time(Array.isArray(value) ? value.join(', ') : value);
    const label = (code: string) => labelled[format]?.(column.id, code) ?? code;
    // a list of codes is written as their labels joined by commas
    if (Array.isArray(value)) return value.map(label).join(', ');
    return typeof value === 'string' ? label(value) : value;
  }
  const matrix = rows.map((r) => {
    const detail = ctx.store.leads.getLead(r.domain);
    const summary = salesSummaryFor(ctx, detail!, opts.lang, now);
    return EXPORT_COLUMNS.map((column) => written(column, exportValue(column, r, summary)));
  });
  const headers = EXPORT_COLUMN_IDS.map((id) => language.headers[id]);
  const stamp = now.toISOString().slice(0, 19).replace('T', '_').replace(/:/g, '-');
  const base = opts.lang === 'tr' ? 'adaylar' : 'leads';
  if (opts.format === 'csv') {
    const data = matrix.map((row) => row.map(neutraliseCell));
    // BOM so Excel opens Turkish characters correctly
    const csv = '\uFEFF' + Papa.unparse({ fields: headers, data }, { delimiter: language.separator });
    return { file_name: `${base}_${stamp}.csv`, content: Buffer.from(csv, 'utf8'), rows: rows.length };
  }
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(opts.lang === 'tr' ? 'Adaylar' : 'Leads');
  sheet.columns = EXPORT_COLUMN_IDS.map((key, i) => ({
    header: headers[i],
    key,
    width: Math.max(12, headers[i].length + 2),
  }));
  sheet.getRow(1).font = { bold: true };
  for (const values of matrix) sheet.addRow(values);
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  const content = Buffer.from(await workbook.xlsx.writeBuffer());
  return { file_name: `${base}_${stamp}.xlsx`, content, rows: rows.length };
}
