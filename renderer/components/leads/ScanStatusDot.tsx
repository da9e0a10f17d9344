import { useEffect } from 'react';
import type { ScanStatus } from '../../../shared/domain';
import { useScanningLeads } from '../../state/scanning-leads';
import type { Translate } from '../LeadBadges';

/** A row's scan state: its stored status, or "scanning" while a scan the rep just asked for runs. */
export function ScanStatusDot({ domain, status, t }: { domain: string; status: ScanStatus; t: Translate }) {
  const phase = useScanningLeads((state) => state.phases.get(domain));
  const forget = useScanningLeads((state) => state.forget);
  // a hand-added lead is new, so "pending" here is the row read before its scan was stored
  const scanning = phase === 'scanning' || (phase === 'stored' && status === 'pending');
  useEffect(() => {
    if (phase === 'stored' && status !== 'pending') forget(domain);
  }, [phase, status, domain, forget]);
  return (
    <span
      className="status-dot"
      data-status={scanning ? 'scanning' : status}
      title={scanning ? t('leadLife.scanning') : t(`scanStatus.${status}`)}
      aria-hidden="true"
    />
  );
}
