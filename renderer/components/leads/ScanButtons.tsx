import { Button, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLeadTotal } from '../../api/lead-pages';
import type { LeadPagesStore } from '../../api/lead-pages';
import { isActive, scanActions, useScanJob } from '../../api/scan-job';
import { currentLeadQuery } from '../../state/ui-store';

/** The only places a bulk scan starts: explicit clicks, never a screen opening. */
export function ScanButtons({ pages }: { pages: LeadPagesStore }) {
  const { t } = useTranslation();
  const { job, pending } = useScanJob();
  const total = useLeadTotal(pages);
  const busy = isActive(job) || job?.state === 'paused';
  // the filters are read on click: following them here would re-render these buttons on every sort
  const rescanFiltered = () => {
    const { sort: _sort, order: _order, ...filterOnly } = currentLeadQuery();
    void scanActions.startQuery(filterOnly);
  };
  return (
    <Group gap={4} wrap="nowrap">
      <Button
        size="xs"
        variant="light"
        disabled={busy}
        loading={pending}
        onClick={() => void scanActions.startQuery({ scanned: 'unscanned' })}
        data-testid="scan-unscanned"
      >
        {t('toolbar.scanUnscanned')}
      </Button>
      <Button
        size="xs"
        variant="light"
        disabled={busy || !total}
        loading={pending}
        onClick={rescanFiltered}
        data-testid="rescan-filtered"
      >
        {t('toolbar.rescanFiltered')}
      </Button>
    </Group>
  );
}
