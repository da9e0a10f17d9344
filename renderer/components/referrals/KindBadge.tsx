import { Badge, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ReferralKind } from '../../../shared/referrals';

// filled in dark shades: white text on them keeps the contrast the light variants of teal and orange lack
const COLORS: Record<ReferralKind, string> = {
  'co-sell': 'blue.8',
  marketplace: 'teal.9',
  'solution-provider': 'orange.9',
  other: 'gray.7',
};

/** The badge's visible text, also the start of accessible names that mention it. */
export function kindBadgeText(t: (key: string) => string, kind: ReferralKind, count?: number): string {
  return `${t(`referrals.kindShort.${kind}`)}${count && count > 1 ? ` +${count - 1}` : ''}`;
}

/** A referral's kind, short in the badge and spelled out on hover; `count` adds "+N" when a lead has several. */
export function KindBadge({ kind, count }: { kind: ReferralKind; count?: number }) {
  const { t } = useTranslation();
  return (
    <Tooltip label={t(`referrals.kinds.${kind}`)} withinPortal>
      <Badge size="sm" variant="filled" color={COLORS[kind]} className="kind-badge" data-kind={kind}>
        {kindBadgeText(t, kind, count)}
      </Badge>
    </Tooltip>
  );
}
