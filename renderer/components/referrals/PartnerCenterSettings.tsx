import { useEffect, useState } from 'react';
import { Button, Group, Paper, Stack, Switch, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { PartnerCenterAccount } from '../../../shared/ipc/referrals';
import { PC_CONNECTION_FIELDS } from '../../../shared/referrals';
import type { PcConnection } from '../../../shared/referrals';
import { api } from '../../api/api';
import { useApiAction, useApiQuery, useHunterEvent } from '../../api/hooks';
import { useFlag } from '../../api/flags';
import { ErrorNotice } from '../ErrorNotice';

/** Settings: the partner_center flag, sign in/out with the account shown, and the connection fields. */
export function PartnerCenterSettings() {
  const { t } = useTranslation();
  const enabled = useFlag('partner_center');
  const accountQuery = useApiQuery('partner_center.account', {});
  const [account, setAccount] = useState<PartnerCenterAccount | null>(null);
  const [form, setForm] = useState<PcConnection | null>(null);
  const [deviceCode, setDeviceCode] = useState<string | null>(null);
  useEffect(() => {
    if (accountQuery.data) {
      setAccount(accountQuery.data);
      setForm(accountQuery.data.connection);
    }
  }, [accountQuery.data]);
  useHunterEvent('partner_center.device_code', (p) => setDeviceCode(p.message));

  const toggle = useApiAction((on: boolean) => api.invoke('flags.set', { name: 'partner_center', on }));
  const signIn = useApiAction(async () => {
    setAccount(await api.invoke('partner_center.sign_in', {}));
    setDeviceCode(null);
  });
  const signOut = useApiAction(async () => setAccount(await api.invoke('partner_center.sign_out', {})));
  const save = useApiAction(async () => {
    if (!form || !account) return;
    const patch = Object.fromEntries(
      PC_CONNECTION_FIELDS.filter((f) => !account.from_env.includes(f)).map((f) => [f, form[f]]),
    );
    setAccount(await api.invoke('partner_center.save_connection', patch));
  });
  const error = toggle.error ?? signIn.error ?? signOut.error ?? save.error ?? accountQuery.error;

  return (
    <Paper withBorder p="md" mt="md" maw={860} data-testid="settings-partner-center">
      <Stack gap="sm">
        <Text fw={700}>{t('referrals.settings.title')}</Text>
        <Switch
          label={t('referrals.settings.enable')}
          checked={enabled}
          onChange={(e) => void toggle.run(e.currentTarget.checked)}
          data-testid="pc-flag"
        />
        {account && (
          <Group gap="xs">
            <Text size="sm" data-testid="pc-account">
              {account.username
                ? t('referrals.settings.signedInAs', { user: account.username })
                : t('referrals.settings.signedOut')}
            </Text>
            {account.username ? (
              <Button size="compact-xs" variant="default" onClick={() => void signOut.run()} loading={signOut.pending}>
                {t('referrals.settings.signOut')}
              </Button>
            ) : (
              <Button size="compact-xs" onClick={() => void signIn.run()} loading={signIn.pending} disabled={!enabled}>
                {t('referrals.settings.signIn')}
              </Button>
            )}
          </Group>
        )}
        {deviceCode && signIn.pending && <Text size="sm">{deviceCode}</Text>}
        {form &&
          account &&
          PC_CONNECTION_FIELDS.map((field) => (
            <TextInput
              key={field}
              size="xs"
              label={t(`referrals.settings.fields.${field}`)}
              description={
                account.from_env.includes(field)
                  ? t('referrals.settings.fromEnv', { name: `HUNTER_PC_${field.toUpperCase()}` })
                  : undefined
              }
              value={form[field]}
              maxLength={500}
              disabled={account.from_env.includes(field)}
              onChange={(e) => setForm({ ...form, [field]: e.currentTarget.value })}
            />
          ))}
        <Group>
          <Button size="xs" onClick={() => void save.run()} loading={save.pending} data-testid="pc-save">
            {t('referrals.settings.save')}
          </Button>
        </Group>
        {error && <ErrorNotice error={error} compact />}
      </Stack>
    </Paper>
  );
}
