import type { Lang } from '../lang';
import { noArgs } from './args';

export const appChannels = {
  'app.info': { input: noArgs, output: {} as { version: string; db_path: string; platform: string } },
  /** language → provider name → its short label: the one list the grid, filters, detail and exports show */
  'app.providerLabels': { input: noArgs, output: {} as Record<Lang, Record<string, string>> },
} as const;
