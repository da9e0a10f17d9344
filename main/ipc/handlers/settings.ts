import type { settingsChannels } from '../../../shared/ipc/settings';
import type { Hunter } from '../../app/create-hunter';
import type { HandlersFor } from '../dispatch';

export function settingsHandlers(hunter: Hunter): HandlersFor<typeof settingsChannels> {
  return {
    'settings.get': () => hunter.settings.get(),
    'settings.set': (patch) => hunter.settings.update(patch),
  };
}
