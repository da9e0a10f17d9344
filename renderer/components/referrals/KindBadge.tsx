import { Badge, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ReferralKind } from '../../../shared/referrals';

const COLORS: Record<ReferralKind, string> = {
  'co-sell': 'blue',
  marketplace: 'teal',
  'solution-provider': 'orange',
  other: 'gray',
};

/** A referral's kind, short in the badge and spelled out on hover; `count` adds "+N" when a lead has several. */
export function KindBadge({ kind, count }: { kind: ReferralKind; count?: number }) {
  const { t } = useTranslation();
  return (
    <Tooltip label={t(`referrals.kinds.${kind}`)} withinPortal>
      <Badge size="sm" variant="light" color={COLORS[kind]} className="kind-badge" data-kind={kind}>
        {t(`referrals.kindShort.${kind}`)}
        {count && count > 1 ? ` +${count - 1}` : ''}
      </Badge>
    </Tooltip>
  );
}
