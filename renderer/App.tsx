import { MantineProvider } from '@mantine/core';
import { theme } from './theme';
import { SettingsProvider } from './state/settings-context';
import { AppHeader } from './components/AppHeader';
import { KpiHeader } from './components/KpiHeader';
import { ScanBar } from './components/scan/ScanBar';
import { useSession } from './state/ui-store';
import { LeadsScreen } from './screens/LeadsScreen';
import { OverviewScreen } from './screens/OverviewScreen';
import { SettingsScreen } from './screens/SettingsScreen';
import { ReferralsScreen } from './screens/ReferralsScreen';
import { ReferralDetailModal } from './components/referrals/ReferralDetailModal';
import { FirstRunScreen } from './screens/FirstRunScreen';
import { useAppStart } from './state/app-start';

export function App() {
  const screen = useSession((state) => state.screen);
  useAppStart();
  return (
    <MantineProvider theme={theme} defaultColorScheme="auto">
      <SettingsProvider>
        <div className="app-shell">
          <AppHeader />
          <KpiHeader />
          <ScanBar />
          <main className="app-main" data-testid={`screen-${screen}`}>
            {screen === 'leads' && <LeadsScreen />}
            {screen === 'referrals' && <ReferralsScreen />}
            {screen === 'overview' && <OverviewScreen />}
            {screen === 'settings' && <SettingsScreen />}
            {screen === 'setup' && <FirstRunScreen />}
          </main>
          <ReferralDetailModal />
        </div>
      </SettingsProvider>
    </MantineProvider>
  );
}
