import type { FlagName, FlagState } from '../../shared/flags';
import { FLAG_NAMES } from '../../shared/flags';
import type { SettingsRepository } from '../store/settings-repository';

const SETTINGS_KEY = 'flags';

export interface Flags {
  isOn(name: FlagName): boolean;
  list(): FlagState[];
  /** the user's choice; an environment override still wins (and list() says so) */
  set(name: FlagName, on: boolean): FlagState;
  /** called after any change, so services start or stop without a restart */
  onChange(listener: (flags: FlagState[]) => void): () => void;
}

/** HUNTER_FLAG_<NAME>=on|off; anything else is ignored rather than guessed. */
function envValue(env: NodeJS.ProcessEnv, name: FlagName): boolean | undefined {
  const raw = env[`HUNTER_FLAG_${name.toUpperCase()}`]?.trim().toLowerCase();
  return raw === 'on' ? true : raw === 'off' ? false : undefined;
}

/** Flags as preferences: shipped defaults (resources/flags.json) ← the user's choice in settings ← environment. */
export function createFlags(
  defaults: Record<FlagName, boolean>,
  settings: SettingsRepository,
  env: NodeJS.ProcessEnv = process.env,
): Flags {
  const listeners = new Set<(flags: FlagState[]) => void>();
  const saved = () => settings.get<Partial<Record<FlagName, boolean>>>(SETTINGS_KEY) ?? {};
  const state = (name: FlagName, chosen = saved()): FlagState => {
    const fromEnv = envValue(env, name);
    if (fromEnv !== undefined) return { name, on: fromEnv, source: 'env' };
    const own = chosen[name];
    if (typeof own === 'boolean') return { name, on: own, source: 'settings' };
    return { name, on: defaults[name], source: 'default' };
  };
  const list = () => {
    const chosen = saved();
    return FLAG_NAMES.map((n) => state(n, chosen));
  };
  return {
    isOn: (name) => state(name).on,
    list,
    set(name, on) {
      settings.set(SETTINGS_KEY, { ...saved(), [name]: on });
      const all = list();
      for (const listener of listeners) listener(all);
      return state(name);
    },
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
