import { useMemo, useState } from 'react';
import { Button, Group, Text } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { useApiQuery, useLeadsChanged } from '../api/hooks';
import { useLeadPages } from '../api/lead-pages';
import { useFormat } from '../i18n';
import { activeFilterCount, toLeadQuery, usePrefs, useSession } from '../state/ui-store';
import { LeadsGrid } from '../components/grid/LeadsGrid';
import { SearchBox } from '../components/leads/SearchBox';
import { FilterBar } from '../components/leads/FilterBar';
import { AddLeadBox } from '../components/leads/AddLeadBox';
import { ImportDialog } from '../components/leads/ImportDialog';
import { ExportMenu } from '../components/leads/ExportMenu';
import { ColumnMenu } from '../components/leads/ColumnMenu';
import { SelectionBar } from '../components/leads/SelectionBar';
import { ScanButtons } from '../components/leads/ScanButtons';
import { LeadDetailPanel } from '../components/detail/LeadDetailPanel';
import { EmptyState } from '../components/EmptyState';
import { ErrorNotice } from '../components/ErrorNotice';

export function LeadsScreen() {
  const { t } = useTranslation();
  const format = useFormat();
  const filters = usePrefs((state) => state.filters);
  const sort = usePrefs((state) => state.sort);
  const resetFilters = usePrefs((state) => state.resetFilters);
  const openDomain = useSession((state) => state.openDomain);
  const openDetail = useSession((state) => state.openDetail);
  const [importOpen, setImportOpen] = useState(false);

  const query = useMemo(() => toLeadQuery(filters, sort), [filters, sort]);
  const queryKey = JSON.stringify(query);
  const pages = useLeadPages(query);
  const stats = useApiQuery('leads.stats', {});
  useLeadsChanged(stats.reload, 3000);

  useHotkeys([['Escape', () => openDetail(null)]]);

  const filtered = activeFilterCount(filters) > 0;
  const empty = filtered ? (
    <EmptyState
      title={t('grid.noMatches')}
      hint={t('grid.noMatchesHint')}
      action={<Button size="xs" variant="light" onClick={resetFilters}>{t('filters.resetAll')}</Button>}
      testId="grid-empty-filtered"
    />
  ) : (
    <EmptyState
      title={t('grid.noLeads')}
      hint={t('grid.noLeadsHint')}
      action={<Button size="xs" onClick={() => setImportOpen(true)}>{t('toolbar.import')}</Button>}
      testId="grid-empty"
    />
  );

  return (
    <div className="leads-screen">
      <Group className="toolbar" justify="space-between" wrap="nowrap" align="flex-start">
        <Group gap="xs" wrap="nowrap" align="flex-start">
          <SearchBox />
          <AddLeadBox />
          <Button size="xs" variant="default" onClick={() => setImportOpen(true)} data-testid="import-open">
            {t('toolbar.import')}
          </Button>
        </Group>
        <Group gap="xs" wrap="nowrap">
          <ScanButtons query={query} total={pages.total} />
          <ExportMenu query={query} label={t('export.filtered')} testIdPrefix="export" />
          <ColumnMenu />
        </Group>
      </Group>
      <FilterBar stats={stats.data} />
      <SelectionBar />
      <div className="leads-body">
        <div className="grid-column">
          {pages.error && pages.total === null ? (
            <ErrorNotice error={pages.error} onRetry={pages.refresh} />
          ) : (
            <LeadsGrid pages={pages} queryKey={queryKey} empty={empty} />
          )}
          <Group className="grid-footer" justify="space-between">
            <Text size="xs" c="dimmed" data-testid="lead-total" aria-live="polite">
              {pages.total === null ? t('common.loading') : t('grid.total', { count: pages.total, formatted: format.integer(pages.total) })}
            </Text>
            <Text size="xs" c="dimmed" className="shortcut-hint">
              {t('grid.shortcuts')}
            </Text>
          </Group>
        </div>
        {openDomain && <LeadDetailPanel domain={openDomain} onClose={() => openDetail(null)} />}
      </div>
      <ImportDialog opened={importOpen} onClose={() => setImportOpen(false)} />
    </div>
  );
}
