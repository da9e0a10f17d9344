// CSV/XLSX import in two steps: preview (detected columns, which rows will be rejected and why), then commit.
import { useEffect, useState } from 'react';
import { Alert, Badge, Button, FileButton, Group, Modal, SegmentedControl, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ImportPreview, ImportResult } from '../../../shared/imports';
import { api } from '../../api/api';
import { useApiAction } from '../../api/hooks';
import { readFileAsBase64 } from '../../api/files';
import { isActive, scanActions, useScanJob } from '../../api/scan-job';
import { useFormat } from '../../i18n';
import { ErrorNotice } from '../ErrorNotice';

/** enough rows to judge the file; the counts above the table cover the rest */
const PREVIEW_ROW_LIMIT = 300;

interface Props {
  opened: boolean;
  onClose: () => void;
  /** a file the OS opened Hunter with: previewed as soon as the dialog opens */
  initialFile?: { file_name: string; content_base64: string } | null;
}

export function ImportDialog({ opened, onClose, initialFile }: Props) {
  const { t } = useTranslation();
  const format = useFormat();
  const [file, setFile] = useState<{ file_name: string; content_base64: string } | null>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [result, setResult] = useState<ImportResult | null>(null);
  const [rowFilter, setRowFilter] = useState<'all' | 'rejected'>('all');
  const scanBusy = useScanJob((state) => isActive(state.job) || state.pending);

  const load = useApiAction(async (picked: File | { file_name: string; content_base64: string }) => {
    const payload =
      picked instanceof File ? { file_name: picked.name, content_base64: await readFileAsBase64(picked) } : picked;
    const answer = await api.invoke('import.preview', payload);
    setFile(payload);
    setPreview(answer);
    setResult(null);
    setRowFilter(answer.rejected > 0 ? 'rejected' : 'all');
  });
  const commit = useApiAction(async () => {
    if (file) setResult(await api.invoke('import.commit', file));
  });

  const run = load.run;
  useEffect(() => {
    if (opened && initialFile) void run(initialFile);
  }, [opened, initialFile, run]);

  function close() {
    setFile(null);
    setPreview(null);
    setResult(null);
    load.clearError();
    commit.clearError();
    onClose();
  }

  const rows = (preview?.rows ?? []).filter((row) => rowFilter === 'all' || row.error).slice(0, PREVIEW_ROW_LIMIT);
  const errorText = (code: string | null, message: string | null) =>
    code ? t(`importErrors.${code}`, { defaultValue: message ?? code }) : '';

  return (
    <Modal
      opened={opened}
      onClose={close}
      title={t('import.title')}
      size="xl"
      closeButtonProps={{ 'aria-label': t('common.close') }}
      data-testid="import-dialog"
    >
      <Stack gap="sm">
        <Group justify="space-between">
          <Text size="sm" c="dimmed">
            {t('import.hint')}
          </Text>
          <FileButton
            onChange={(picked) => picked && void load.run(picked)}
            accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          >
            {(props) => (
              <Button {...props} size="xs" loading={load.pending} data-testid="import-pick">
                {preview ? t('import.pickOther') : t('import.pick')}
              </Button>
            )}
          </FileButton>
        </Group>
        {load.error && <ErrorNotice error={load.error} />}
        {preview && !result && (
          <Stack gap="xs" data-testid="import-preview">
            <Text size="sm" fw={600}>
              {file?.file_name}
            </Text>
            <Group gap="xs">
              {(['domain', 'company', 'email', 'website', 'phone', 'city'] as const).map((kind) => (
                <Badge key={kind} variant="outline" color={preview.columns[kind] ? 'indigo' : 'gray'} tt="none">
                  {t(`import.columns.${kind}`)}: {preview.columns[kind] ?? t('import.notFound')}
                </Badge>
              ))}
            </Group>
            <Group gap="lg" className="num" data-testid="import-counts">
              <Text size="sm">{t('import.total', { value: format.integer(preview.total) })}</Text>
              <Text size="sm" className="text-ok" fw={600}>
                {t('import.valid', { value: format.integer(preview.valid) })}
              </Text>
              <Text size="sm" className="text-bad" fw={600}>
                {t('import.rejected', { value: format.integer(preview.rejected) })}
              </Text>
              <Text size="sm">{t('import.duplicates', { value: format.integer(preview.duplicates) })}</Text>
            </Group>
            <SegmentedControl
              size="xs"
              w="fit-content"
              aria-label={t('import.show')}
              value={rowFilter}
              onChange={(value) => setRowFilter(value as 'all' | 'rejected')}
              data={[
                { value: 'all', label: t('import.showAll') },
                { value: 'rejected', label: t('import.showRejected') },
              ]}
            />
            <div className="import-table">
              <Table striped stickyHeader highlightOnHover fz="xs" verticalSpacing={4}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th className="num">#</Table.Th>
                    <Table.Th>{t('import.input')}</Table.Th>
                    <Table.Th>{t('import.domain')}</Table.Th>
                    <Table.Th>{t('import.company')}</Table.Th>
                    <Table.Th>{t('import.status')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {rows.map((row) => (
                    <Table.Tr
                      key={row.row}
                      data-rejected={row.error ? true : undefined}
                      data-testid={`import-row-${row.row}`}
                    >
                      <Table.Td className="num">{row.row}</Table.Td>
                      <Table.Td className="mono">{row.input}</Table.Td>
                      <Table.Td>{row.domain ?? ''}</Table.Td>
                      <Table.Td>{row.company_name ?? ''}</Table.Td>
                      <Table.Td>
                        {row.error ? (
                          <span className="tone-chip" data-tone="red">
                            {errorText(row.error, row.error_message)}
                          </span>
                        ) : (
                          <span className="tone-chip" data-tone="green">
                            {t('import.ok')}
                          </span>
                        )}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
              {rows.length === 0 && (
                <Text size="sm" c="dimmed" p="sm">
                  {t('import.noRows')}
                </Text>
              )}
            </div>
            {preview.rows.length > PREVIEW_ROW_LIMIT && (
              <Text size="xs" c="dimmed">
                {t('import.truncated', { shown: format.integer(PREVIEW_ROW_LIMIT) })}
              </Text>
            )}
            {commit.error && <ErrorNotice error={commit.error} />}
            <Group justify="flex-end" className="sticky-actions">
              <Button variant="default" onClick={close}>
                {t('common.cancel')}
              </Button>
              <Button
                onClick={() => void commit.run()}
                loading={commit.pending}
                disabled={preview.valid === 0}
                data-testid="import-commit"
              >
                {t('import.commit', { value: format.integer(preview.valid) })}
              </Button>
            </Group>
          </Stack>
        )}
        {result && (
          <Alert color="green" variant="light" data-testid="import-result" title={t('import.doneTitle')}>
            <Text size="sm">
              {t('import.doneText', {
                added: format.integer(result.added),
                updated: format.integer(result.updated),
                rejected: format.integer(result.rejected),
                duplicates: format.integer(result.duplicates),
              })}
            </Text>
            <Group justify="flex-end" mt="sm">
              <Button variant="default" onClick={close}>
                {t('common.close')}
              </Button>
              {result.domains.length > 0 && (
                <Button
                  data-testid="import-scan"
                  disabled={scanBusy}
                  onClick={() => {
                    void scanActions.startDomains(result.domains);
                    close();
                  }}
                >
                  {t('import.scanImported', {
                    count: result.domains.length,
                    formatted: format.integer(result.domains.length),
                  })}
                </Button>
              )}
            </Group>
          </Alert>
        )}
      </Stack>
    </Modal>
  );
}
