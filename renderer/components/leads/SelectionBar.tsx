import { Button, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { LeadRow } from '../../../shared/leads';
import { downloadBlob } from '../../api/files';
import { isActive, scanActions, useScanJob } from '../../api/scan-job';
import { useFormat } from '../../i18n';
import { useSession } from '../../state/ui-store';

const CSV_FIELDS: (keyof LeadRow)[] = ['domain_display', 'company_name', 'provider', 'readiness_score', 'segment', 'priority_category', 'priority_label', 'risk_flags', 'tags', 'expires_at', 'scanned_at'];

/**
 * export.leads only takes a grid query, which cannot name a hand-picked set of domains, so the selection
 * is written here from the rows the user picked (CSV only).
 */
function selectionCsv(rows: LeadRow[]): Blob {
  const cell = (value: unknown) => {
    const text = Array.isArray(value) ? value.join('; ') : value === null || value === undefined ? '' : String(value);
    return /[",\n;]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  const lines = [CSV_FIELDS.join(','), ...rows.map((row) => CSV_FIELDS.map((field) => cell(row[field])).join(','))];
  return new Blob(['\uFEFF', lines.join('\r\n')], { type: 'text/csv;charset=utf-8' }); // BOM: Excel reads UTF-8
}

export function SelectionBar() {
  const { t } = useTranslation();
  const format = useFormat();
  const selected = useSession((state) => state.selected);
  const clear = useSession((state) => state.clearSelection);
  const { job, pending } = useScanJob();
  if (selected.size === 0) return null;
  const rows = [...selected.values()];

  return (
    <Group gap="xs" className="selection-bar" data-testid="selection-bar" role="region" aria-label={t('selection.label')}>
      <Text size="sm" fw={600}>{t('selection.count', { count: selected.size, formatted: format.integer(selected.size) })}</Text>
      <Button size="compact-sm" disabled={isActive(job)} loading={pending} onClick={() => void scanActions.startDomains(rows.map((row) => row.domain))} data-testid="rescan-selected">
        {t('selection.rescan')}
      </Button>
      <Button size="compact-sm" variant="default" onClick={() => downloadBlob('hunter-selected.csv', selectionCsv(rows))} data-testid="export-selected">
        {t('selection.export')}
      </Button>
      <Button size="compact-sm" variant="subtle" onClick={clear}>
        {t('selection.clear')}
      </Button>
    </Group>
  );
}
