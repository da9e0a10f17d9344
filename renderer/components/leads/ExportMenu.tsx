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

/** Exports exactly what the grid shows (current filters and sort), built by main in CSV or XLSX. */
export function ExportMenu({ query }: { query: LeadQuery }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const exporter = useApiAction(async (format: 'csv' | 'xlsx') => {
    const file = await api.invoke('export.leads', { query, format });
    downloadBase64(file.file_name, file.content_base64, MIME[format]);
  });

  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button
          size="xs"
          variant="default"
          loading={exporter.pending}
          color={exporter.error ? 'red' : undefined}
          title={exporter.error ? errorText(exporter.error) : undefined}
          data-testid="export-menu"
        >
          {t('toolbar.export')} ▾
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{t('export.filtered')}</Menu.Label>
        <Menu.Item onClick={() => void exporter.run('csv')} data-testid="export-csv">CSV</Menu.Item>
        <Menu.Item onClick={() => void exporter.run('xlsx')} data-testid="export-xlsx">Excel (XLSX)</Menu.Item>
        {exporter.error && <Menu.Label className="text-bad">{errorText(exporter.error)}</Menu.Label>}
      </Menu.Dropdown>
    </Menu>
  );
}
