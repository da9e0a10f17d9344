import { TitledPanel } from '../TitledPanel';
import { Group, Stack, Switch, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useApiAction } from '../../api/hooks';
import { useErrorText } from '../../i18n';
import { useFlags } from '../../state/flags-context';

/** Feature flags: each switch takes effect at once; one set by HUNTER_FLAG_<NAME> is shown locked, with why. */
export function FlagsSection() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const { flags, set } = useFlags();
  const change = useApiAction(set);
  return (
    <TitledPanel title={t('flags.title')} testId="settings-flags">
      <Stack gap="sm">
        {flags.map((flag) => (
          <Group key={flag.name} justify="space-between" wrap="nowrap">
            <Switch
              label={t(`flags.names.${flag.name}`)}
              description={t(`flags.hints.${flag.name}`)}
              checked={flag.on}
              disabled={flag.source === 'env' || change.pending}
              onChange={(event) => void change.run(flag.name, event.currentTarget.checked)}
              data-testid={`flag-${flag.name}`}
            />
            {flag.source === 'env' && (
              <Text size="xs" fw={600} c="dimmed" data-testid={`flag-${flag.name}-env`}>
                {t('flags.fromEnv', { variable: `HUNTER_FLAG_${flag.name.toUpperCase()}` })}
              </Text>
            )}
          </Group>
        ))}
        {change.error && (
          <Text size="sm" className="text-bad" role="alert">
            {errorText(change.error)}
          </Text>
        )}
      </Stack>
    </TitledPanel>
  );
}
