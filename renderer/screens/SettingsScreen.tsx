import { TitledPanel } from '../components/TitledPanel';
// Settings form. Main validates (the same zod schema it stores with); its per-field issues come back in
// the validation error's details and are shown next to the fields, in the user's language.
import { useEffect, useState } from 'react';
import {
  Alert,
  Button,
  Group,
  NumberInput,
  SegmentedControl,
  Stack,
  Switch,
  Table,
  TagsInput,
  Text,
  TextInput,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Settings } from '../../shared/settings';
import type { ApiError } from '../api/api';
import { toApiError } from '../api/hooks';
import { useErrorText } from '../i18n';
import { useSettings } from '../state/settings-context';
import { DynamicsSettings } from '../components/dynamics/DynamicsSettings';
import { ErrorNotice } from '../components/ErrorNotice';
import { DnsServerTestButton } from '../components/settings/DnsServerTestButton';
import { DiagnosticsSection } from '../components/settings/DiagnosticsSection';
import { FlagsSection } from '../components/settings/FlagsSection';
import { LegacySection } from '../components/settings/LegacySection';
import { PartnerCenterSettings } from '../components/referrals/PartnerCenterSettings';
import { SetupAndUpdates } from '../components/settings/SetupAndUpdates';

const TIERS = ['Business Basic', 'Business Standard', 'Enterprise'] as const;
const PRICE_FIELDS = [
  'price_per_user_per_month',
  'migration_fee',
  'defender_price_per_user_per_month',
  'consulting_fee',
] as const;
const PRICE_LABELS: Record<(typeof PRICE_FIELDS)[number], string> = {
  price_per_user_per_month: 'pricePerUser',
  migration_fee: 'migrationFee',
  defender_price_per_user_per_month: 'defenderPrice',
  consulting_fee: 'consultingFee',
};

/** "dns_servers.1" → message, from zod-style issues ({ path, message }) in the error details */
function fieldErrors(error: ApiError | null): Map<string, string> {
  const fields = new Map<string, string>();
  const issues = (error?.details as { issues?: unknown } | undefined)?.issues ?? error?.details;
  if (!Array.isArray(issues)) return fields;
  for (const issue of issues as { path?: (string | number)[]; message?: string }[]) {
    if (!issue.path?.length) continue;
    fields.set(issue.path[0] as string, issue.message ?? '');
    fields.set(issue.path.join('.'), issue.message ?? '');
  }
  return fields;
}

export function SettingsScreen() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const { settings, resetFields, error: loadError, save } = useSettings();
  const [form, setForm] = useState<Settings | null>(settings);
  const [saveError, setSaveError] = useState<ApiError | null>(null);
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState(false);

  useEffect(() => setForm(settings), [settings]);

  if (loadError && !settings)
    return (
      <div className="page">
        <ErrorNotice error={loadError} />
      </div>
    );
  if (!form)
    return (
      <div className="page">
        <Text c="dimmed">{t('common.loading')}</Text>
      </div>
    );

  const errors = fieldErrors(saveError);
  const invalid = (field: string) => (errors.has(field) ? t('settings.invalid') : undefined);
  const update = <K extends keyof Settings>(key: K, value: Settings[K]) => {
    setForm({ ...form, [key]: value });
    setSaved(false);
  };
  const setPrice = (tier: (typeof TIERS)[number], field: (typeof PRICE_FIELDS)[number], value: number | string) => {
    const price = typeof value === 'number' ? value : null; // an emptied box means "no price"
    update('offer_prices', { ...form.offer_prices, [tier]: { ...form.offer_prices[tier], [field]: price } });
  };

  async function submit() {
    if (!form) return;
    setSaving(true);
    setSaveError(null);
    try {
      await save(form);
      setSaved(true);
    } catch (caught) {
      setSaveError(toApiError(caught));
    } finally {
      setSaving(false);
    }
  }

  return (
    <div className="page settings-page" data-testid="settings">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <Stack gap="md" maw={880}>
          {resetFields.length > 0 && (
            <Alert color="yellow" title={t('settingsReset.title')} data-testid="settings-reset-notice">
              {t('settingsReset.body', {
                fields: resetFields.map((field) => t(`settingsReset.fields.${field}`)).join(', '),
              })}
            </Alert>
          )}
          <TitledPanel title={t('settings.general')}>
            <Stack gap="sm">
              <div>
                <Text size="sm" fw={500} id="settings-language-label" mb={4}>
                  {t('settings.language')}
                </Text>
                <SegmentedControl
                  aria-labelledby="settings-language-label"
                  value={form.language}
                  onChange={(value) => update('language', value as Settings['language'])}
                  data={[
                    { value: 'tr', label: 'Türkçe' },
                    { value: 'en', label: 'English' },
                  ]}
                />
              </div>
              <Group grow align="flex-start">
                <TextInput
                  label={t('settings.repName')}
                  description={t('settings.repNameHint')}
                  value={form.rep_name}
                  onChange={(event) => update('rep_name', event.currentTarget.value)}
                  error={invalid('rep_name')}
                  data-testid="settings-rep-name"
                />
                <TextInput
                  label={t('settings.companyName')}
                  description={t('settings.companyNameHint')}
                  value={form.company_name}
                  onChange={(event) => update('company_name', event.currentTarget.value)}
                  error={invalid('company_name')}
                  data-testid="settings-company"
                />
                <TextInput
                  label={t('settings.currency')}
                  description={t('settings.currencyHint')}
                  value={form.currency}
                  maxLength={3}
                  onChange={(event) => update('currency', event.currentTarget.value.toUpperCase())}
                  error={invalid('currency')}
                  data-testid="settings-currency"
                />
              </Group>
            </Stack>
          </TitledPanel>

          <TitledPanel title={t('settings.scanning')}>
            <Stack gap="sm">
              <TagsInput
                label={t('settings.dnsServers')}
                description={t('settings.dnsServersHint')}
                value={form.dns_servers}
                onChange={(value) => update('dns_servers', value)}
                error={invalid('dns_servers')}
                splitChars={[',', ' ']}
                clearable
                data-testid="settings-dns"
              />
              <DnsServerTestButton servers={form.dns_servers} />
              <TagsInput
                label={t('settings.dkimSelectors')}
                description={t('settings.dkimSelectorsHint')}
                value={form.dkim_selectors}
                onChange={(value) => update('dkim_selectors', value)}
                error={invalid('dkim_selectors')}
                splitChars={[',', ' ']}
                data-testid="settings-dkim"
              />
              <Group grow align="flex-start">
                <NumberInput
                  label={t('settings.concurrency')}
                  description={t('settings.concurrencyHint')}
                  value={form.scan_concurrency}
                  min={1}
                  max={1000}
                  allowDecimal={false}
                  onChange={(value) => update('scan_concurrency', typeof value === 'number' ? value : 0)}
                  error={invalid('scan_concurrency')}
                  data-testid="settings-concurrency"
                />
                <NumberInput
                  label={t('settings.dnsTimeout')}
                  value={form.dns_timeout_ms}
                  min={100}
                  max={30000}
                  step={100}
                  allowDecimal={false}
                  onChange={(value) => update('dns_timeout_ms', typeof value === 'number' ? value : 0)}
                  error={invalid('dns_timeout_ms')}
                />
              </Group>
              <Switch
                label={t('settings.whois')}
                description={t('settings.whoisHint')}
                checked={form.whois_enabled}
                onChange={(event) => update('whois_enabled', event.currentTarget.checked)}
                data-testid="settings-whois"
              />
            </Stack>
          </TitledPanel>

          <TitledPanel title={t('settings.prices', { currency: form.currency })}>
            <Table withTableBorder={false} verticalSpacing={6} className="price-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('settings.tier')}</Table.Th>
                  {PRICE_FIELDS.map((field) => (
                    <Table.Th key={field}>{t(`offer.${PRICE_LABELS[field]}`)}</Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {TIERS.map((tier) => (
                  <Table.Tr key={tier}>
                    <Table.Th scope="row" fw={600}>
                      {tier}
                    </Table.Th>
                    {PRICE_FIELDS.map((field) => (
                      <Table.Td key={field}>
                        <NumberInput
                          size="xs"
                          aria-label={`${tier} – ${t(`offer.${PRICE_LABELS[field]}`)}`}
                          value={form.offer_prices[tier][field] ?? ''}
                          min={0}
                          max={1_000_000}
                          thousandSeparator={t('settings.thousandSeparator')}
                          decimalSeparator={t('settings.decimalSeparator')}
                          onChange={(value) => setPrice(tier, field, value)}
                          error={errors.has(`offer_prices.${tier}.${field}`) ? t('settings.invalid') : undefined}
                        />
                      </Table.Td>
                    ))}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </TitledPanel>

          {saveError && (
            <Alert color="red" variant="light" role="alert" data-testid="settings-error">
              <Text size="sm">{errorText(saveError)}</Text>
            </Alert>
          )}
          <Group className="sticky-actions">
            <Button type="submit" loading={saving} data-testid="settings-save">
              {t('settings.save')}
            </Button>
            <Button
              variant="default"
              onClick={() => {
                setForm(settings);
                setSaveError(null);
                setSaved(false);
              }}
            >
              {t('settings.revert')}
            </Button>
            {saved && (
              <Text size="sm" className="text-ok" role="status" data-testid="settings-saved">
                {t('settings.saved')}
              </Text>
            )}
          </Group>
        </Stack>
      </form>
      <PartnerCenterSettings />
      <Stack gap="md" maw={880} mt="md">
        <DynamicsSettings />
        <FlagsSection />
        <DiagnosticsSection />
        <LegacySection />
      </Stack>
      <SetupAndUpdates />
    </div>
  );
}
