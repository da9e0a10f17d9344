import { FilterSelect } from '../FilterSelect';
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
    <FilterSelect
      label={t('referrals.filterKind')}
      width={170}
      data={REFERRAL_KINDS.map((value) => ({ value, label: t(`referrals.kinds.${value}`) }))}
      value={props.value}
      onChange={(value) => props.onChange(value as ReferralKind | null)}
      testId={props.testId}
    />
  );
}
