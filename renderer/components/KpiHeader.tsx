import { Paper, Skeleton, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useApiQuery, useLeadsChanged } from '../api/hooks';
import { useFormat } from '../i18n';
import { ErrorNotice } from './ErrorNotice';

const CARDS = [
  { id: 'total', field: 'total_leads' },
  { id: 'migration', field: 'migration' },
  { id: 'high-priority', field: 'high_priority' },
  { id: 'max-score', field: 'max_score' },
] as const;

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
          <Paper key={card.id} withBorder className="kpi-card" data-testid={`kpi-${card.id}`} data-accent={card.id}>
            <Text size="xs" c="dimmed" fw={600} tt="uppercase" className="kpi-label">
              {t(`kpi.${card.id}`)}
            </Text>
            {kpis.data ? (
              <Text className="kpi-value" data-testid={`kpi-${card.id}-value`}>
                {value === null || value === undefined ? '—' : format.integer(value)}
              </Text>
            ) : (
              <Skeleton height={28} width={80} mt={4} />
            )}
          </Paper>
        );
      })}
    </section>
  );
}
