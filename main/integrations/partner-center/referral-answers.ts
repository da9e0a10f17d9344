import { AppError } from '../../core/app-error';
import type { Store } from '../../store/db';
import type { StoredReferral } from '../../store/referrals-repository';
import type { ReferralPatchOp, ReferralsClient } from './referrals-client';
import { referralDetail } from './referral-detail';
import { storeReferral } from './referral-sync';

/**
 * Accepting or declining an incoming referral from Hunter. The patch carries If-Match with the eTag of the copy the
 * rep was looking at; when Partner Center answers 412 nothing was changed there, the fresh copy is stored here, and
 * the error carries it so the rep can decide again.
 */
export type ReferralAnswer = { kind: 'accept' } | { kind: 'decline'; reason?: string };

const MAX_REASON = 1000;

export async function answerReferral(
  deps: { store: Store; client: ReferralsClient; consumerDomains: ReadonlySet<string> },
  referralId: string,
  answer: ReferralAnswer,
): Promise<{ referral: StoredReferral; createdLead: string | null }> {
  const { store } = deps;
  const current = store.referrals.get(referralId);
  if (!current) throw new AppError('not_found', `No referral ${referralId} here; run a sync first.`);
  if (current.direction?.toLowerCase() !== 'incoming' || current.status?.toLowerCase() !== 'new')
    throw new AppError(
      'invalid_state',
      `Referral ${referralId} is ${current.direction ?? '?'} and ${current.status ?? '?'}/${current.substatus ?? '?'}: only New incoming referrals can be accepted or declined.`,
    );
  if (!current.etag) throw new AppError('conflict', `Referral ${referralId} has no eTag; run a sync first.`);
  if (answer.kind === 'decline' && (answer.reason?.length ?? 0) > MAX_REASON)
    throw new AppError('validation', `The reason is longer than ${MAX_REASON} characters.`);

  const ops: ReferralPatchOp[] =
    answer.kind === 'accept'
      ? [
          { op: 'replace', path: '/status', value: 'Active' },
          { op: 'replace', path: '/substatus', value: 'Accepted' },
        ]
      : [
          { op: 'replace', path: '/status', value: 'Closed' },
          { op: 'replace', path: '/substatus', value: 'Declined' },
          ...(answer.reason ? [{ op: 'add' as const, path: '/statusReason', value: answer.reason }] : []),
        ];

  let updated;
  try {
    updated = await deps.client.patch(referralId, ops, current.etag);
  } catch (err) {
    if (err instanceof AppError && err.code === 'conflict') {
      const fresh = await deps.client.get(referralId);
      store.transaction(() => storeReferral(store, fresh, deps.consumerDomains));
      throw new AppError(
        'conflict',
        `Referral ${referralId} was changed in Partner Center meanwhile (now ${fresh.status ?? '?'}/${fresh.substatus ?? '?'}); nothing was changed. Look at the fresh copy and decide again.`,
        { referral: referralDetail(store.referrals.get(referralId)!) },
      );
    }
    throw err;
  }
  const stored = store.transaction(() => storeReferral(store, updated, deps.consumerDomains));
  return { referral: store.referrals.get(referralId)!, createdLead: stored.createdLead };
}
