import { useState } from 'react';
import type { ReactNode } from 'react';
import { Button, Group, Text } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { useApiQuery, useLeadsChanged } from '../api/hooks';
import { useLeadPages, useLeadPagesStore, useLeadTotal } from '../api/lead-pages';
import type { LeadPagesStore } from '../api/lead-pages';
import { useFormat } from '../i18n';
import { activeFilterCount, currentLeadQuery, usePrefs, useSession } from '../state/ui-store';
import { LeadsGrid } from '../components/grid/LeadsGrid';
import { SearchBox } from '../components/leads/SearchBox';
import { FilterBar } from '../components/leads/FilterBar';
import { AddLeadBox } from '../components/leads/AddLeadBox';
import { ImportDialog } from '../components/leads/ImportDialog';
import { ExportMenu } from '../components/leads/ExportMenu';
import { ColumnMenu } from '../components/leads/ColumnMenu';
import { SelectionBar } from '../components/leads/SelectionBar';
import { LeadNoticeToast } from '../components/leads/LeadNoticeToast';
import { ScanButtons } from '../components/leads/ScanButtons';
import { LeadDetailPanel } from '../components/detail/LeadDetailPanel';
import { ErrorBoundary } from '../components/ErrorBoundary';
import { EmptyState } from '../components/EmptyState';
import { ErrorNotice } from '../components/ErrorNotice';

// The screen itself reads neither the sort nor the rows: a sort click or an arriving window re-renders only
// the grid and the parts showing the total, not the toolbar, filter bar and their Mantine inputs.
export function LeadsScreen() {
  const { t } = useTranslation();
  const openDomain = useSession((state) => state.openDomain);
  const openDetail = useSession((state) => state.openDetail);
  const [importOpen, setImportOpen] = useState(false);
  const openedFile = useSession((state) => state.openedFiles[0] ?? null);
  const dropOpenedFile = useSession((state) => state.dropOpenedFile);

  const pages = useLeadPagesStore();
  const stats = useApiQuery('leads.stats', {});
  useLeadsChanged(stats.reload, 3000);

  // Escape inside a dialog or a menu closes only that, not the lead the rep is looking at behind it
  useHotkeys([
    [
      'Escape',
      (event) => {
        if (!(event.target instanceof Element && event.target.closest('[role="dialog"], [role="menu"]')))
          openDetail(null);
      },
    ],
  ]);

  const empty = <GridEmpty onImport={() => setImportOpen(true)} />;

  return (
    <div className="leads-screen">
      <Group className="toolbar" justify="space-between" wrap="nowrap" align="flex-start">
        <Group gap="xs" wrap="nowrap" align="flex-start" className="toolbar-main">
          <SearchBox />
          <AddLeadBox />
          <Button size="xs" variant="default" onClick={() => setImportOpen(true)} data-testid="import-open">
            {t('toolbar.import')}
          </Button>
        </Group>
        <Group gap="xs" wrap="nowrap" className="toolbar-actions">
          <ScanButtons pages={pages} />
          <ExportMenu getQuery={currentLeadQuery} label={t('export.filtered')} testIdPrefix="export" />
          <ColumnMenu />
        </Group>
      </Group>
      <FilterBar stats={stats.data} />
      <SelectionBar />
      <LeadNoticeToast />
      <div className="leads-body">
        <div className="grid-column">
          <GridArea store={pages} empty={empty} />
          <Group className="grid-footer" justify="space-between">
            <LeadTotal store={pages} />
            <Text size="xs" c="dimmed" className="shortcut-hint">
              {t('grid.shortcuts')}
            </Text>
          </Group>
        </div>
        {openDomain && (
          <ErrorBoundary key={openDomain} area="detail" className="detail-panel" onClose={() => openDetail(null)}>
            <LeadDetailPanel domain={openDomain} onClose={() => openDetail(null)} />
          </ErrorBoundary>
        )}
      </div>
      <ErrorBoundary area="import-dialog">
        <ImportDialog
          key={openedFile ? `opened-${openedFile.file_name}` : 'picked'}
          opened={importOpen || openedFile !== null}
          initialFile={openedFile}
          onClose={() => {
            setImportOpen(false);
            if (openedFile) dropOpenedFile();
          }}
        />
      </ErrorBoundary>
    </div>
  );
}

/** Reads the filters itself so that the first filter (or a reset) does not re-render the whole screen. */
function GridEmpty({ onImport }: { onImport: () => void }) {
  const { t } = useTranslation();
  const filtered = usePrefs((state) => activeFilterCount(state.filters) > 0);
  const resetFilters = usePrefs((state) => state.resetFilters);
  return filtered ? (
    <EmptyState
      title={t('grid.noMatches')}
      hint={t('grid.noMatchesHint')}
      action={
        <Button size="xs" variant="light" onClick={resetFilters}>
          {t('filters.resetAll')}
        </Button>
      }
      testId="grid-empty-filtered"
    />
  ) : (
    <EmptyState
      title={t('grid.noLeads')}
      hint={t('grid.noLeadsHint')}
      action={
        <Button size="xs" onClick={onImport}>
          {t('toolbar.import')}
        </Button>
      }
      testId="grid-empty"
    />
  );
}

function GridArea({ store, empty }: { store: LeadPagesStore; empty: ReactNode }) {
  const pages = useLeadPages(store);
  return pages.error && pages.total === null ? (
    <ErrorNotice error={pages.error} onRetry={pages.refresh} />
  ) : (
    <LeadsGrid pages={pages} empty={empty} />
  );
}

function LeadTotal({ store }: { store: LeadPagesStore }) {
  const { t } = useTranslation();
  const format = useFormat();
  const total = useLeadTotal(store);
  return (
    <Text size="xs" c="dimmed" data-testid="lead-total" aria-live="polite">
      {total === null ? t('common.loading') : t('grid.total', { count: total, formatted: format.integer(total) })}
    </Text>
  );
}
