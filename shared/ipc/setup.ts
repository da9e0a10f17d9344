import { noArgs } from './args';

export const setupChannels = {
  /** whether to open the first-run setup */
  'setup.state': { input: noArgs, output: {} as { done: boolean } },
  /** the setup was finished or skipped */
  'setup.done': { input: noArgs, output: {} as { done: true } },
} as const;
