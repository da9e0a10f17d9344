import { z } from 'zod';
import { FlagNameSchema } from '../flags';
import type { FlagState } from '../flags';
import { noArgs } from './args';

export const flagChannels = {
  'flags.list': { input: noArgs, output: {} as FlagState[] },
  'flags.set': { input: z.object({ name: FlagNameSchema, on: z.boolean() }).strict(), output: {} as FlagState[] },
} as const;

export interface FlagEvents {
  /** every flag after a change: screens appear or disappear without a restart */
  'flags.changed': FlagState[];
}
