import { useState } from 'react';
import { Button, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { LeadQuery } from '../../../shared/leads';
import { isActive, scanActions, useScanJob } from '../../api/scan-job';
import { useErrorText, useFormat } from '../../i18n';
import { usePrefs, useSession } from '../../state/ui-store';
import { D365PushButton } from '../dynamics/D365PushButton';
import { DeleteLeadsDialog } from './DeleteLeadsDialog';
import { ExportMenu } from './ExportMenu';
import { useLeadLifecycle } from './use-lead-lifecycle';

/** Bulk actions on hand-picked leads: main gets the domain list and does the work like for a filtered view. */
export function SelectionBar() {
  const { t } = useTranslation();
  const format = useFormat();
  const errorText = useErrorText();
  const selected = useSession((state) => state.selected);
  const clear = useSession((state) => state.clearSelection);
  const { job, pending } = useScanJob();
  // the archive view offers restoring what it shows
  const showingArchived = usePrefs((state) => state.filters.archived);
  const { archive, remove } = useLeadLifecycle();
  const [confirmDelete, setConfirmDelete] = useState(false);
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
      <Button
        size="compact-sm"
        variant="default"
        loading={archive.pending}
        onClick={() => void archive.run({ domains }, !showingArchived).then((done) => done && clear())}
        data-testid={showingArchived ? 'restore-selected' : 'archive-selected'}
      >
        {t(showingArchived ? 'leadLife.restore' : 'leadLife.archive')}
      </Button>
      <Button
        size="compact-sm"
        variant="subtle"
        color="red"
        onClick={() => setConfirmDelete(true)}
        data-testid="delete-selected"
      >
        {t('leadLife.delete')}
      </Button>
      <DeleteLeadsDialog
        opened={confirmDelete}
        count={domains.length}
        name={domains.length === 1 ? domains[0] : undefined}
        pending={remove.pending}
        onCancel={() => setConfirmDelete(false)}
        onConfirm={() =>
          void remove.run({ domains }).then((done) => {
            setConfirmDelete(false);
            if (done) clear();
          })
        }
      />
      <Button size="compact-sm" variant="subtle" onClick={clear} data-testid="selection-clear">
        {t('selection.clear')}
      </Button>
      {(archive.error ?? remove.error) && (
        <Text size="xs" className="text-bad" role="alert">
          {errorText((archive.error ?? remove.error)!)}
        </Text>
      )}
    </Group>
  );
}
