import { UpdateSettingsSchema } from '../updates';
import type { UpdateCheckOutcome, UpdateSettings, UpdateStatus } from '../updates';
import { noArgs } from './args';

export const updateChannels = {
  'updates.status': { input: noArgs, output: {} as UpdateStatus },
  'updates.settings': { input: noArgs, output: {} as UpdateSettings },
  /** saves the feed address and checks it at once */
  'updates.set_settings': { input: UpdateSettingsSchema.strict(), output: {} as UpdateStatus },
  'updates.check': { input: noArgs, output: {} as { outcome: UpdateCheckOutcome; status: UpdateStatus } },
} as const;
