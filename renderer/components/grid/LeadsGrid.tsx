import type { Lang } from '../../../shared/lang';
import { useProviderLabels } from '../../api/provider-labels';
// Virtualised leads grid: only the rows in view (plus overscan) exist in the DOM; rows come from the
// server-side page cache. Keyboard: arrows/J/K move, Enter opens, Space selects.
import { memo, useEffect, useMemo, useState } from 'react';
import type { CSSProperties, KeyboardEvent, MouseEvent, ReactNode } from 'react';
import { Loader, UnstyledButton, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { LeadRow, LeadSortKey } from '../../../shared/leads';
import type { LeadPages } from '../../api/lead-pages';
import { useFormat } from '../../i18n';
import { usePrefs, useSession } from '../../state/ui-store';
import { CHIP_COLUMNS, COLUMNS, createCellContext, minimumRowWidth, SELECT_COLUMN_WIDTH } from './columns';
import { useColumnWidths } from './column-widths';
import type { CellContext, GridColumn } from './columns';
import { useRowWindow } from './row-window';

const ROW_HEIGHT = 32;
const HEADER_HEIGHT = 34;
/** a query still unanswered after this long dims the old rows and shows the spinner */
const SLOW_QUERY_MS = 250;

interface Props {
  pages: LeadPages;
  empty: ReactNode;
}

export function LeadsGrid({ pages, empty }: Props) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const hiddenColumns = usePrefs((state) => state.hiddenColumns);
  const sort = usePrefs((state) => state.sort);
  const toggleSort = usePrefs((state) => state.toggleSort);
  // one selector per field: reading the whole session store would re-render the grid on unrelated changes
  const selected = useSession((state) => state.selected);
  const cursor = useSession((state) => state.cursor);
  const openDomain = useSession((state) => state.openDomain);
  const setCursor = useSession((state) => state.setCursor);
  const openDetail = useSession((state) => state.openDetail);
  const toggleSelected = useSession((state) => state.toggleSelected);
  const selectRows = useSession((state) => state.selectRows);

  const withData = pages.columnsWithData;
  const columns = useMemo(
    () =>
      COLUMNS.filter(
        (column) =>
          !hiddenColumns.includes(column.id) && !(column.hideWhenEmpty && !(withData as string[]).includes(column.id)),
      ),
    [hiddenColumns, withData],
  );
  const template = `${SELECT_COLUMN_WIDTH} ${columns.map((column) => column.width).join(' ')}`;
  const minWidth = useMemo(() => minimumRowWidth(columns), [columns]);
  const slow = useDelayedFlag(pages.stale, SLOW_QUERY_MS);
  const labelsLoaded = useProviderLabels();
  const lang: Lang = i18n.language === 'en' ? 'en' : 'tr';
  const [headRef, widths] = useColumnWidths(CHIP_COLUMNS, template);
  const context = useMemo(
    () => createCellContext(t, format, lang, widths),
    // labelsLoaded: a new context re-renders the memoised cells once the provider labels arrive
    [t, format, lang, labelsLoaded, widths],
  );
  const total = pages.total ?? 0;

  // every overscanned row is re-rendered on each sort/filter; a few rows cover fast wheel steps
  const view = useRowWindow({ count: total, rowHeight: ROW_HEIGHT, headerHeight: HEADER_HEIGHT, overscan: 2 });
  const { first, last } = view;

  useEffect(() => {
    if (last >= first) pages.ensure(first, last);
  }, [first, last, pages.ensure]);

  // a new filter or sort starts at the top
  useEffect(() => {
    view.scrollToTop();
    setCursor(0);
  }, [pages.queryKey]);

  function moveCursor(index: number) {
    const next = Math.max(0, Math.min(total - 1, index));
    setCursor(next);
    view.scrollToIndex(next);
    const row = pages.row(next);
    if (openDomain && row) openDetail(row.domain); // the open panel follows the cursor
  }

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    // keys on the header's sort buttons keep their own meaning
    if (!total || event.target !== event.currentTarget) return;
    const keyMoves: Record<string, number> = {
      ArrowDown: 1,
      j: 1,
      ArrowUp: -1,
      k: -1,
      PageDown: view.pageRows,
      PageUp: -view.pageRows,
    };
    if (event.key in keyMoves && !event.ctrlKey && !event.metaKey && !event.altKey) {
      event.preventDefault();
      moveCursor(cursor + keyMoves[event.key]);
    } else if (event.key === 'Home' || event.key === 'End') {
      event.preventDefault();
      moveCursor(event.key === 'Home' ? 0 : total - 1);
    } else if (event.key === 'Enter') {
      const row = pages.row(cursor);
      if (row) openDetail(row.domain);
    } else if (event.key === ' ') {
      event.preventDefault();
      const row = pages.row(cursor);
      if (row) toggleSelected(row);
    }
  }

  function onRowClick(event: MouseEvent, index: number, row: LeadRow) {
    if (event.shiftKey) {
      selectRows(pages.cachedRange(cursor, index));
    } else if (event.ctrlKey || event.metaKey) {
      toggleSelected(row);
    } else {
      openDetail(row.domain);
    }
    setCursor(index);
  }

  if (pages.total === 0 && !pages.stale) return <div className="grid-empty">{empty}</div>;

  return (
    <div
      ref={view.ref}
      className="grid-scroll"
      role="grid"
      aria-label={t('grid.label')}
      aria-rowcount={total + 1}
      aria-colcount={columns.length + 1}
      aria-multiselectable="true"
      aria-busy={pages.stale || pages.total === null}
      tabIndex={0}
      onKeyDown={onKeyDown}
      data-testid="leads-grid"
      style={{ '--select-width': SELECT_COLUMN_WIDTH } as CSSProperties}
      data-stale={pages.stale || undefined}
      data-slow={slow || undefined}
    >
      <div ref={headRef} role="rowgroup" className="grid-head" style={{ height: HEADER_HEIGHT, minWidth }}>
        <div
          role="row"
          className="grid-row grid-header-row"
          aria-rowindex={1}
          style={{ gridTemplateColumns: template }}
        >
          <div role="columnheader" className="grid-cell">
            <VisuallyHidden>{t('grid.columns.select')}</VisuallyHidden>
          </div>
          {columns.map((column) => (
            <HeaderCell
              key={column.id}
              column={column}
              sortedOrder={column.sort?.key === sort.key ? sort.order : null}
              onSort={toggleSort}
            />
          ))}
        </div>
      </div>
      <div role="rowgroup" className="grid-body" style={{ height: total * ROW_HEIGHT, minWidth }}>
        {pages.total === null
          ? Array.from({ length: 14 }, (_, index) => (
              <PlaceholderRow
                key={index}
                index={index}
                template={template}
                top={index * ROW_HEIGHT}
                cells={columns.length}
              />
            ))
          : rowIndexes(first, last).map((index) => {
              const row = pages.row(index);
              const top = index * ROW_HEIGHT;
              // keyed by position, not domain: after a sort or filter React patches the rows in place
              // instead of tearing down and rebuilding every row's DOM
              return row ? (
                <GridRow
                  key={index}
                  row={row}
                  index={index}
                  top={top}
                  template={template}
                  columns={columns}
                  context={context}
                  selected={selected.has(row.domain)}
                  isCursor={index === cursor}
                  isOpen={row.domain === openDomain}
                  onClick={onRowClick}
                  onToggle={toggleSelected}
                />
              ) : (
                <PlaceholderRow key={index} index={index} template={template} top={top} cells={columns.length} />
              );
            })}
      </div>
      {slow && <Loader size="xs" className="grid-busy" aria-hidden="true" />}
    </div>
  );
}

/** True once `value` has been true for `ms` without a break. */
function useDelayedFlag(value: boolean, ms: number): boolean {
  const [late, setLate] = useState(false);
  useEffect(() => {
    setLate(false);
    if (!value) return undefined;
    const timer = setTimeout(() => setLate(true), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return value && late;
}

function rowIndexes(first: number, last: number): number[] {
  return Array.from({ length: Math.max(0, last - first + 1) }, (_, offset) => first + offset);
}

const HeaderCell = memo(function HeaderCell({
  column,
  sortedOrder,
  onSort,
}: {
  column: GridColumn;
  sortedOrder: 'asc' | 'desc' | null;
  onSort: (key: LeadSortKey, order: 'asc' | 'desc') => void;
}) {
  const { t } = useTranslation();
  const label = t(`grid.columns.${column.id}`);
  const { sort } = column;
  const ariaSort = sortedOrder === 'asc' ? 'ascending' : sortedOrder === 'desc' ? 'descending' : 'none';
  return (
    <div
      role="columnheader"
      className="grid-cell"
      data-col={column.id}
      data-align={column.align}
      aria-sort={sort ? ariaSort : undefined}
    >
      {sort ? (
        <UnstyledButton
          className="sort-button"
          onClick={() => onSort(sort.key, sort.initialOrder)}
          data-testid={`sort-${column.id}`}
          title={t('grid.sortBy', { column: label })}
        >
          <span className="truncate">{label}</span>
          <span className="sort-arrow" aria-hidden="true" data-active={sortedOrder !== null || undefined}>
            {sortedOrder === 'desc' ? '▼' : sortedOrder === 'asc' ? '▲' : '↕'}
          </span>
        </UnstyledButton>
      ) : (
        <span className="truncate">{label}</span>
      )}
    </div>
  );
});

interface RowProps {
  row: LeadRow;
  index: number;
  top: number;
  template: string;
  columns: GridColumn[];
  context: CellContext;
  selected: boolean;
  isCursor: boolean;
  isOpen: boolean;
  onClick: (event: MouseEvent, index: number, row: LeadRow) => void;
  onToggle: (row: LeadRow) => void;
}

const GridRow = memo(function GridRow({
  row,
  index,
  top,
  template,
  columns,
  context,
  selected,
  isCursor,
  isOpen,
  onClick,
  onToggle,
}: RowProps) {
  return (
    <div
      role="row"
      className="grid-row grid-data-row"
      aria-rowindex={index + 2}
      aria-selected={selected}
      data-cursor={isCursor || undefined}
      data-open={isOpen || undefined}
      data-testid={`lead-row-${row.domain}`}
      style={{ gridTemplateColumns: template, transform: `translateY(${top}px)`, height: ROW_HEIGHT }}
      onClick={(event) => onClick(event, index, row)}
    >
      <div role="gridcell" className="grid-cell" onClick={(event) => event.stopPropagation()}>
        {/* native input: a Mantine Checkbox per row costs several nodes and hooks on every scroll/sort */}
        <input
          type="checkbox"
          className="row-check"
          checked={selected}
          onChange={() => onToggle(row)}
          aria-label={context.selectRowLabel(row.domain_display)}
          tabIndex={-1}
        />
      </div>
      {columns.map((column) => (
        <div key={column.id} role="gridcell" className="grid-cell" data-align={column.align} data-col={column.id}>
          {column.render(row, context)}
        </div>
      ))}
    </div>
  );
});

function PlaceholderRow({
  index,
  template,
  top,
  cells,
}: {
  index: number;
  template: string;
  top: number;
  cells: number;
}) {
  return (
    <div
      role="row"
      className="grid-row"
      aria-rowindex={index + 2}
      style={{ gridTemplateColumns: template, transform: `translateY(${top}px)`, height: ROW_HEIGHT }}
    >
      {Array.from({ length: cells + 1 }, (_, cell) => (
        <div key={cell} role="gridcell" className="grid-cell">
          {cell > 0 && <span className="placeholder-bar" />}
        </div>
      ))}
    </div>
  );
}
