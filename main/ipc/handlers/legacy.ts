import type { legacyChannels } from '../../../shared/ipc/legacy';
import type { Hunter } from '../../app/create-hunter';
import { AppError } from '../../core/app-error';
import type { HandlersFor } from '../dispatch';
import { leadOf } from './lead-of';

const RETIRED = 'Notes, tags and favourites moved to Dynamics 365; Hunter keeps the old ones read-only for migration.';

export function legacyHandlers({ store }: Hunter): HandlersFor<typeof legacyChannels> {
  return {
    'legacy.notes': ({ domain }) => store.legacy.notes(leadOf(store, domain).domain),
    'legacy.tags': ({ domain }) => store.legacy.tags(leadOf(store, domain).domain),
    'legacy.addNote': () => {
      throw new AppError('gone', RETIRED, { alternative: 'Dynamics 365 timeline notes' });
    },
  };
}
