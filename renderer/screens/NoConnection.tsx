import { MantineProvider } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { theme } from '../theme';
import { EmptyState } from '../components/EmptyState';

/** Shown when neither the Electron preload nor a bridge token is present: nothing can be called. */
export function NoConnection() {
  const { t } = useTranslation();
  return (
    <MantineProvider theme={theme} defaultColorScheme="auto">
      <main className="app-main">
        <EmptyState title={t('errors.noConnection')} hint={t('errors.noConnectionHint')} testId="no-connection" />
      </main>
    </MantineProvider>
  );
}
