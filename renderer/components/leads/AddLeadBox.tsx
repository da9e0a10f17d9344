import { useState } from 'react';
import { Button, Group, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/api';
import { useApiAction } from '../../api/hooks';
import { useErrorText } from '../../i18n';
import { useScanningLeads } from '../../state/scanning-leads';
import { useSession } from '../../state/ui-store';

/** One domain (or URL / e-mail address) at a time; main normalises it and says why when it cannot. */
export function AddLeadBox() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const openDetail = useSession((state) => state.openDetail);
  const [value, setValue] = useState('');
  const [notice, setNotice] = useState<string | null>(null);
  const add = useApiAction((input: string) => api.invoke('leads.add', { input }));
  // a new lead is scanned at once, so its row fills in without a second click; its failure is the row's status
  const scan = useApiAction(async (domain: string) => {
    const scanning = useScanningLeads.getState();
    scanning.start(domain);
    try {
      const lead = await api.invoke('scan.one', { domain });
      scanning.stored(domain);
      return lead;
    } catch (err) {
      scanning.forget(domain);
      throw err;
    }
  });

  async function submit() {
    if (!value.trim()) return;
    const result = await add.run(value.trim());
    if (!result) return;
    setValue('');
    openDetail(result.domain);
    if (!result.created) {
      setNotice(t('addLead.exists', { domain: result.domain }));
      return;
    }
    setNotice(t('leadLife.addedScanning', { domain: result.domain }));
    const scanned = await scan.run(result.domain);
    // a newer add or a typed character replaced the notice meanwhile: leave that one
    setNotice((current) =>
      current === t('leadLife.addedScanning', { domain: result.domain })
        ? t(scanned ? 'leadLife.addedScanned' : 'addLead.added', { domain: result.domain })
        : current,
    );
  }

  return (
    <form
      className="add-lead"
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <Group gap={4} wrap="nowrap" align="flex-start">
        <TextInput
          size="xs"
          className="add-lead-input"
          aria-label={t('addLead.label')}
          placeholder={t('addLead.placeholder')}
          value={value}
          onChange={(event) => {
            setValue(event.currentTarget.value);
            add.clearError();
            scan.clearError();
            setNotice(null);
          }}
          error={add.error ? errorText(add.error) : scan.error ? errorText(scan.error) : undefined}
          description={notice ?? undefined}
          inputWrapperOrder={['input', 'error', 'description']}
          data-testid="add-lead-input"
        />
        <Button size="xs" type="submit" loading={add.pending} variant="light" data-testid="add-lead-submit">
          {t('addLead.submit')}
        </Button>
      </Group>
    </form>
  );
}
