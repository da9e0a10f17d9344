import type { legacyChannels } from '../../../shared/ipc/legacy';
import type { Hunter } from '../../app/create-hunter';
import type { HandlersFor } from '../dispatch';
import { leadOf } from './lead-of';

export function legacyHandlers({ store, crmLite }: Hunter): HandlersFor<typeof legacyChannels> {
  // once CRM-lite is removed every channel answers `gone`, reads included
  const read = <T>(domain: string, fn: (d: string) => T): T => {
    crmLite.assertAvailable();
    return fn(leadOf(store, domain).domain);
  };
  return {
    'legacy.notes': ({ domain }) => read(domain, (d) => store.legacy.notes(d)),
    'legacy.tags': ({ domain }) => read(domain, (d) => store.legacy.tags(d)),
    'legacy.lead': ({ domain }) =>
      read(domain, (d) => ({
        notes: store.legacy.notes(d),
        tags: store.legacy.tags(d),
        favorite: store.legacy.favorite(d),
      })),
    'legacy.status': () => crmLite.status(),
    'legacy.import': ({ file_name, content_base64 }) =>
      crmLite.import(file_name, Buffer.from(content_base64, 'base64')),
    'legacy.addNote': () => crmLite.refuse('legacy.addNote'),
    'legacy.editNote': () => crmLite.refuse('legacy.editNote'),
    'legacy.deleteNote': () => crmLite.refuse('legacy.deleteNote'),
    'legacy.addTag': () => crmLite.refuse('legacy.addTag'),
    'legacy.removeTag': () => crmLite.refuse('legacy.removeTag'),
    'legacy.favorite': () => crmLite.refuse('legacy.favorite'),
    'legacy.unfavorite': () => crmLite.refuse('legacy.unfavorite'),
  };
}
