import { TitledPanel } from '../TitledPanel';
import { Button, Group, SegmentedControl, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LOG_LEVELS } from '../../../shared/ops';
import type { LogLevel } from '../../../shared/ops';
import { api } from '../../api/api';
import { useApiAction, useApiQuery } from '../../api/hooks';
import { useErrorText } from '../../i18n';

/** Log level (an override by --log-level or HUNTER_LOG_LEVEL is said so) and the logs folder. */
export function DiagnosticsSection() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const view = useApiQuery('ops.getSettings', {});
  const setLevel = useApiAction(async (level: LogLevel) => {
    await api.invoke('ops.setSettings', { log_level: level });
    view.reload();
  });
  const openLogs = useApiAction(() => api.invoke('ops.openLogs', {}));
  const error = view.error ?? setLevel.error ?? openLogs.error;
  return (
    <TitledPanel title={t('diagnostics.title')} testId="settings-diagnostics">
      {view.data && (
        <Stack gap="sm">
          <div>
            <Text size="sm" fw={500} id="log-level-label" mb={4}>
              {t('diagnostics.logLevel')}
            </Text>
            <SegmentedControl
              aria-labelledby="log-level-label"
              value={view.data.log_level}
              onChange={(value) => void setLevel.run(value as LogLevel)}
              data={LOG_LEVELS.map((level) => ({ value: level, label: t(`diagnostics.levels.${level}`) }))}
              data-testid="log-level"
            />
            {view.data.log_level_source !== 'settings' && (
              <Text size="xs" fw={600} c="dimmed" mt={4} data-testid="log-level-override">
                {t(`diagnostics.levelFrom.${view.data.log_level_source}`, {
                  level: t(`diagnostics.levels.${view.data.effective_log_level}`),
                })}
              </Text>
            )}
          </div>
          <Group gap="sm">
            <Button
              variant="default"
              onClick={() => void openLogs.run()}
              loading={openLogs.pending}
              data-testid="open-logs"
            >
              {t('diagnostics.openLogs')}
            </Button>
            <Text size="xs" c="dimmed" className="truncate">
              {view.data.logs_folder}
            </Text>
          </Group>
          <Text size="xs" c="dimmed">
            {t(`diagnostics.crashReports.${view.data.crash_reports}`)}
          </Text>
        </Stack>
      )}
      {error && (
        <Text size="sm" className="text-bad" role="alert">
          {errorText(error)}
        </Text>
      )}
    </TitledPanel>
  );
}
