import { Button, Group, Loader, Text, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useApiAction } from '../../api/hooks';
import { api } from '../../api/api';
import { useReferralSyncStatus } from '../../api/referral-sync';
import { useFormat } from '../../i18n';

/** Header: the real Partner Center sync state (spinner while running, last success, the error on hover) and "Sync now". */
export function SyncIndicator() {
  const { t } = useTranslation();
  const format = useFormat();
  const status = useReferralSyncStatus(true);
  const sync = useApiAction(() => api.invoke('referrals.sync', {}));
  if (!status || status.state === 'disabled') return null;
  const running = status.state === 'running' || sync.pending;
  const problem = status.state === 'error' || status.state === 'signed_out' || status.state === 'offline';
  const label = running
    ? t('referrals.sync.running')
    : status.state === 'signed_out'
      ? t('referrals.sync.signedOut')
      : status.state === 'offline'
        ? t('referrals.sync.offline')
        : status.state === 'error'
          ? t('referrals.sync.failed')
          : status.last_success_at
            ? t('referrals.sync.last', { when: format.relative(status.last_success_at) })
            : t('referrals.sync.never');
  return (
    <Group gap={6} wrap="nowrap" data-testid="sync-indicator" data-state={running ? 'running' : status.state}>
      <Tooltip
        label={status.last_error ?? label}
        disabled={!status.last_error && !problem}
        withinPortal
        multiline
        maw={320}
      >
        <Group gap={4} wrap="nowrap">
          {running ? (
            <Loader size={12} aria-hidden="true" />
          ) : (
            <span className="sync-dot" data-problem={problem || undefined} aria-hidden="true" />
          )}
          <Text size="xs" c={problem ? 'red' : 'dimmed'} data-testid="sync-label">
            {label}
          </Text>
        </Group>
      </Tooltip>
      <Button
        size="compact-xs"
        variant="default"
        onClick={() => void sync.run()}
        disabled={running}
        data-testid="sync-now"
      >
        {t('referrals.sync.now')}
      </Button>
    </Group>
  );
}
