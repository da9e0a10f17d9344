import { useEffect, useState } from 'react';
import type { ReferralSyncStatus } from '../../shared/referrals';
import { useApiQuery, useHunterEvent } from './hooks';

/** The Partner Center sync state as main reports it: the first answer, then every pushed change. */
export function useReferralSyncStatus(enabled: boolean): ReferralSyncStatus | null {
  const initial = useApiQuery('referrals.status', enabled ? {} : null);
  const [status, setStatus] = useState<ReferralSyncStatus | null>(null);
  useEffect(() => {
    if (initial.data) setStatus(initial.data);
  }, [initial.data]);
  useHunterEvent('referrals.sync_status', setStatus);
  return status;
}
