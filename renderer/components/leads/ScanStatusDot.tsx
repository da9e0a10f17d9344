import type { ScanStatus } from '../../../shared/domain';
import { useScanningLeads } from '../../state/scanning-leads';
import type { Translate } from '../LeadBadges';

/** A row's scan state: its stored status, or "scanning" while a scan the rep just asked for runs. */
export function ScanStatusDot({ domain, status, t }: { domain: string; status: ScanStatus; t: Translate }) {
  const scanning = useScanningLeads((state) => state.domains.has(domain));
  return (
    <span
      className="status-dot"
      data-status={scanning ? 'scanning' : status}
      title={scanning ? t('leadLife.scanning') : t(`scanStatus.${status}`)}
      aria-hidden="true"
    />
  );
}
