import { z } from 'zod';
import { MAX_DNS_SERVER_CHARS, type DnsServerTest } from '../dns-servers';
import { SettingsPatchSchema } from '../settings';
import type { LoadedSettings, Settings } from '../settings';
import { noArgs } from './args';

export const settingsChannels = {
  'settings.get': { input: noArgs, output: {} as LoadedSettings },
  'settings.set': { input: SettingsPatchSchema, output: {} as Settings },
  /** one query to a DNS server as typed (saved or not): parsed as the scanner would, then asked */
  'settings.testDnsServer': {
    input: z.object({ server: z.string().max(MAX_DNS_SERVER_CHARS) }).strict(),
    output: {} as DnsServerTest,
  },
} as const;
