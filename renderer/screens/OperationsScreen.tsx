// What a rep or the person supporting them checks first: are scans working, are the integrations syncing, is
// anything alerting. Figures come from the persisted metrics, so they survive restarts.
import { Group, SimpleGrid, Skeleton, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DailyCount, Rate } from '../../shared/ops';
import { useApiQuery, useHunterEvent, useLeadsChanged } from '../api/hooks';
import { useFormat } from '../i18n';
import { ColumnChart } from '../components/BarChart';
import { TitledPanel } from '../components/TitledPanel';
import { ErrorNotice } from '../components/ErrorNotice';

/** a trend is drawn once there is something in it */
const active = (counts: DailyCount[]) => counts.some((c) => c.value > 0);

function Figure({ label, value, testId }: { label: string; value: string; testId?: string }) {
  return (
    <Group justify="space-between" wrap="nowrap" gap="sm">
      <Text size="sm">{label}</Text>
      <Text size="sm" fw={600} className="num" data-testid={testId}>
        {value}
      </Text>
    </Group>
  );
}

export function OperationsScreen() {
  const { t } = useTranslation();
  const format = useFormat();
  const metrics = useApiQuery('ops.metrics', {});
  const health = useApiQuery('ops.health', {});
  const alerts = useApiQuery('ops.alerts', {});
  useLeadsChanged(metrics.reload, 5000);
  useHunterEvent('ops.alert', alerts.reload);

  const rate = (r: Rate) =>
    r.rate === null
      ? '—'
      : `${format.decimal(r.rate * 100)} % · ${t('ops.ofCount', { count: r.of, formatted: format.integer(r.of) })}`;
  const days = (counts: DailyCount[]) => counts.map((c) => ({ key: c.day, label: format.date(c.day), value: c.value }));

  if (metrics.error && !metrics.data)
    return (
      <div className="page">
        <ErrorNotice error={metrics.error} onRetry={metrics.reload} />
      </div>
    );
  const m = metrics.data;
  if (!m)
    return (
      <div className="page">
        <Skeleton height={220} />
      </div>
    );
  const firing = (alerts.data ?? []).filter((a) => a.firing);
  return (
    <div className="page" data-testid="operations">
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <TitledPanel className="chart-card" title={t('ops.health')} testId="ops-health">
          {health.data ? (
            <Stack gap={6}>
              {health.data.checks.map((check) => (
                <Group key={check.name} justify="space-between" wrap="nowrap">
                  <Text size="sm">{t(`ops.checks.${check.name}`, { defaultValue: check.name })}</Text>
                  <Text
                    size="sm"
                    fw={600}
                    className={check.status === 'ok' ? 'text-ok' : 'text-bad'}
                    data-testid={`check-${check.name}`}
                  >
                    {check.status === 'ok'
                      ? t('ops.ok')
                      : t(`ops.reasons.${check.reason}`, { defaultValue: check.reason ?? '' })}
                  </Text>
                </Group>
              ))}
            </Stack>
          ) : (
            <Skeleton height={60} />
          )}
          {firing.length > 0 && (
            <Stack gap={4} mt="sm" data-testid="ops-alerts">
              {firing.map((alert) => (
                <Text key={alert.rule} size="sm" className="text-bad">
                  {alert.title}: {alert.body}
                </Text>
              ))}
            </Stack>
          )}
        </TitledPanel>
        <TitledPanel className="chart-card" title={t('ops.scans')} testId="ops-scans">
          <Stack gap={6}>
            <Figure label={t('ops.scanTotal')} value={format.integer(m.scans.total)} testId="ops-scan-total" />
            <Figure label={t('ops.successRate')} value={rate(m.scans.success_rate)} />
            <Figure label={t('ops.recentSuccessRate')} value={rate(m.scans.recent_success_rate)} />
            <Figure label={t('ops.dnsTimeoutRate')} value={rate(m.scans.dns_timeout_rate)} />
            <Figure label={t('ops.cacheHitRate')} value={rate(m.scans.cache_hit_rate)} />
            <Figure label={t('ops.whoisSuccessRate')} value={rate(m.scans.whois_success_rate)} />
          </Stack>
          {active(m.scans.per_day) && <ColumnChart data={days(m.scans.per_day)} label={t('ops.scansPerDay')} />}
        </TitledPanel>
        <TitledPanel className="chart-card" title={t('ops.partnerCenter')} testId="ops-pc">
          <Stack gap={6}>
            <Figure label={t('ops.syncRuns')} value={format.integer(m.partner_center.runs)} />
            <Figure label={t('ops.successRate')} value={rate(m.partner_center.success_rate)} />
            <Figure
              label={t('ops.avgDuration')}
              value={
                m.partner_center.avg_duration_ms === null ? '—' : format.duration(m.partner_center.avg_duration_ms)
              }
            />
          </Stack>
          {active(m.partner_center.per_day) && (
            <ColumnChart data={days(m.partner_center.per_day)} label={t('ops.syncsPerDay')} />
          )}
        </TitledPanel>
        <TitledPanel className="chart-card" title={t('ops.dynamics')} testId="ops-d365">
          <Stack gap={6}>
            <Figure label={t('ops.pushOk')} value={format.integer(m.dynamics.success)} />
            <Figure label={t('ops.pushFailed')} value={format.integer(m.dynamics.failure)} />
            <Figure
              label={t('ops.outbox')}
              value={m.dynamics.outbox_depth === null ? '—' : format.integer(m.dynamics.outbox_depth)}
            />
            <Figure
              label={t('ops.outboxAge')}
              value={
                m.dynamics.outbox_oldest_age_s === null ? '—' : format.duration(m.dynamics.outbox_oldest_age_s * 1000)
              }
            />
          </Stack>
          {Object.keys(m.dynamics.failures_by_cause).length > 0 && (
            <Table mt="sm" verticalSpacing={2}>
              <Table.Tbody>
                {Object.entries(m.dynamics.failures_by_cause).map(([cause, count]) => (
                  <Table.Tr key={cause}>
                    <Table.Td>{cause}</Table.Td>
                    <Table.Td className="num">{format.integer(count)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </TitledPanel>
        <TitledPanel className="chart-card" title={t('ops.deprecated')} testId="ops-deprecated">
          <Figure
            label={t('ops.deprecatedTotal')}
            value={format.integer(m.deprecated_calls.total)}
            testId="ops-deprecated-total"
          />
          {active(m.deprecated_calls.per_day) && (
            <ColumnChart data={days(m.deprecated_calls.per_day)} label={t('ops.deprecatedPerDay')} />
          )}
        </TitledPanel>
      </SimpleGrid>
    </div>
  );
}
