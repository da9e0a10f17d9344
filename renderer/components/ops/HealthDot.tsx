import { Tooltip, UnstyledButton } from '@mantine/core';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiQuery, useHunterEvent } from '../../api/hooks';
import { useSession } from '../../state/ui-store';

/** checks include a DNS query: every few minutes is enough for a dot */
const RECHECK_MS = 5 * 60_000;

/** The header's status dot: green when every health check is ok, orange when one is degraded; opens Operations. */
export function HealthDot() {
  const { t } = useTranslation();
  const setScreen = useSession((state) => state.setScreen);
  const health = useApiQuery('ops.health', {});
  const { reload } = health;
  useEffect(() => {
    const timer = setInterval(reload, RECHECK_MS);
    return () => clearInterval(timer);
  }, [reload]);
  useHunterEvent('ops.alert', reload);
  const status = health.data?.status ?? (health.error ? 'degraded' : 'unknown');
  const degraded = health.data?.checks
    .filter((c) => c.status !== 'ok')
    .map((c) => t(`ops.checks.${c.name}`, { defaultValue: c.name }));
  const label =
    status === 'ok'
      ? t('ops.healthy')
      : status === 'unknown'
        ? t('common.loading')
        : t('ops.degraded', { checks: degraded?.join(', ') ?? '' });
  return (
    <Tooltip label={label} withArrow>
      <UnstyledButton
        className="health-dot"
        data-status={status}
        aria-label={label}
        onClick={() => setScreen('operations')}
        data-testid="health-dot"
      />
    </Tooltip>
  );
}
