import type { Lang } from '../../../shared/lang';
import { providerLabel } from '../../api/provider-labels';
// The grid's cells: how each column of the registry (shared/lead-columns.ts) draws a row's value.
import { daysUntil } from '../../../shared/dates';
import type { ReactNode } from 'react';
import type { TFunction } from 'i18next';
import { GRID_COLUMNS } from '../../../shared/lead-columns';
import type { GridColumnId } from '../../../shared/lead-columns';
import type { LeadRow, LeadSortKey } from '../../../shared/leads';
import type { Format } from '../../i18n';
import { D365Status } from '../dynamics/D365Status';
import { ScanStatusDot } from '../leads/ScanStatusDot';
import { CategoryBadge, ChipList, ScoreBar, SegmentBadge } from '../LeadBadges';
import type { Translate } from '../LeadBadges';
import { ReferralCell } from '../referrals/ReferralCell';
import { chipsThatFit } from './chip-fit';
import type { ColumnWidths } from './column-widths';

export interface CellContext {
  /** t() for the cells: every visible row asks for the same few labels on each render, so answers are kept */
  t: Translate;
  format: Format;
  /** the row checkbox's "Select {{domain}}" */
  selectRowLabel: (domain: string) => string;
  /** a provider's short label in the UI language */
  provider: (name: string | null) => string;
  /** how many of a list's chips fit whole in this column's cells */
  fitChips: (column: GridColumnId, labels: string[]) => number;
}

/** the columns drawn as chip lists: the grid follows their widths */
export const CHIP_COLUMNS: readonly GridColumnId[] = ['riskFlags', 'tags'];
/** until a chip column's width is known */
const CHIPS_BEFORE_MEASURED = 2;

/** One per language: i18next's lookup and interpolation cost more than the rest of a cell's render. */
export function createCellContext(t: TFunction, format: Format, lang: Lang, widths: ColumnWidths): CellContext {
  const labels = new Map<string, string>();
  const remembered: Translate = (key, options) => {
    let label = labels.get(key);
    if (label === undefined) labels.set(key, (label = t(key, options)));
    return label;
  };
  // the sentence around the domain, interpolated once with a marker no domain contains
  const [before = '', after = ''] = t('grid.selectRow', { domain: '\u0000' }).split('\u0000');
  return {
    t: remembered,
    format,
    selectRowLabel: (domain) => `${before}${domain}${after}`,
    provider: (name) => providerLabel(name, lang),
    fitChips: (column, labels) => {
      const room = widths[column];
      return room === undefined ? Math.min(labels.length, CHIPS_BEFORE_MEASURED) : chipsThatFit(labels, room);
    },
  };
}

type Cell = (row: LeadRow, context: CellContext) => ReactNode;

/** One grid column: the registry's declaration and the cell that draws it. */
export interface GridColumn {
  /** also the i18n key under grid.columns */
  id: GridColumnId;
  /** CSS grid track */
  width: string;
  sort?: { key: LeadSortKey; initialOrder: 'asc' | 'desc' };
  align?: 'end';
  hideWhenEmpty?: boolean;
  render: Cell;
}

const EXPIRY_WARN_DAYS = 30;

/** A cell for every grid column of the registry (shared/lead-columns.ts): a missing one is a type error. */
const CELLS: Record<GridColumnId, Cell> = {
  domain: (row, { t }) => (
    <span className="domain-cell">
      <ScanStatusDot domain={row.domain} status={row.scan_status} t={t} />
      <span className="truncate">{row.domain_display}</span>
    </span>
  ),
  company: (row) => <span className="truncate">{row.company_name ?? ''}</span>,
  provider: (row, { provider }) => {
    const label = provider(row.provider);
    return (
      <span className="truncate" title={label}>
        {label}
      </span>
    );
  },
  score: (row) => <ScoreBar score={row.readiness_score} />,
  segment: (row, { t }) => <SegmentBadge segment={row.segment} t={t} />,
  category: (row, { t }) => <CategoryBadge category={row.priority_category} t={t} />,
  riskFlags: (row, { t, fitChips }) => (
    <ChipList values={row.risk_flags} kind="riskFlags" t={t} fit={(labels) => fitChips('riskFlags', labels)} />
  ),
  tags: (row, { t, fitChips }) => (
    <ChipList values={row.tags} kind="tags" t={t} fit={(labels) => fitChips('tags', labels)} />
  ),
  expiry: (row, { format }) =>
    row.expires_at ? (
      <span
        className="num"
        data-warn={(daysUntil(row.expires_at, new Date()) ?? Infinity) < EXPIRY_WARN_DAYS || undefined}
      >
        {format.date(row.expires_at)}
      </span>
    ) : null,
  lastScan: (row, { format }) =>
    row.scanned_at ? <span title={format.dateTime(row.scanned_at)}>{format.relative(row.scanned_at)}</span> : null,
  referral: (row) => <ReferralCell row={row} />,
  d365: (row, { t }) => <D365Status row={row} t={t} />,
};

export const COLUMNS: GridColumn[] = GRID_COLUMNS.map((column) => ({
  id: column.id,
  width: column.grid.width,
  sort: column.sort,
  align: column.grid.align,
  hideWhenEmpty: column.grid.hideWhenEmpty,
  render: CELLS[column.id],
}));

export const SELECT_COLUMN_WIDTH = '36px';

/** The narrowest the row can get, the select column included: every track's minimum is its first px length. */
export function minimumRowWidth(columns: GridColumn[]): number {
  return [SELECT_COLUMN_WIDTH, ...columns.map((column) => column.width)].reduce(
    (sum, width) => sum + Number(/(\d+)px/.exec(width)?.[1] ?? 0),
    0,
  );
}
