import { z } from 'zod';
import { LINK_STATUSES, PcConnectionSchema, REFERRAL_KINDS } from '../referrals';
import type {
  PcConnection,
  PcConnectionField,
  ReferralDetail,
  ReferralListItem,
  ReferralSyncResult,
  ReferralSyncStatus,
} from '../referrals';
import { noArgs } from './args';

const referralArg = z.object({ referral_id: z.string().trim().min(1).max(200) }).strict();

export const ReferralQuerySchema = z
  .object({
    kind: z.enum(REFERRAL_KINDS).optional(),
    link: z.enum(LINK_STATUSES).optional(),
    status: z.string().max(40).optional(),
    search: z.string().max(200).optional(),
    limit: z.number().int().min(1).max(1000).optional(),
    offset: z.number().int().min(0).max(10_000_000).optional(),
  })
  .strict();

export interface PartnerCenterAccount {
  /** null when nobody is signed in */
  username: string | null;
  name: string | null;
  connection: PcConnection;
  /** which connection values an environment variable decides (the Settings screen shows them read-only) */
  from_env: PcConnectionField[];
}

export const referralChannels = {
  'referrals.list': { input: ReferralQuerySchema, output: {} as { rows: ReferralListItem[]; total: number } },
  'referrals.get': { input: referralArg, output: {} as ReferralDetail },
  'referrals.sync': {
    input: z.object({ full: z.boolean().optional() }).strict(),
    output: {} as ReferralSyncResult,
  },
  'referrals.status': { input: noArgs, output: {} as ReferralSyncStatus },
  'referrals.accept': { input: referralArg, output: {} as ReferralDetail },
  'referrals.decline': {
    input: referralArg.extend({ reason: z.string().trim().max(1000).optional() }).strict(),
    output: {} as ReferralDetail,
  },
  /** links an unlinked referral to a lead (created when it does not exist yet) */
  'referrals.link': {
    input: referralArg.extend({ domain: z.string().trim().min(1).max(300) }).strict(),
    output: {} as ReferralDetail,
  },
  /** the referral's page in Partner Center, in the system browser */
  'referrals.open_in_partner_center': { input: referralArg, output: {} as { opened: true } },
  'partner_center.account': { input: noArgs, output: {} as PartnerCenterAccount },
  /** system browser + loopback; falls back to a device code pushed as 'partner_center.device_code' */
  'partner_center.sign_in': { input: noArgs, output: {} as PartnerCenterAccount },
  'partner_center.sign_out': { input: noArgs, output: {} as PartnerCenterAccount },
  'partner_center.save_connection': {
    input: PcConnectionSchema.partial().strict(),
    output: {} as PartnerCenterAccount,
  },
} as const;

export interface ReferralEvents {
  'referrals.sync_status': ReferralSyncStatus;
  /** the device-code instruction when the browser sign-in could not start */
  'partner_center.device_code': { message: string; user_code: string; verification_uri: string };
}
