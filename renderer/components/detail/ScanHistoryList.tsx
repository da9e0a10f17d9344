import { useEffect } from 'react';
import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { useApiQuery } from '../../api/hooks';
import { providerLabel, useProviderLabels } from '../../api/provider-labels';
import { currentLanguage, useFormat, type Format } from '../../i18n';
import { EmptyState } from '../EmptyState';
import { ErrorNotice } from '../ErrorNotice';
import { CategoryBadge, SegmentBadge } from '../LeadBadges';

/** A recorded value as the rest of the app shows it: labels for codes, words for yes/no, dates in the locale. */
function show(field: string, value: unknown, t: TFunction, format: Format): string {
  if (value === null || value === undefined || value === '') return '∅';
  if (Array.isArray(value)) return value.map((item) => show(field, item, t, format)).join(', ') || '∅';
  if (typeof value === 'boolean') return t(value ? 'detail.dns.present' : 'detail.dns.absent');
  const text = String(value);
  switch (field) {
    case 'scan_status':
      return t(`scanStatus.${text}`, { defaultValue: text });
    case 'segment':
      return t(`segments.${text}`, { defaultValue: text });
    case 'provider':
      return providerLabel(text, currentLanguage());
    case 'dmarc_policy':
      return `p=${text}`;
    case 'expires_at':
      return format.date(text);
    default:
      return text;
  }
}

/** Every scan of the lead, newest first, with what changed compared to the scan before it. */
export function ScanHistoryList({ domain, version }: { domain: string; version: number }) {
  const { t } = useTranslation();
  const format = useFormat();
  useProviderLabels();
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
                  <span className="mono">{show(field, before, t, format)}</span> →{' '}
                  <span className="mono strong">{show(field, after, t, format)}</span>
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
