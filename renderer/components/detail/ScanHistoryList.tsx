import { useEffect } from 'react';
import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../api/hooks';
import { useFormat } from '../../i18n';
import { EmptyState } from '../EmptyState';
import { ErrorNotice } from '../ErrorNotice';
import { CategoryBadge, SegmentBadge } from '../LeadBadges';

function show(value: unknown): string {
  if (value === null || value === undefined || value === '') return '∅';
  return Array.isArray(value) ? value.join(', ') || '∅' : String(value);
}

/** Every scan of the lead, newest first, with what changed compared to the scan before it. */
export function ScanHistoryList({ domain, version }: { domain: string; version: number }) {
  const { t } = useTranslation();
  const format = useFormat();
  const history = useApiQuery('leads.history', { domain });
  const { reload } = history;
  // a rescan of this lead adds an entry
  useEffect(() => {
    if (version > 0) reload();
  }, [version, reload]);
  if (history.error) return <ErrorNotice error={history.error} onRetry={history.reload} />;
  if (!history.data)
    return (
      <Text size="sm" c="dimmed">
        {t('common.loading')}
      </Text>
    );
  if (!history.data.length) return <EmptyState title={t('detail.history.empty')} />;

  return (
    <ol className="history" data-testid="scan-history">
      {history.data.map((entry) => (
        <li key={entry.scanned_at} className="history-entry">
          <div className="history-head">
            <Text size="sm" fw={600}>
              {format.dateTime(entry.scanned_at)}
            </Text>
            <span className="history-verdict">
              <span className="num">{entry.readiness_score ?? '—'}</span>
              <SegmentBadge segment={entry.segment} t={t} />
              <CategoryBadge category={entry.priority_category} t={t} />
              {entry.scan_status !== 'completed' && (
                <span className="tone-chip" data-tone="yellow">
                  {t(`scanStatus.${entry.scan_status}`)}
                </span>
              )}
            </span>
          </div>
          {Object.keys(entry.changes).length > 0 ? (
            <ul className="history-changes">
              {Object.entries(entry.changes).map(([field, [before, after]]) => (
                <li key={field}>
                  <span className="dim">{t(`detail.history.fields.${field}`, { defaultValue: field })}:</span>{' '}
                  <span className="mono">{show(before)}</span> → <span className="mono strong">{show(after)}</span>
                </li>
              ))}
            </ul>
          ) : (
            <Text size="xs" c="dimmed">
              {t('detail.history.noChanges')}
            </Text>
          )}
        </li>
      ))}
    </ol>
  );
}
