import { Anchor, Text } from '@mantine/core';
import type { LeadRow } from '../../../shared/leads';
import { api } from '../../api/api';
import type { Translate } from '../LeadBadges';

const COLORS: Record<string, string> = {
  queued: 'dimmed',
  pushing: 'blue',
  skipped: 'yellow.8',
  error: 'red',
};

/** The grid's D365 cell: not pushed / queued / pushing / pushed (a link to the record) / error (the reason). */
export function D365Status({
  row,
  t,
}: {
  row: Pick<LeadRow, 'domain' | 'd365_sync_status' | 'd365_sync_error'>;
  t: Translate;
}) {
  const status = row.d365_sync_status;
  if (!status)
    return (
      <span className="dimmed" data-testid="d365-status" data-status="none">
        {t('dynamics.status.none')}
      </span>
    );
  if (status === 'pushed')
    return (
      <Anchor
        component="button"
        size="sm"
        data-testid="d365-status"
        data-status="pushed"
        onClick={(event) => {
          event.stopPropagation();
          void api.invoke('dynamics.open', { domain: row.domain });
        }}
      >
        {t('dynamics.status.open')}
      </Anchor>
    );
  return (
    <Text
      size="sm"
      fw={500}
      c={COLORS[status] ?? 'gray'}
      className="truncate"
      title={row.d365_sync_error ?? undefined}
      data-testid="d365-status"
      data-status={status}
    >
      {t(`dynamics.status.${status}`)}
    </Text>
  );
}
