import { SettingsPatchSchema } from '../settings';
import type { Settings } from '../settings';
import { noArgs } from './args';

export const settingsChannels = {
  'settings.get': { input: noArgs, output: {} as Settings },
  'settings.set': { input: SettingsPatchSchema, output: {} as Settings },
} as const;
