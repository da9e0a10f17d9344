import type { setupChannels } from '../../../shared/ipc/setup';
import type { Hunter } from '../../app/create-hunter';
import { isSetupDone, markSetupDone } from '../../services/setup-state';
import type { HandlersFor } from '../dispatch';

export function setupHandlers({ store }: Hunter): HandlersFor<typeof setupChannels> {
  return {
    'setup.state': () => ({ done: isSetupDone(store.settings) }),
    'setup.done': () => {
      markSetupDone(store.settings);
      return { done: true };
    },
  };
}
