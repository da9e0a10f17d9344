import { UpdateSettingsSchema } from '../../shared/updates';
import type { UpdateSettings } from '../../shared/updates';
import type { SettingsRepository } from '../store/settings-repository';

const KEY = 'updates';
const DEFAULTS: UpdateSettings = { feed_url: '' };

/** The saved update settings; a value an older version saved that no longer validates reads as the defaults. */
export function readUpdateSettings(repo: SettingsRepository): UpdateSettings {
  const saved = UpdateSettingsSchema.safeParse(repo.get<unknown>(KEY) ?? DEFAULTS);
  return saved.success ? saved.data : DEFAULTS;
}

export function writeUpdateSettings(repo: SettingsRepository, next: UpdateSettings): UpdateSettings {
  const valid = UpdateSettingsSchema.parse(next);
  repo.set(KEY, valid);
  return valid;
}
