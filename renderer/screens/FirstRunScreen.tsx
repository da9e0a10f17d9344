// First-run setup: language, the rep's company for the call scripts, DNS servers (the system resolver unless the
// rep names others) and where to connect Partner Center and Dynamics 365. Everything is optional: "Skip" starts the
// app as it is, and Settings opens this screen again.
import { useState } from 'react';
import { Button, Group, Paper, Radio, SegmentedControl, Stack, TagsInput, Text, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Lang } from '../../shared/lang';
import type { Settings, SettingsPatch } from '../../shared/settings';
import { api } from '../api/api';
import type { ApiError } from '../api/api';
import { toApiError } from '../api/hooks';
import { ErrorNotice } from '../components/ErrorNotice';
import { useSettings } from '../state/settings-context';
import { useSession } from '../state/ui-store';

/** Settings sections the integrations render (by their data-testid); the setup links to them. */
export const SIGN_IN_SECTIONS = { partnerCenter: 'settings-partner-center', dynamics: 'settings-dynamics' } as const;

export function FirstRunScreen() {
  const { settings } = useSettings();
  // the form starts from the saved settings, so it waits for them
  return settings ? <SetupForm settings={settings} /> : null;
}

function SetupForm({ settings }: { settings: Settings }) {
  const { t, i18n } = useTranslation();
  const { save, setLanguage } = useSettings();
  const setScreen = useSession((state) => state.setScreen);
  const [company, setCompany] = useState(settings.company_name);
  const [repName, setRepName] = useState(settings.rep_name);
  const [dnsMode, setDnsMode] = useState<'system' | 'custom'>(settings.dns_servers.length ? 'custom' : 'system');
  const [servers, setServers] = useState<string[]>(settings.dns_servers);
  const [error, setError] = useState<ApiError | null>(null);
  const [saving, setSaving] = useState(false);

  async function finish(keep: boolean) {
    setSaving(true);
    setError(null);
    try {
      if (keep) {
        const patch: SettingsPatch = { dns_servers: dnsMode === 'system' ? [] : servers };
        if (company.trim()) patch.company_name = company.trim();
        if (repName.trim()) patch.rep_name = repName.trim();
        await save(patch);
      }
      await api.invoke('setup.done', {});
      setScreen('leads');
    } catch (caught) {
      setError(toApiError(caught));
    } finally {
      setSaving(false);
    }
  }

  function openSignIn(section: string) {
    setScreen('settings');
    requestAnimationFrame(() =>
      document.querySelector(`[data-testid="${section}"]`)?.scrollIntoView({ block: 'start' }),
    );
  }

  return (
    <div className="setup-screen" data-testid="first-run">
      <Stack gap="md" maw={720} mx="auto" py="lg">
        <div>
          <Title order={2}>{t('setup.title')}</Title>
          <Text c="dimmed" size="sm">
            {t('setup.intro')}
          </Text>
        </div>
        <Paper withBorder p="md">
          <Stack gap="sm">
            <Text component="h3" fw={600}>
              {t('setup.language')}
            </Text>
            <SegmentedControl
              w={200}
              value={i18n.language === 'en' ? 'en' : 'tr'}
              onChange={(value) => setLanguage(value as Lang)}
              data={[
                { value: 'tr', label: 'Türkçe' },
                { value: 'en', label: 'English' },
              ]}
              data-testid="setup-language"
            />
            <TextInput
              label={t('setup.repName')}
              description={t('setup.repNameHint')}
              value={repName}
              maxLength={80}
              onChange={(event) => setRepName(event.currentTarget.value)}
              data-testid="setup-rep-name"
            />
            <TextInput
              label={t('setup.company')}
              description={t('setup.companyHint')}
              placeholder={t('setup.companyPlaceholder')}
              value={company}
              maxLength={120}
              onChange={(event) => setCompany(event.currentTarget.value)}
              data-testid="setup-company"
            />
          </Stack>
        </Paper>
        <Paper withBorder p="md">
          <Radio.Group
            label={t('setup.dns')}
            styles={{ label: { fontWeight: 600 } }}
            value={dnsMode}
            onChange={(value) => setDnsMode(value as 'system' | 'custom')}
          >
            <Stack gap="xs" mt="xs">
              <Radio value="system" label={t('setup.dnsSystem')} data-testid="setup-dns-system" />
              <Radio value="custom" label={t('setup.dnsCustom')} data-testid="setup-dns-custom" />
            </Stack>
          </Radio.Group>
          {dnsMode === 'custom' && (
            <TagsInput
              mt="sm"
              label={t('settings.dnsServers')}
              description={t('setup.dnsServersHint')}
              value={servers}
              onChange={setServers}
              maxTags={8}
              data-testid="setup-dns-servers"
            />
          )}
        </Paper>
        <Paper withBorder p="md">
          <Text component="h3" fw={600}>
            {t('setup.signIn')}
          </Text>
          <Text size="sm" c="dimmed" mb="sm">
            {t('setup.signInHint')}
          </Text>
          <Group gap="xs">
            <Button variant="light" size="xs" onClick={() => openSignIn(SIGN_IN_SECTIONS.partnerCenter)}>
              {t('setup.partnerCenter')}
            </Button>
            <Button variant="light" size="xs" onClick={() => openSignIn(SIGN_IN_SECTIONS.dynamics)}>
              {t('setup.dynamics')}
            </Button>
          </Group>
        </Paper>
        {error && <ErrorNotice error={error} />}
        <Group justify="flex-end" className="sticky-actions">
          <Button variant="default" onClick={() => void finish(false)} disabled={saving} data-testid="setup-skip">
            {t('setup.skip')}
          </Button>
          <Button onClick={() => void finish(true)} loading={saving} data-testid="setup-finish">
            {t('setup.finish')}
          </Button>
        </Group>
      </Stack>
    </div>
  );
}
