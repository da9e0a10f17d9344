import { Paper, Skeleton, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { TOP_PRIORITY_CATEGORIES } from '../../shared/domain';
import { useApiQuery, useLeadsChanged } from '../api/hooks';
import { useFormat } from '../i18n';
import { openFilteredGrid, type LeadFilters, type SortState } from '../state/ui-store';
import { ErrorNotice } from './ErrorNotice';

/** Each card opens the grid filtered to exactly the leads it counts (max score: every lead, best first). */
const CARDS: {
  id: string;
  field: 'total_leads' | 'migration' | 'high_priority' | 'max_score';
  filters: Partial<LeadFilters>;
  sort?: SortState;
}[] = [
  { id: 'total', field: 'total_leads', filters: {} },
  { id: 'migration', field: 'migration', filters: { segments: ['Migration'] } },
  { id: 'high-priority', field: 'high_priority', filters: { categories: [...TOP_PRIORITY_CATEGORIES] } },
  { id: 'max-score', field: 'max_score', filters: {}, sort: { key: 'readiness_score', order: 'desc' } },
];

export function KpiHeader() {
  const { t } = useTranslation();
  const format = useFormat();
  const kpis = useApiQuery('leads.kpis', {});
  useLeadsChanged(kpis.reload);

  if (kpis.error && !kpis.data) return <ErrorNotice error={kpis.error} onRetry={kpis.reload} compact />;

  return (
    <section className="kpi-row" aria-label={t('kpi.label')}>
      {CARDS.map((card) => {
        const value = kpis.data?.[card.field];
        return (
          <Paper
            key={card.id}
            component="button"
            type="button"
            withBorder
            className="kpi-card"
            data-testid={`kpi-${card.id}`}
            data-accent={card.id}
            title={t('kpi.open')}
            onClick={() => openFilteredGrid(card.filters, card.sort)}
          >
            {/* spans: a button holds phrasing content only */}
            <Text component="span" display="block" size="xs" c="dimmed" fw={600} tt="uppercase" className="kpi-label">
              {t(`kpi.${card.id}`)}
            </Text>
            {kpis.data ? (
              <Text component="span" display="block" className="kpi-value" data-testid={`kpi-${card.id}-value`}>
                {value === null || value === undefined ? '—' : format.integer(value)}
              </Text>
            ) : (
              <Skeleton component="span" display="block" height={28} width={80} mt={4} />
            )}
          </Paper>
        );
      })}
    </section>
  );
}
