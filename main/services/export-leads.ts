import type { HunterConfig } from '../config/load';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { z } from 'zod';
import type { Lang } from '../../shared/lang';
import type { LeadQuery, LeadRow } from '../../shared/leads';
import type { SalesSummary } from '../../shared/sales-summary';
import { loadResource } from '../config/resource-loader';
import type { Store } from '../store/db';
import { salesSummaryFor, type SalesDeps } from './sales';

const COLUMN_KEYS = [
  'domain',
  'domain_ascii',
  'company_name',
  'city',
  'contact_email',
  'contact_phone',
  'provider',
  'readiness_score',
  'segment',
  'priority_category',
  'priority_label',
  'priority_score',
  'next_step_action',
  'next_step_timeline',
  'next_step',
  'offer',
  'risk_flags',
  'tags',
  'expires_at',
  'scanned_at',
  'scan_status',
  'referral_count',
  'd365_sync_status',
] as const;
type ColumnKey = (typeof COLUMN_KEYS)[number];

const labelMap = z.record(z.string(), z.string());
const ExportLanguageSchema = z.object({
  separator: z.enum([',', ';', '\t']),
  /** times in the machine's time zone and the language's format, instead of ISO 8601 UTC */
  local_times: z.boolean(),
  locale: z.string().min(2),
  headers: z.object(
    Object.fromEntries(COLUMN_KEYS.map((k) => [k, z.string().min(1)])) as Record<ColumnKey, z.ZodString>,
  ),
  values: z.record(z.enum(COLUMN_KEYS), labelMap),
});
const ExportLabelsSchema = z.object({ tr: ExportLanguageSchema, en: ExportLanguageSchema });
type ExportLanguage = z.infer<typeof ExportLanguageSchema>;

const exportLabels = (resources: string) => loadResource(resources, 'export_labels.json', ExportLabelsSchema);

type Cell = string | number | null;

/** a cell, or a list of codes written as their labels joined by commas */
type Value = Cell | string[];

function columnValues(r: LeadRow, summary: SalesSummary): Record<ColumnKey, Value> {
  return {
    domain: r.domain_display,
    domain_ascii: r.domain,
    company_name: r.company_name,
    city: r.city,
    contact_email: r.contact_email,
    contact_phone: r.contact_phone,
    provider: r.provider,
    readiness_score: r.readiness_score,
    segment: r.segment,
    priority_category: r.priority_category,
    priority_label: r.priority_label,
    priority_score: r.priority_score,
    next_step_action: summary.next_step.action,
    next_step_timeline: summary.next_step.timeline,
    next_step: summary.next_step.message,
    offer: summary.offer_tier.tier,
    risk_flags: r.risk_flags,
    tags: r.tags,
    expires_at: r.expires_at,
    scanned_at: r.scanned_at,
    scan_status: r.scan_status,
    referral_count: r.referral_count,
    d365_sync_status: r.d365_sync_status,
  };
}

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
  const timeColumns = new Set<ColumnKey>(['expires_at', 'scanned_at']);
  const matrix = rows.map((r) => {
    const detail = ctx.store.leads.getLead(r.domain);
    const values = columnValues(r, salesSummaryFor(ctx, detail!, opts.lang, now));
    return COLUMN_KEYS.map((key): Cell => {
      const value = values[key];
      const labelOf = (code: string) =>
        (key === 'provider' ? ctx.config.providerLabels[opts.lang][code] : language.values[key]?.[code]) ?? code;
      if (Array.isArray(value)) return value.map(labelOf).join(', ');
      if (timeColumns.has(key)) return time(value);
      return typeof value === 'string' ? labelOf(value) : value;
    });
  });
  const headers = COLUMN_KEYS.map((k) => language.headers[k]);
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
  sheet.columns = COLUMN_KEYS.map((key, i) => ({
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
