import { Alert, Stack } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AlertState } from '../../../shared/ops';
import { useHunterEvent } from '../../api/hooks';

/** In-app notifications for alerts that start firing (once each); a cleared alert takes its banner away. */
export function AlertBanner() {
  const { t } = useTranslation();
  const [shown, setShown] = useState<AlertState[]>([]);
  useHunterEvent('ops.alert', (alert) =>
    setShown((current) => [...current.filter((a) => a.rule !== alert.rule), ...(alert.firing ? [alert] : [])]),
  );
  if (shown.length === 0) return null;
  return (
    <Stack gap={4} className="alert-banner" data-testid="alert-banner">
      {shown.map((alert) => (
        <Alert
          key={alert.rule}
          color="orange"
          variant="light"
          title={alert.title}
          withCloseButton
          closeButtonLabel={t('common.dismiss')}
          onClose={() => setShown((current) => current.filter((a) => a.rule !== alert.rule))}
          data-testid={`alert-${alert.rule}`}
        >
          {alert.body}
        </Alert>
      ))}
    </Stack>
  );
}
