import type { Lang } from '../../shared/lang';
import { providerLabel, useProviderLabels } from '../api/provider-labels';
import { SimpleGrid, Skeleton, Text } from '@mantine/core';
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiQuery, useLeadsChanged } from '../api/hooks';
import { useFormat } from '../i18n';
import { PRIORITY_CATEGORIES, type PriorityCategory, type Segment } from '../../shared/domain';
import { ColumnChart, HorizontalBars } from '../components/BarChart';
import { EmptyState } from '../components/EmptyState';
import { TitledPanel } from '../components/TitledPanel';
import { ErrorNotice } from '../components/ErrorNotice';
import { CATEGORY_TONES, SEGMENT_TONES } from '../components/LeadBadges';
import { openFilteredGrid } from '../state/ui-store';
/** the scans chart shows the recent past; older days would squeeze the columns into hairlines */
const SCAN_DAYS_SHOWN = 30;

export function OverviewScreen() {
  const { t, i18n } = useTranslation();
  useProviderLabels();
  const lang: Lang = i18n.language === 'en' ? 'en' : 'tr';
  const format = useFormat();
  const stats = useApiQuery('leads.stats', {});
  useLeadsChanged(stats.reload, 3000);

  if (stats.error && !stats.data)
    return (
      <div className="page">
        <ErrorNotice error={stats.error} onRetry={stats.reload} />
      </div>
    );
  if (!stats.data)
    return (
      <div className="page">
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          {[0, 1, 2, 3].map((index) => (
            <Skeleton key={index} height={220} />
          ))}
        </SimpleGrid>
      </div>
    );

  const data = stats.data;
  if (!data.by_provider.length && !data.scans_per_day.length)
    return (
      <div className="page">
        <EmptyState title={t('overview.empty')} hint={t('overview.emptyHint')} />
      </div>
    );

  const days = data.scans_per_day.slice(-SCAN_DAYS_SHOWN);
  return (
    <div className="page" data-testid="overview">
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <TitledPanel className="chart-card" title={t('overview.byProvider')} testId="chart-provider">
          <HorizontalBars
            label={t('overview.byProvider')}
            data={data.by_provider.map((entry) => ({
              key: entry.key,
              label: providerLabel(entry.key, lang),
              value: entry.count,
            }))}
            onSelect={(key) => openFilteredGrid({ providers: [key] })}
            selectHint={t('kpi.open')}
          />
        </TitledPanel>
        <TitledPanel className="chart-card" title={t('overview.bySegment')} testId="chart-segment">
          <HorizontalBars
            label={t('overview.bySegment')}
            data={data.by_segment.map((entry) => ({
              key: entry.key,
              label: t(`segments.${entry.key}`, { defaultValue: entry.key }),
              value: entry.count,
              tone: SEGMENT_TONES[entry.key as Segment],
            }))}
            onSelect={(key) => openFilteredGrid({ segments: [key as Segment] })}
            selectHint={t('kpi.open')}
          />
        </TitledPanel>
        <TitledPanel className="chart-card" title={t('overview.byCategory')} testId="chart-category">
          <HorizontalBars
            label={t('overview.byCategory')}
            // in P order, the order of the sales story, not by count
            data={[...data.by_category]
              .sort((a, b) => a.key.localeCompare(b.key))
              .map((entry) => ({
                key: entry.key,
                // the legend below names each category; a long name would be cut in the label column
                label: entry.key,
                value: entry.count,
                tone: CATEGORY_TONES[entry.key as PriorityCategory],
              }))}
            onSelect={(key) => openFilteredGrid({ categories: [key as PriorityCategory] })}
            selectHint={t('kpi.open')}
          />
          <Text size="xs" fw={700} mt="md">
            {t('categories.legend')}
          </Text>
          <dl className="category-legend" data-testid="category-legend">
            {PRIORITY_CATEGORIES.map((category) => (
              <Fragment key={category}>
                <dt>
                  {category} · {t(`categories.${category}.label`)}
                </dt>
                <dd>{t(`categories.${category}.meaning`)}</dd>
              </Fragment>
            ))}
          </dl>
        </TitledPanel>
        <TitledPanel
          className="chart-card"
          title={t('overview.scansPerDay', { days: SCAN_DAYS_SHOWN })}
          testId="chart-scans"
        >
          {days.length ? (
            <ColumnChart
              label={t('overview.scansPerDay', { days: SCAN_DAYS_SHOWN })}
              data={days.map((entry) => ({ key: entry.day, label: format.date(entry.day), value: entry.count }))}
            />
          ) : (
            <Text size="sm" c="dimmed">
              {t('overview.noScans')}
            </Text>
          )}
        </TitledPanel>
      </SimpleGrid>
    </div>
  );
}
