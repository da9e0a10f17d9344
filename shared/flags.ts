import { z } from 'zod';

/** The closed list of feature flags: a new flag is a name here and a default in resources/flags.json. */
export const FLAG_NAMES = ['partner_center', 'dynamics', 'crm_lite_read_only', 'crm_lite_removed', 'whois'] as const;
export type FlagName = (typeof FLAG_NAMES)[number];
export const FlagNameSchema = z.enum(FLAG_NAMES);

/** Where a flag's value comes from: the shipped default, the user's choice, or HUNTER_FLAG_<NAME> (which wins). */
export type FlagSource = 'default' | 'settings' | 'env';

export interface FlagState {
  name: FlagName;
  on: boolean;
  source: FlagSource;
}
