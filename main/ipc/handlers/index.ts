import type { Hunter } from '../../app/create-hunter';
import type { Handlers } from '../dispatch';
import { appHandlers } from './app';
import { dynamicsHandlers } from './dynamics';
import type { AppInfo } from './app';
import { fileHandlers } from './files';
import { flagHandlers } from './flags';
import { leadHandlers } from './leads';
import { legacyHandlers } from './legacy';
import { referralHandlers } from './referrals';
import { salesHandlers } from './sales';
import { scanHandlers } from './scan';
import { settingsHandlers } from './settings';
import { setupHandlers } from './setup';
import { updateHandlers } from './updates';

export type { AppInfo };

/** Every feature's handlers, merged into the one map both transports serve (the type checks none is missing). */
export function createHandlers(hunter: Hunter, info: AppInfo): Handlers {
  return {
    ...appHandlers(hunter, info),
    ...settingsHandlers(hunter),
    ...flagHandlers(hunter),
    ...leadHandlers(hunter),
    ...salesHandlers(hunter),
    ...legacyHandlers(hunter),
    ...fileHandlers(hunter),
    ...scanHandlers(hunter),
    ...updateHandlers(hunter),
    ...setupHandlers(hunter),
    ...referralHandlers(hunter),
    ...dynamicsHandlers(hunter),
  };
}
