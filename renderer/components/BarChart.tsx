// Dependency-free charts for the overview: horizontal bars for categories, columns for a time series.
// Values are always printed as text too, so the chart needs no colour or hover to be read.
import { Text, Tooltip } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../i18n';

export interface BarDatum {
  key: string;
  label: string;
  value: number;
  tone?: string;
}

/** onSelect: each bar becomes a button (e.g. opening the grid filtered to that bar's leads) */
export function HorizontalBars({
  data,
  label,
  testId,
  onSelect,
  selectHint,
}: {
  data: BarDatum[];
  label: string;
  testId?: string;
  onSelect?: (key: string) => void;
  /** tooltip of a selectable bar */
  selectHint?: string;
}) {
  const format = useFormat();
  const max = Math.max(1, ...data.map((datum) => datum.value));
  const total = data.reduce((sum, datum) => sum + datum.value, 0);
  return (
    <ul className="hbars" aria-label={label} data-testid={testId}>
      {data.map((datum) => (
        <li key={datum.key} className="hbar-item">
          <BarRow datum={datum} onSelect={onSelect} hint={selectHint}>
            <span className="hbar-label truncate">{datum.label}</span>
            <span className="hbar-track" aria-hidden="true">
              <span
                className="hbar-fill"
                data-tone={datum.tone ?? 'indigo'}
                style={{ width: `${(datum.value / max) * 100}%` }}
              />
            </span>
            <span className="hbar-value num">
              {format.integer(datum.value)}
              <span className="dim"> · {format.percent(total ? Math.round((datum.value / total) * 100) : 0)}</span>
            </span>
          </BarRow>
        </li>
      ))}
    </ul>
  );
}

function BarRow({
  datum,
  onSelect,
  hint,
  children,
}: {
  datum: BarDatum;
  onSelect?: (key: string) => void;
  hint?: string;
  children: ReactNode;
}) {
  if (!onSelect) return <div className="hbar-row">{children}</div>;
  return (
    <button
      type="button"
      className="hbar-row hbar-button"
      title={hint}
      data-testid={`bar-${datum.key}`}
      onClick={() => onSelect(datum.key)}
    >
      {children}
    </button>
  );
}

export function ColumnChart({ data, label, testId }: { data: BarDatum[]; label: string; testId?: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const max = Math.max(1, ...data.map((datum) => datum.value));
  return (
    <figure className="columns-chart" aria-label={label} data-testid={testId}>
      <div className="columns-plot" role="list">
        {data.map((datum) => (
          <Tooltip key={datum.key} label={`${datum.label}: ${format.integer(datum.value)}`} withArrow>
            <div
              className="column-slot"
              role="listitem"
              aria-label={`${datum.label}: ${format.integer(datum.value)}`}
              tabIndex={0}
            >
              <span className="column-fill" style={{ height: `${(datum.value / max) * 100}%` }} />
            </div>
          </Tooltip>
        ))}
      </div>
      <figcaption className="columns-axis">
        <Text size="xs" c="dimmed">
          {data[0]?.label}
        </Text>
        <Text size="xs" c="dimmed">
          {t('overview.max', { value: format.integer(max) })}
        </Text>
        <Text size="xs" c="dimmed">
          {data[data.length - 1]?.label}
        </Text>
      </figcaption>
    </figure>
  );
}
