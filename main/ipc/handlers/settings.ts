import type { settingsChannels } from '../../../shared/ipc/settings';
import type { Hunter } from '../../app/create-hunter';
import { testDnsServer } from '../../services/dns-server-test';
import type { HandlersFor } from '../dispatch';

/** a test that waits longer than this tells the user nothing more */
const TEST_TIMEOUT_CAP_MS = 3000;

export function settingsHandlers(hunter: Hunter): HandlersFor<typeof settingsChannels> {
  return {
    'settings.get': () => hunter.settings.loaded(),
    'settings.set': (patch) => hunter.settings.update(patch),
    'settings.testDnsServer': ({ server }) =>
      testDnsServer(server, Math.min(hunter.settings.get().dns_timeout_ms, TEST_TIMEOUT_CAP_MS)),
  };
}
