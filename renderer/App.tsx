import { MantineProvider } from '@mantine/core';
import { theme } from './theme';
import { SettingsProvider } from './state/settings-context';
import { FlagsProvider } from './state/flags-context';
import { AlertBanner } from './components/ops/AlertBanner';
import { AppHeader } from './components/AppHeader';
import { KpiHeader } from './components/KpiHeader';
import { ScanBar } from './components/scan/ScanBar';
import { useSession } from './state/ui-store';
import { LeadsScreen } from './screens/LeadsScreen';
import { OperationsScreen } from './screens/OperationsScreen';
import { OverviewScreen } from './screens/OverviewScreen';
import { SettingsScreen } from './screens/SettingsScreen';
import { ReferralsScreen } from './screens/ReferralsScreen';
import { ReferralDetailModal } from './components/referrals/ReferralDetailModal';
import { FirstRunScreen } from './screens/FirstRunScreen';
import { useAppStart } from './state/app-start';
import { ErrorBoundary } from './components/ErrorBoundary';

export function App() {
  const screen = useSession((state) => state.screen);
  useAppStart();
  return (
    <MantineProvider theme={theme} defaultColorScheme="auto">
      {/* every part has its own boundary, so one that fails to render leaves the rest of the window working */}
      <ErrorBoundary area="app">
        <SettingsProvider>
          <FlagsProvider>
            <div className="app-shell">
              <ErrorBoundary area="header">
                <AppHeader />
              </ErrorBoundary>
              <ErrorBoundary area="alerts">
                <AlertBanner />
              </ErrorBoundary>
              <ErrorBoundary area="kpis">
                <KpiHeader />
              </ErrorBoundary>
              <ErrorBoundary area="scan-bar">
                <ScanBar />
              </ErrorBoundary>
              <main className="app-main" data-testid={`screen-${screen}`}>
                {/* keyed by screen: moving to another screen starts it afresh */}
                <ErrorBoundary key={screen} area={screen} className="screen-crash">
                  {screen === 'leads' && <LeadsScreen />}
                  {screen === 'referrals' && <ReferralsScreen />}
                  {screen === 'overview' && <OverviewScreen />}
                  {screen === 'operations' && <OperationsScreen />}
                  {screen === 'settings' && <SettingsScreen />}
                  {screen === 'setup' && <FirstRunScreen />}
                </ErrorBoundary>
              </main>
              <ErrorBoundary area="referral-dialog">
                <ReferralDetailModal />
              </ErrorBoundary>
            </div>
          </FlagsProvider>
        </SettingsProvider>
      </ErrorBoundary>
    </MantineProvider>
  );
}
