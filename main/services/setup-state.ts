// Whether the first-run setup has been seen. A rep who already saved settings (an older install) has set the app up
// and is not asked again; skipping the setup counts as done, and Settings can open it again at any time.
import type { SettingsRepository } from '../store/settings-repository';

const KEY = 'setup';

export function isSetupDone(repo: SettingsRepository): boolean {
  return repo.get<{ done_at?: string }>(KEY)?.done_at !== undefined || repo.get('app') !== undefined;
}

export function markSetupDone(repo: SettingsRepository, now: Date = new Date()): void {
  repo.set(KEY, { done_at: now.toISOString() });
}
