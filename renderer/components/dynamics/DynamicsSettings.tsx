import { TitledPanel } from '../TitledPanel';
// Settings → Dynamics 365: the connection (saved here unless fixed by HUNTER_D365_* in the environment), the client
// secret (write-only: main never sends it back), the mapping switches, "Test connection" (WhoAmI), sign-in, and the
// outbox of pushes not yet sent (retry, discard, send now).
import { useEffect, useState } from 'react';
import { Button, Group, PasswordInput, Stack, Table, TagsInput, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { D365Settings, D365SettingsPatch, D365WhoAmI } from '../../../shared/dynamics';
import { api } from '../../api/api';
import { useApiAction, useApiQuery, useHunterEvent } from '../../api/hooks';
import { useFlag } from '../../api/use-flag';
import { useFormat } from '../../i18n';
import { D365ErrorNotice } from './D365ErrorNotice';

const FIELDS = ['url', 'client_id', 'authority', 'scope'] as const;

export function DynamicsSettings() {
  const { t } = useTranslation();
  const format = useFormat();
  const on = useFlag('dynamics');
  const view = useApiQuery('dynamics.settings.get', {});
  const outbox = useApiQuery('dynamics.outbox.list', on ? {} : null);
  const [form, setForm] = useState<Partial<D365Settings>>({});
  const [secret, setSecret] = useState('');
  const [me, setMe] = useState<D365WhoAmI | null>(null);
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    if (view.data) setForm(view.data);
  }, [view.data]);
  useHunterEvent('dynamics.changed', () => outbox.reload());

  const save = useApiAction(async () => {
    const patch: D365SettingsPatch = { ...form, ...(secret ? { client_secret: secret } : {}) };
    delete (patch as Record<string, unknown>).has_secret;
    delete (patch as Record<string, unknown>).from_env;
    delete (patch as Record<string, unknown>).sign_in;
    for (const f of view.data?.from_env ?? []) delete (patch as Record<string, unknown>)[f];
    await api.invoke('dynamics.settings.set', patch);
    setSecret('');
    setSaved(true);
    view.reload();
  });
  const test = useApiAction(async () => setMe(await api.invoke('dynamics.whoami', {})));
  const signIn = useApiAction(() => api.invoke('dynamics.signin', {}));
  const signOut = useApiAction(() => api.invoke('dynamics.signout', {}));
  const retry = useApiAction(async (id: number) => {
    await api.invoke('dynamics.outbox.retry', { id });
    outbox.reload();
  });
  const discard = useApiAction(async (id: number) => {
    await api.invoke('dynamics.outbox.discard', { id });
    outbox.reload();
  });
  const drain = useApiAction(async () => {
    await api.invoke('dynamics.outbox.drain', {});
    outbox.reload();
  });
  const error =
    save.error ?? test.error ?? signIn.error ?? signOut.error ?? retry.error ?? discard.error ?? drain.error;
  const fromEnv = new Set(view.data?.from_env ?? []);

  return (
    <TitledPanel title={t('dynamics.settings.title')} testId="d365-settings" brandTitle>
      {!on ? (
        <Text size="sm" c="dimmed" data-testid="d365-off">
          {t('dynamics.settings.off')}
        </Text>
      ) : (
        <Stack gap="sm">
          {FIELDS.map((f) => (
            <TextInput
              key={f}
              label={t(`dynamics.settings.${f}`)}
              description={fromEnv.has(f) ? t('dynamics.settings.fromEnv') : t(`dynamics.settings.${f}Hint`)}
              value={(form[f] as string | undefined) ?? ''}
              disabled={fromEnv.has(f)}
              maxLength={300}
              onChange={(e) => {
                setForm({ ...form, [f]: e.currentTarget.value });
                setSaved(false);
              }}
              data-testid={`d365-${f}`}
            />
          ))}
          <PasswordInput
            label={t('dynamics.settings.secret')}
            description={view.data?.has_secret ? t('dynamics.settings.secretSet') : t('dynamics.settings.secretHint')}
            value={secret}
            maxLength={500}
            onChange={(e) => setSecret(e.currentTarget.value)}
            autoComplete="off"
            data-testid="d365-secret"
          />
          <TagsInput
            label={t('dynamics.settings.fieldsOff')}
            description={t('dynamics.settings.fieldsOffHint')}
            value={form.fields_off ?? []}
            maxTags={100}
            onChange={(v) => setForm({ ...form, fields_off: v })}
          />
          <Group gap="xs">
            <Button size="xs" loading={save.pending} onClick={() => void save.run()} data-testid="d365-save">
              {t('settings.save')}
            </Button>
            {saved && <Text size="sm">{t('settings.saved')}</Text>}
            <Button
              size="xs"
              variant="default"
              loading={test.pending}
              onClick={() => void test.run()}
              data-testid="d365-test"
            >
              {t('dynamics.settings.test')}
            </Button>
            {view.data?.sign_in === 'delegated' && (
              <>
                <Button size="xs" variant="default" loading={signIn.pending} onClick={() => void signIn.run()}>
                  {t('dynamics.settings.signIn')}
                </Button>
                <Button size="xs" variant="subtle" loading={signOut.pending} onClick={() => void signOut.run()}>
                  {t('dynamics.settings.signOut')}
                </Button>
              </>
            )}
          </Group>
          {me && (
            <Text size="sm" data-testid="d365-whoami">
              {t('dynamics.settings.connected', { user: me.user_name ?? me.user_id })}
            </Text>
          )}
          {error && <D365ErrorNotice error={error} />}

          <Group justify="space-between" mt="sm">
            <Text fw={600}>{t('dynamics.outbox.title')}</Text>
            <Button
              size="compact-xs"
              variant="default"
              loading={drain.pending}
              onClick={() => void drain.run()}
              data-testid="d365-drain"
            >
              {t('dynamics.outbox.drain')}
            </Button>
          </Group>
          {outbox.data && outbox.data.length === 0 ? (
            <Text size="sm" c="dimmed" data-testid="d365-outbox-empty">
              {t('dynamics.outbox.empty')}
            </Text>
          ) : (
            <Table data-testid="d365-outbox" striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('dynamics.outbox.domain')}</Table.Th>
                  <Table.Th>{t('dynamics.outbox.state')}</Table.Th>
                  <Table.Th>{t('dynamics.outbox.attempts')}</Table.Th>
                  <Table.Th>{t('dynamics.outbox.error')}</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {outbox.data?.map((item) => (
                  <Table.Tr key={item.id} data-testid="d365-outbox-row">
                    <Table.Td>{item.domain}</Table.Td>
                    <Table.Td>
                      <Text size="sm" fw={500} c={item.state === 'failed' ? 'red' : 'dimmed'}>
                        {t(`dynamics.outbox.states.${item.state}`)}
                      </Text>
                    </Table.Td>
                    <Table.Td>{format.integer(item.attempts)}</Table.Td>
                    <Table.Td>
                      <Text size="xs" lineClamp={2} title={item.last_error ?? undefined}>
                        {item.last_error ?? ''}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Group gap={4} wrap="nowrap">
                        {item.state === 'failed' && (
                          <Button size="compact-xs" variant="default" onClick={() => void retry.run(item.id)}>
                            {t('common.retry')}
                          </Button>
                        )}
                        {item.state !== 'sending' && (
                          <Button
                            size="compact-xs"
                            variant="subtle"
                            color="red"
                            onClick={() => void discard.run(item.id)}
                          >
                            {t('dynamics.outbox.discard')}
                          </Button>
                        )}
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Stack>
      )}
    </TitledPanel>
  );
}
