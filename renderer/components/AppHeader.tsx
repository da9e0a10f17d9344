import type { Lang } from '../../shared/lang';
import { Group, SegmentedControl, Text, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSession } from '../state/ui-store';
import type { Screen } from '../state/ui-store';
import { useSettings } from '../state/settings-context';
import { useFlag } from '../api/flags';
import { SyncIndicator } from './referrals/SyncIndicator';

const SCREENS: Screen[] = ['leads', 'referrals', 'overview', 'settings'];

export function AppHeader() {
  const { t, i18n } = useTranslation();
  const screen = useSession((state) => state.screen);
  const setScreen = useSession((state) => state.setScreen);
  const { setLanguage } = useSettings();
  const partnerCenter = useFlag('partner_center');
  const screens = SCREENS.filter((item) => item !== 'referrals' || partnerCenter);

  return (
    <header className="app-header">
      <Group gap="lg" wrap="nowrap">
        <Text component="h1" fw={800} size="lg" className="brand">
          <span aria-hidden="true" className="brand-mark">
            ◎
          </span>{' '}
          Hunter
        </Text>
        <nav aria-label={t('nav.label')}>
          <Group gap={4} wrap="nowrap">
            {screens.map((item) => (
              <UnstyledButton
                key={item}
                className="nav-link"
                data-active={screen === item || undefined}
                aria-current={screen === item ? 'page' : undefined}
                onClick={() => setScreen(item)}
                data-testid={`nav-${item}`}
              >
                {t(`nav.${item}`)}
              </UnstyledButton>
            ))}
          </Group>
        </nav>
      </Group>
      <Group gap="md" wrap="nowrap">
        {partnerCenter && <SyncIndicator />}
        <SegmentedControl
          size="xs"
          aria-label={t('settings.language')}
          value={i18n.language === 'en' ? 'en' : 'tr'}
          onChange={(value) => setLanguage(value as Lang)}
          data={[
            { value: 'tr', label: 'TR' },
            { value: 'en', label: 'EN' },
          ]}
          data-testid="language-switch"
        />
      </Group>
    </header>
  );
}
