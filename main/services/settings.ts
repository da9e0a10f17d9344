import { loadResource } from '../config/resource-loader';
import type { Log } from '../core/log';
import { silentLog } from '../core/log';
import { SETTINGS_FIELDS, SettingsSchema } from '../../shared/settings';
import type { LoadedSettings, Settings, SettingsField, SettingsPatch } from '../../shared/settings';
import type { Store } from '../store/db';

const KEY = 'app';

export interface SettingsService {
  get(): Settings;
  /** the settings with the saved fields that did not validate and read as their default (until the next save) */
  loaded(): LoadedSettings;
  /** validates the merged result; throws a ZodError and stores nothing when invalid */
  update(patch: SettingsPatch): Settings;
}

/**
 * Settings = shipped defaults (resources/default-settings.json) overlaid with what the user saved, field by field:
 * a saved value that no longer validates (an older version's format, a hand-edited file) falls back to its default
 * alone, so one bad field never costs the others. The next save stores the repaired whole.
 */
export function createSettingsService(store: Store, resources: string, log: Log = silentLog): SettingsService {
  const defaults = loadResource(resources, 'default-settings.json', SettingsSchema);
  let reported = '';
  const read = (): { settings: Settings; reset: SettingsField[] } => {
    const saved = savedObject();
    const settings: Record<string, unknown> = { ...defaults };
    const reset: SettingsField[] = [];
    for (const field of SETTINGS_FIELDS) {
      if (!(field in saved)) continue;
      const parsed = SettingsSchema.shape[field].safeParse(saved[field]);
      if (parsed.success) settings[field] = parsed.data;
      else reset.push(field);
    }
    // reads happen on every scan and screen: say it once per distinct set of bad fields
    const key = reset.join(',');
    if (key && key !== reported) log.warn('settings.fields_reset', { fields: reset });
    reported = key;
    return { settings: settings as Settings, reset };
  };
  /** the saved object; anything else (not JSON, not an object) counts as nothing saved, every field its default */
  const savedObject = (): Record<string, unknown> => {
    try {
      const saved = store.settings.get<unknown>(KEY);
      if (saved && typeof saved === 'object' && !Array.isArray(saved)) return saved as Record<string, unknown>;
      if (saved !== undefined) log.warn('settings.unreadable', { type: typeof saved });
    } catch (err) {
      log.warn('settings.unreadable', { reason: (err as Error).message });
    }
    return {};
  };
  return {
    get: () => read().settings,
    loaded: () => {
      const { settings, reset } = read();
      return { ...settings, reset_fields: reset };
    },
    update(patch) {
      const next = SettingsSchema.parse({ ...read().settings, ...patch });
      store.settings.set(KEY, next);
      return next;
    },
  };
}
