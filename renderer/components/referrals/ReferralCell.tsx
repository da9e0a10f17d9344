import { UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { REFERRAL_KINDS } from '../../../shared/referrals';
import type { ReferralKind } from '../../../shared/referrals';
import type { LeadRow } from '../../../shared/leads';
import { useSession } from '../../state/ui-store';
import { KindBadge, kindBadgeText } from './KindBadge';

/** The grid's referral cell: the latest referral's kind (+N when there are several); a click opens its detail. */
export function ReferralCell({ row }: { row: LeadRow }) {
  const { t } = useTranslation();
  const openReferral = useSession((state) => state.openReferral);
  if (!row.referral_count || !row.referral_id) return null;
  const kind = (REFERRAL_KINDS as readonly string[]).includes(row.referral_type ?? '')
    ? (row.referral_type as ReferralKind)
    : 'other';
  return (
    <UnstyledButton
      className="referral-cell"
      aria-label={`${kindBadgeText(t, kind, row.referral_count)}: ${t('referrals.open', { domain: row.domain_display })}`}
      data-testid={`referral-cell-${row.domain}`}
      onClick={(event) => {
        // the row's own click opens the lead panel
        event.stopPropagation();
        openReferral(row.referral_id);
      }}
    >
      <KindBadge kind={kind} count={row.referral_count} />
    </UnstyledButton>
  );
}
