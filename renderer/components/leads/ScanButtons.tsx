import { Button, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { LeadQuery } from '../../../shared/leads';
import { isActive, scanActions, useScanJob } from '../../api/scan-job';

/** The only places a bulk scan starts: explicit clicks, never a screen opening. */
export function ScanButtons({ query, total }: { query: LeadQuery; total: number | null }) {
  const { t } = useTranslation();
  const { job, pending } = useScanJob();
  const busy = isActive(job) || job?.state === 'paused';
  const { sort: _sort, order: _order, ...filterOnly } = query;
  return (
    <Group gap={4} wrap="nowrap">
      <Button size="xs" variant="light" disabled={busy} loading={pending} onClick={() => void scanActions.startQuery({ scanned: 'unscanned' })} data-testid="scan-unscanned">
        {t('toolbar.scanUnscanned')}
      </Button>
      <Button size="xs" variant="light" disabled={busy || !total} loading={pending} onClick={() => void scanActions.startQuery(filterOnly)} data-testid="rescan-filtered">
        {t('toolbar.rescanFiltered')}
      </Button>
    </Group>
  );
}
