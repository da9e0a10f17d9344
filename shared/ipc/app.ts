import { noArgs } from './args';

export const appChannels = {
  'app.info': { input: noArgs, output: {} as { version: string; db_path: string; platform: string } },
} as const;
