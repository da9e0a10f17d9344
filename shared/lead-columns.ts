// Every lead column, declared once and in one order: the grid's columns and the column menu, the API's sort keys
// (and so the read model's sort map) and the export's columns all follow this list. A column's id names its
// labels: grid.columns.<id> in renderer/i18n, headers.<id> (and values.<id>) in resources/export_labels.json.
import type { LeadRow } from './lead-row';
import type { SalesSummary } from './sales-summary';

export type ExportCell = string | number | null;
/** a cell, or a list of codes (written as their labels joined by commas) */
export type ExportValue = ExportCell | string[];

/**
 * How an exported value is written: as it is; through the language's value labels (export_labels.json
 * values.<id>); through the provider labels; or as a time (local or ISO, per the language).
 */
export type ExportFormat = 'plain' | 'labels' | 'provider' | 'time';

interface ColumnBase {
  id: string;
  /** sortable: the API's sort key and the order a first click on the header sorts in */
  sort?: { key: string; initialOrder: 'asc' | 'desc' };
  /** shown in the grid (and offered in its column menu) */
  grid?: {
    /** CSS grid track; its first px length is the column's minimum */
    width: string;
    align?: 'end';
    /**
     * left out of the grid while no lead of the current result has data for it (the server answers which
     * columns have data with each page), so the wide columns get the room
     */
    hideWhenEmpty?: true;
  };
}

/** A column showing one field of the row; exported as that field. */
interface RowColumn extends ColumnBase {
  field: keyof LeadRow;
  export?: ExportFormat;
}

/** An export-only column computed from the lead's sales summary. */
interface SummaryColumn extends ColumnBase {
  field?: never;
  export: { format: ExportFormat; value: (summary: SalesSummary) => string };
}

export type LeadColumnSpec = RowColumn | SummaryColumn;

export const LEAD_COLUMNS = [
  {
    id: 'domain',
    field: 'domain_display',
    sort: { key: 'domain', initialOrder: 'asc' },
    grid: { width: 'minmax(210px, 1.6fr)' },
    export: 'plain',
  },
  { id: 'domainAscii', field: 'domain', export: 'plain' },
  {
    id: 'company',
    field: 'company_name',
    sort: { key: 'company_name', initialOrder: 'asc' },
    grid: { width: 'minmax(150px, 1.2fr)' },
    export: 'plain',
  },
  { id: 'city', field: 'city', export: 'plain' },
  { id: 'contactEmail', field: 'contact_email', export: 'plain' },
  { id: 'contactPhone', field: 'contact_phone', export: 'plain' },
  {
    id: 'provider',
    field: 'provider',
    sort: { key: 'provider', initialOrder: 'asc' },
    grid: { width: 'minmax(112px, 0.8fr)' },
    export: 'provider',
  },
  {
    id: 'score',
    field: 'readiness_score',
    sort: { key: 'readiness_score', initialOrder: 'desc' },
    grid: { width: '112px', align: 'end' },
    export: 'plain',
  },
  {
    id: 'segment',
    field: 'segment',
    sort: { key: 'segment', initialOrder: 'asc' },
    grid: { width: '104px' },
    export: 'labels',
  },
  {
    id: 'category',
    field: 'priority_category',
    // P category, then readiness score high to low: the default order
    sort: { key: 'priority', initialOrder: 'asc' },
    grid: { width: '58px' },
    export: 'plain',
  },
  { id: 'priorityLabel', field: 'priority_label', export: 'labels' },
  {
    id: 'priorityScore',
    field: 'priority_score',
    sort: { key: 'priority_score', initialOrder: 'desc' },
    export: 'plain',
  },
  { id: 'nextStepAction', export: { format: 'labels', value: (summary) => summary.next_step.action } },
  { id: 'nextStepTimeline', export: { format: 'labels', value: (summary) => summary.next_step.timeline } },
  { id: 'nextStep', export: { format: 'plain', value: (summary) => summary.next_step.message } },
  { id: 'offer', export: { format: 'plain', value: (summary) => summary.offer_tier.tier } },
  { id: 'riskFlags', field: 'risk_flags', grid: { width: 'minmax(150px, 1fr)' }, export: 'labels' },
  { id: 'tags', field: 'tags', grid: { width: 'minmax(130px, 0.9fr)' }, export: 'labels' },
  {
    id: 'expiry',
    field: 'expires_at',
    sort: { key: 'expires_at', initialOrder: 'asc' },
    grid: { width: '104px', align: 'end', hideWhenEmpty: true },
    export: 'time',
  },
  {
    id: 'lastScan',
    field: 'scanned_at',
    sort: { key: 'scanned_at', initialOrder: 'desc' },
    grid: { width: '112px', align: 'end' },
    export: 'time',
  },
  { id: 'scanStatus', field: 'scan_status', export: 'labels' },
  { id: 'referral', field: 'referral_count', grid: { width: '104px', hideWhenEmpty: true }, export: 'plain' },
  { id: 'd365', field: 'd365_sync_status', grid: { width: '104px', hideWhenEmpty: true }, export: 'plain' },
] as const satisfies readonly LeadColumnSpec[];

type Column = (typeof LEAD_COLUMNS)[number];
export type LeadColumnId = Column['id'];
export type GridColumnId = Extract<Column, { grid: object }>['id'];
/** the grid columns hidden while the result has no data for them */
export type SparseColumnId = Extract<Column, { grid: { hideWhenEmpty: true } }>['id'];
export type ExportColumnId = Extract<Column, { export: unknown }>['id'];
export type LabelledColumnId = Extract<Column, { export: 'labels' } | { export: { format: 'labels' } }>['id'];
export type LeadSortKey = Extract<Column, { sort: object }>['sort']['key'];

/** A column that is exported, with its format spelled out. */
export type ExportedColumn = (RowColumn & { export: ExportFormat }) | SummaryColumn;

const COLUMNS: readonly LeadColumnSpec[] = LEAD_COLUMNS;

/** A grid column as the grid reads it. */
export interface GridColumnSpec {
  id: GridColumnId;
  sort?: { key: LeadSortKey; initialOrder: 'asc' | 'desc' };
  grid: NonNullable<ColumnBase['grid']>;
}

export const GRID_COLUMNS = COLUMNS.filter((column) => column.grid) as GridColumnSpec[];
export const SPARSE_COLUMN_IDS = GRID_COLUMNS.filter((column) => column.grid.hideWhenEmpty).map(
  (column) => column.id as SparseColumnId,
);
export const EXPORT_COLUMNS = COLUMNS.filter((column): column is ExportedColumn => column.export !== undefined);
export const EXPORT_COLUMN_IDS = EXPORT_COLUMNS.map((column) => column.id) as [ExportColumnId, ...ExportColumnId[]];
export const LABELLED_COLUMN_IDS = EXPORT_COLUMNS.filter((column) => exportFormat(column) === 'labels').map(
  (column) => column.id,
) as [LabelledColumnId, ...LabelledColumnId[]];
export const LEAD_SORT_KEYS = COLUMNS.flatMap((column) => (column.sort ? [column.sort.key] : [])) as [
  LeadSortKey,
  ...LeadSortKey[],
];

export function exportFormat(column: ExportedColumn): ExportFormat {
  return typeof column.export === 'object' ? column.export.format : column.export;
}

/** The exported value before its format is applied. */
export function exportValue(column: ExportedColumn, row: LeadRow, summary: SalesSummary): ExportValue {
  return column.field === undefined ? column.export.value(summary) : row[column.field];
}
