// The one IPC contract the preload and the web bridge serve: each feature declares its channels (the zod schema
// main validates input against, and the type it answers with) in its own file, merged here.
import type { z } from 'zod';
import type { IpcResult } from '../errors';
import { appChannels } from './app';
import { dynamicsChannels } from './dynamics';
import type { EventName, HunterEvents } from './events';
import { fileChannels } from './files';
import { flagChannels } from './flags';
import { leadChannels } from './leads';
import { legacyChannels } from './legacy';
import { referralChannels } from './referrals';
import { salesChannels } from './sales';
import { scanChannels } from './scan';
import { settingsChannels } from './settings';
import { setupChannels } from './setup';
import { updateChannels } from './updates';

export const contract = {
  ...appChannels,
  ...settingsChannels,
  ...flagChannels,
  ...leadChannels,
  ...salesChannels,
  ...legacyChannels,
  ...fileChannels,
  ...scanChannels,
  ...updateChannels,
  ...setupChannels,
  ...referralChannels,
  ...dynamicsChannels,
} as const;

export type Contract = typeof contract;
export type Channel = keyof Contract;
export type ChannelInput<C extends Channel> = z.input<Contract[C]['input']>;
export type ChannelOutput<C extends Channel> = Contract[C]['output'];

/**
 * The API preload exposes as window.hunter and the web bridge client implements. invoke resolves with the
 * IpcResult instead of rejecting, because errors lose their fields when they cross Electron's contextBridge.
 */
export interface HunterApi {
  invoke<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<IpcResult<ChannelOutput<C>>>;
  on<E extends EventName>(event: E, listener: (payload: HunterEvents[E]) => void): () => void;
}

export type { ErrorCode, IpcError, IpcResult } from '../errors';
export type { EventName, HunterEvents } from './events';
