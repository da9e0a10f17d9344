import { Button, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { LeadQuery } from '../../../shared/leads';
import { isActive, scanActions, useScanJob } from '../../api/scan-job';
import { useFormat } from '../../i18n';
import { usePrefs, useSession } from '../../state/ui-store';
import { D365PushButton } from '../dynamics/D365PushButton';
import { ExportMenu } from './ExportMenu';

/** Bulk actions on hand-picked leads: main gets the domain list and does the work like for a filtered view. */
export function SelectionBar() {
  const { t } = useTranslation();
  const format = useFormat();
  const selected = useSession((state) => state.selected);
  const clear = useSession((state) => state.clearSelection);
  const { job, pending } = useScanJob();
  if (selected.size === 0) return null;
  const domains = [...selected];
  // the sort is read on click so a sort change does not re-render this bar
  const exportQuery = (): LeadQuery => {
    const { sort } = usePrefs.getState();
    return { domains, sort: sort.key, order: sort.order };
  };

  return (
    <Group
      gap="xs"
      className="selection-bar"
      data-testid="selection-bar"
      role="region"
      aria-label={t('selection.label')}
    >
      <Text size="sm" fw={600} data-testid="selection-count">
        {t('selection.count', { count: selected.size, formatted: format.integer(selected.size) })}
      </Text>
      <Button
        size="compact-sm"
        disabled={isActive(job)}
        loading={pending}
        onClick={() => void scanActions.startQuery({ domains })}
        data-testid="rescan-selected"
      >
        {t('selection.rescan')}
      </Button>
      <ExportMenu getQuery={exportQuery} label={t('export.selected')} testIdPrefix="export-selected" compact />
      <D365PushButton domains={domains} compact />
      <Button size="compact-sm" variant="subtle" onClick={clear} data-testid="selection-clear">
        {t('selection.clear')}
      </Button>
    </Group>
  );
}
