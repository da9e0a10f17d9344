import { loadResource } from '../config/resource-loader';
import { SettingsSchema } from '../../shared/settings';
import type { Settings, SettingsPatch } from '../../shared/settings';
import type { Store } from '../store/db';

const KEY = 'app';

export interface SettingsService {
  get(): Settings;
  /** validates the merged result; throws a ZodError and stores nothing when invalid */
  update(patch: SettingsPatch): Settings;
}

/** Settings = shipped defaults (resources/default-settings.json) overlaid with what the user saved. */
export function createSettingsService(store: Store, resources: string): SettingsService {
  const defaults = loadResource(resources, 'default-settings.json', SettingsSchema);
  const read = (): Settings => {
    const saved = store.settings.get<Partial<Settings>>(KEY) ?? {};
    const merged = SettingsSchema.safeParse({ ...defaults, ...saved });
    // a setting saved by an older version that no longer validates falls back to the defaults instead of breaking start-up
    return merged.success ? merged.data : defaults;
  };
  return {
    get: read,
    update(patch) {
      const next = SettingsSchema.parse({ ...read(), ...patch });
      store.settings.set(KEY, next);
      return next;
    },
  };
}
