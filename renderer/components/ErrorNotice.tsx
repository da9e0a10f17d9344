import { Alert, Button, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../api/api';
import { useErrorText } from '../i18n';

interface Props {
  error: ApiError;
  onRetry?: () => void;
  compact?: boolean;
}

/** A failed call, in the user's language by error code; never the raw message or a stack trace. */
export function ErrorNotice({ error, onRetry, compact }: Props) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  return (
    <Alert
      color="red"
      variant="light"
      p={compact ? 'xs' : 'md'}
      role="alert"
      data-testid="error-notice"
      data-code={error.code}
    >
      <Group justify="space-between" wrap="nowrap" gap="sm">
        <Text size="sm">{errorText(error)}</Text>
        {onRetry && (
          <Button size="compact-xs" variant="default" onClick={onRetry}>
            {t('common.retry')}
          </Button>
        )}
      </Group>
    </Alert>
  );
}
