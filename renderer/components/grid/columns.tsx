import type { Lang } from '../../../shared/lang';
import { providerLabel } from '../../api/provider-labels';
// The grid's column model: one place that says what each column shows, how wide it is and how it sorts.
import { daysUntil } from '../../../shared/dates';
import type { ReactNode } from 'react';
import type { TFunction } from 'i18next';
import type { LeadRow, LeadSortKey } from '../../../shared/leads';
import type { Format } from '../../i18n';
import { D365Status } from '../dynamics/D365Status';
import { ScanStatusDot } from '../leads/ScanStatusDot';
import { CategoryBadge, ChipList, ScoreBar, SegmentBadge } from '../LeadBadges';
import type { Translate } from '../LeadBadges';
import { ReferralCell } from '../referrals/ReferralCell';

export interface CellContext {
  /** t() for the cells: every visible row asks for the same few labels on each render, so answers are kept */
  t: Translate;
  format: Format;
  /** the row checkbox's "Select {{domain}}" */
  selectRowLabel: (domain: string) => string;
  /** a provider's short label in the UI language */
  provider: (name: string | null) => string;
}

/** One per language: i18next's lookup and interpolation cost more than the rest of a cell's render. */
export function createCellContext(t: TFunction, format: Format, lang: Lang): CellContext {
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
  };
}

export interface GridColumn {
  /** also the i18n key under grid.columns */
  id: string;
  /** CSS grid track */
  width: string;
  sortKey?: LeadSortKey;
  /** the order a first click on the header sorts in */
  initialOrder?: 'asc' | 'desc';
  align?: 'end';
  render: (row: LeadRow, context: CellContext) => ReactNode;
}

const EXPIRY_WARN_DAYS = 30;

export const COLUMNS: GridColumn[] = [
  {
    id: 'domain',
    width: 'minmax(190px, 1.5fr)',
    sortKey: 'domain',
    initialOrder: 'asc',
    render: (row, { t }) => (
      <span className="domain-cell">
        <ScanStatusDot domain={row.domain} status={row.scan_status} t={t} />
        <span className="truncate">{row.domain_display}</span>
      </span>
    ),
  },
  {
    id: 'company',
    width: 'minmax(150px, 1.2fr)',
    sortKey: 'company_name',
    initialOrder: 'asc',
    render: (row) => <span className="truncate">{row.company_name ?? ''}</span>,
  },
  {
    id: 'provider',
    width: '96px',
    sortKey: 'provider',
    initialOrder: 'asc',
    render: (row, { provider }) => provider(row.provider),
  },
  {
    id: 'score',
    width: '112px',
    sortKey: 'readiness_score',
    initialOrder: 'desc',
    align: 'end',
    render: (row) => <ScoreBar score={row.readiness_score} />,
  },
  {
    id: 'segment',
    width: '104px',
    sortKey: 'segment',
    initialOrder: 'asc',
    render: (row, { t }) => <SegmentBadge segment={row.segment} t={t} />,
  },
  {
    id: 'category',
    width: '58px',
    sortKey: 'priority',
    initialOrder: 'asc',
    render: (row, { t }) => <CategoryBadge category={row.priority_category} t={t} />,
  },
  {
    id: 'riskFlags',
    width: 'minmax(150px, 1fr)',
    render: (row, { t }) => <ChipList values={row.risk_flags} kind="riskFlags" t={t} />,
  },
  {
    id: 'tags',
    width: 'minmax(130px, 0.9fr)',
    render: (row, { t }) => <ChipList values={row.tags} kind="tags" t={t} />,
  },
  {
    id: 'expiry',
    width: '104px',
    sortKey: 'expires_at',
    initialOrder: 'asc',
    align: 'end',
    render: (row, { format }) =>
      row.expires_at ? (
        <span
          className="num"
          data-warn={(daysUntil(row.expires_at, new Date()) ?? Infinity) < EXPIRY_WARN_DAYS || undefined}
        >
          {format.date(row.expires_at)}
        </span>
      ) : null,
  },
  {
    id: 'lastScan',
    width: '112px',
    sortKey: 'scanned_at',
    initialOrder: 'desc',
    align: 'end',
    render: (row, { format }) =>
      row.scanned_at ? <span title={format.dateTime(row.scanned_at)}>{format.relative(row.scanned_at)}</span> : null,
  },
  {
    id: 'referral',
    width: '104px',
    render: (row) => <ReferralCell row={row} />,
  },
  { id: 'd365', width: '104px', render: (row, { t }) => <D365Status row={row} t={t} /> },
];

export const SELECT_COLUMN_WIDTH = '36px';

/** The narrowest the row can get, the select column included: every track's minimum is its first px length. */
export function minimumRowWidth(columns: GridColumn[]): number {
  return [SELECT_COLUMN_WIDTH, ...columns.map((column) => column.width)].reduce(
    (sum, width) => sum + Number(/(\d+)px/.exec(width)?.[1] ?? 0),
    0,
  );
}
