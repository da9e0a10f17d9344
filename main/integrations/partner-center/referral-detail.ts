import type { ReferralDetail } from '../../../shared/referrals';
import type { StoredReferral } from '../../store/referrals-repository';
import { contactsOf } from './referral-map';

/** A stored referral as the detail view and `referrals show` present it: contacts, partner team and notes from the raw JSON. */
export function referralDetail(stored: StoredReferral): ReferralDetail {
  const { raw, etag: _etag, linked_lead_id: _lead, ...item } = stored;
  const profile = (raw.customerProfile ?? {}) as Record<string, unknown>;
  const details = (raw.details ?? {}) as Record<string, unknown>;
  return {
    ...item,
    contacts: contactsOf(profile.team),
    team: contactsOf(raw.team),
    notes: typeof details.notes === 'string' ? details.notes : null,
    raw,
  };
}
