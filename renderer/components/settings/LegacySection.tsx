import { TitledPanel } from '../TitledPanel';
import { useRef } from 'react';
import { Button, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/api';
import { readFileAsBase64 } from '../../api/files';
import { useApiAction, useApiQuery, useHunterEvent } from '../../api/hooks';
import { useErrorText, useFormat } from '../../i18n';

/** Importing the previous Hunter's notes, tags and favourites; after the hard cut, where their export went. */
export function LegacySection() {
  const { t } = useTranslation();
  const format = useFormat();
  const errorText = useErrorText();
  const input = useRef<HTMLInputElement>(null);
  const status = useApiQuery('legacy.status', {});
  useHunterEvent('flags.changed', status.reload);
  const importFile = useApiAction(async (file: File) => {
    const result = await api.invoke('legacy.import', {
      file_name: file.name,
      content_base64: await readFileAsBase64(file),
    });
    status.reload();
    return result;
  });
  // the rows at fault, named in the user's language (main's message is English)
  const badFileText = (details: unknown) => {
    const problems = (details as { problems?: { kind: string; row: number }[] } | undefined)?.problems ?? [];
    const rows = problems
      .slice(0, 10)
      .map((p) => t('legacy.row', { kind: t(`legacy.kinds.${p.kind}`), row: p.row }))
      .join(', ');
    return rows ? `${t('legacy.badFile')} ${t('legacy.badRows', { rows })}` : t('legacy.badFile');
  };
  const s = status.data;
  const gone = s?.removed || s?.dropped;
  return (
    <TitledPanel title={t('legacy.title')} testId="settings-legacy">
      {s && (
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            {gone ? t('legacy.removedHint') : t('legacy.importHint')}
          </Text>
          {s.export_file && (
            <Text size="xs" data-testid="legacy-export-file">
              {t('legacy.exportedTo', { file: s.export_file })}
            </Text>
          )}
          {!gone && (
            <Group gap="sm">
              <input
                ref={input}
                type="file"
                accept=".json,.csv"
                hidden
                data-testid="legacy-file"
                onChange={(event) => {
                  const file = event.currentTarget.files?.[0];
                  event.currentTarget.value = '';
                  if (file) void importFile.run(file);
                }}
              />
              <Button variant="default" onClick={() => input.current?.click()} loading={importFile.pending}>
                {t('legacy.import')}
              </Button>
              <Text size="xs" c="dimmed" data-testid="legacy-counts">
                {t('legacy.counts', {
                  notes: format.integer(s.counts.notes),
                  tags: format.integer(s.counts.tags),
                  favorites: format.integer(s.counts.favorites),
                })}
              </Text>
            </Group>
          )}
        </Stack>
      )}
      {importFile.error && (
        <Text size="sm" className="text-bad" role="alert" data-testid="legacy-import-error">
          {importFile.error.code === 'bad_file' ? badFileText(importFile.error.details) : errorText(importFile.error)}
        </Text>
      )}
    </TitledPanel>
  );
}
