import type { DynamicsEvents } from './dynamics';
import type { FileEvents } from './files';
import type { FlagEvents } from './flags';
import type { LeadEvents } from './leads';
import type { ReferralEvents } from './referrals';
import type { ScanEvents } from './scan';

/** Push events main → renderer: each feature declares its own, merged here. */
export interface HunterEvents extends LeadEvents, ScanEvents, FlagEvents, ReferralEvents, DynamicsEvents, FileEvents {}
export type EventName = keyof HunterEvents;
