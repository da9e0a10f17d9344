import { Alert, Text } from '@mantine/core';
import type { ApiError } from '../../api/api';
import { useErrorText } from '../../i18n';

/** A Dynamics 365 failure: Hunter's localised sentence, plus Dataverse's own code and text when it answered. */
export function D365ErrorNotice({ error }: { error: ApiError }) {
  const errorText = useErrorText();
  return (
    <Alert color="red" variant="light" p="xs" role="alert" data-testid="d365-error" data-code={error.code}>
      <Text size="sm">{errorText(error)}</Text>
      {(error.code === 'remote_error' || error.code === 'not_configured') && (
        <Text size="xs" c="dimmed">
          {error.message}
        </Text>
      )}
    </Alert>
  );
}
