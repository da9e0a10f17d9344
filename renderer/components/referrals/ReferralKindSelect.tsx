import { Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { REFERRAL_KINDS } from '../../../shared/referrals';
import type { ReferralKind } from '../../../shared/referrals';

/** The referral-kind choice, as the grid's filter bar and the Referrals screen both offer it. */
export function ReferralKindSelect(props: {
  value: ReferralKind | null;
  onChange: (kind: ReferralKind | null) => void;
  testId: string;
}) {
  const { t } = useTranslation();
  return (
    <Select
      size="xs"
      w={170}
      aria-label={t('referrals.filterKind')}
      placeholder={t('referrals.filterKind')}
      data={REFERRAL_KINDS.map((value) => ({ value, label: t(`referrals.kinds.${value}`) }))}
      value={props.value}
      onChange={(value) => props.onChange(value as ReferralKind | null)}
      clearable
      data-testid={props.testId}
    />
  );
}
