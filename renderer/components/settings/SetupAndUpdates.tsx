import { TitledPanel } from '../TitledPanel';
// Settings: where installed apps look for updates (the address the installer was built with unless the rep names
// another), a check on demand, and the first-run setup again.
import { useEffect, useState } from 'react';
import { Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { UpdateStatus } from '../../../shared/updates';
import { api } from '../../api/api';
import { useApiAction, useApiQuery } from '../../api/hooks';
import { useFormat } from '../../i18n';
import { useSession } from '../../state/ui-store';
import { ErrorNotice } from '../ErrorNotice';

export function SetupAndUpdates() {
  const { t } = useTranslation();
  const setScreen = useSession((state) => state.setScreen);
  const saved = useApiQuery('updates.settings', {});
  const initial = useApiQuery('updates.status', {});
  const [feedUrl, setFeedUrl] = useState('');
  const [status, setStatus] = useState<UpdateStatus | null>(null);
  useEffect(() => setFeedUrl(saved.data?.feed_url ?? ''), [saved.data]);
  useEffect(() => setStatus(initial.data), [initial.data]);

  const saveFeed = useApiAction(async () => setStatus(await api.invoke('updates.set_settings', { feed_url: feedUrl })));
  const check = useApiAction(async () => setStatus((await api.invoke('updates.check', {})).status));
  const error = saveFeed.error ?? check.error;

  return (
    <Stack gap="md" mt="md">
      <TitledPanel title={t('updates.title')} testId="settings-updates">
        <Stack gap="sm">
          <TextInput
            label={t('updates.feedUrl')}
            description={t('updates.feedUrlHint')}
            placeholder="https://"
            value={feedUrl}
            maxLength={2048}
            onChange={(event) => setFeedUrl(event.currentTarget.value)}
            data-testid="updates-feed-url"
          />
          {status && <UpdateStatusLine status={status} />}
          {error && <ErrorNotice error={error} compact />}
          <Group>
            <Button size="xs" onClick={() => void saveFeed.run()} loading={saveFeed.pending} data-testid="updates-save">
              {t('updates.save')}
            </Button>
            <Button size="xs" variant="default" onClick={() => void check.run()} loading={check.pending}>
              {t('updates.check')}
            </Button>
          </Group>
        </Stack>
      </TitledPanel>
      <TitledPanel title={t('setup.title')}>
        <Button size="xs" variant="default" onClick={() => setScreen('setup')} data-testid="settings-run-setup">
          {t('setup.again')}
        </Button>
      </TitledPanel>
    </Stack>
  );
}

function UpdateStatusLine({ status }: { status: UpdateStatus }) {
  const { t } = useTranslation();
  const format = useFormat();
  const parts = [status.enabled ? t(`updates.source.${status.feed_source}`) : t('updates.off')];
  if (status.last_outcome) parts.push(t(`updates.outcome.${status.last_outcome}`));
  if (status.ready_version) parts.push(t('updates.ready', { version: status.ready_version }));
  if (status.last_checked_at) parts.push(t('updates.checkedAt', { value: format.dateTime(status.last_checked_at) }));
  return (
    <Text size="sm" c="dimmed" role="status" data-testid="updates-status">
      {parts.join(' · ')}
    </Text>
  );
}
