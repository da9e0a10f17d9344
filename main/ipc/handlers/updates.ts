import type { updateChannels } from '../../../shared/ipc/updates';
import type { Hunter } from '../../app/create-hunter';
import { readUpdateSettings, writeUpdateSettings } from '../../update/update-settings';
import type { HandlersFor } from '../dispatch';

export function updateHandlers({ services, store }: Hunter): HandlersFor<typeof updateChannels> {
  const { updates } = services;
  return {
    'updates.status': () => updates.status(),
    'updates.settings': () => readUpdateSettings(store.settings),
    'updates.set_settings': async (input) => {
      writeUpdateSettings(store.settings, input);
      await updates.checkNow();
      return updates.status();
    },
    'updates.check': async () => ({ outcome: await updates.checkNow(), status: updates.status() }),
  };
}
