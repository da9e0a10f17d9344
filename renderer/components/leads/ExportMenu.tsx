import { Button, Menu } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { LeadQuery } from '../../../shared/leads';
import { api } from '../../api/api';
import { useApiAction } from '../../api/hooks';
import { downloadBase64 } from '../../api/files';
import { useErrorText } from '../../i18n';

const MIME = {
  csv: 'text/csv;charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

interface Props {
  /** the grid query (filters and sort) or the selection (`domains`), read on click; main builds the file either way */
  getQuery: () => LeadQuery;
  /** what is exported, shown above the formats */
  label: string;
  testIdPrefix: string;
  compact?: boolean;
}

export function ExportMenu({ getQuery, label, testIdPrefix, compact }: Props) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const exporter = useApiAction(async (format: 'csv' | 'xlsx') => {
    const file = await api.invoke('export.leads', { query: getQuery(), format });
    downloadBase64(file.file_name, file.content_base64, MIME[format]);
  });

  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button
          size={compact ? 'compact-sm' : 'xs'}
          variant="default"
          loading={exporter.pending}
          color={exporter.error ? 'red' : undefined}
          title={exporter.error ? errorText(exporter.error) : undefined}
          data-testid={`${testIdPrefix}-menu`}
        >
          {compact ? t('selection.export') : t('toolbar.export')} ▾
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{label}</Menu.Label>
        <Menu.Item onClick={() => void exporter.run('csv')} data-testid={`${testIdPrefix}-csv`}>
          CSV
        </Menu.Item>
        <Menu.Item onClick={() => void exporter.run('xlsx')} data-testid={`${testIdPrefix}-xlsx`}>
          Excel (XLSX)
        </Menu.Item>
        {exporter.error && <Menu.Label className="text-bad">{errorText(exporter.error)}</Menu.Label>}
      </Menu.Dropdown>
    </Menu>
  );
}
