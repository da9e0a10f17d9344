import type { flagChannels } from '../../../shared/ipc/flags';
import type { Hunter } from '../../app/create-hunter';
import type { HandlersFor } from '../dispatch';

export function flagHandlers({ flags }: Hunter): HandlersFor<typeof flagChannels> {
  return {
    'flags.list': () => flags.list(),
    'flags.set': ({ name, on }) => {
      flags.set(name, on);
      return flags.list();
    },
  };
}
