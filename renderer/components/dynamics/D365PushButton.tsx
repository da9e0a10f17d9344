// "Send to Dynamics 365" for one lead (detail panel) or the selection (bulk): asks Dynamics 365 first whether the
// leads already exist there, and lets the user choose update / create anyway / skip before anything is queued.
import { useState } from 'react';
import { Button, Group, Modal, Radio, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { OnDuplicate, PushMode } from '../../../shared/dynamics';
import { api } from '../../api/api';
import { useApiAction, useHunterEvent } from '../../api/hooks';
import { useFlag } from '../../api/use-flag';
import { D365ErrorNotice } from './D365ErrorNotice';

export function D365PushButton({
  domains,
  compact,
  mode = 'lead',
}: {
  domains: string[];
  compact?: boolean;
  /** pipeline: Account → Contact → Opportunity (a referral with a deal) */
  mode?: PushMode;
}) {
  const { t } = useTranslation();
  const on = useFlag('dynamics');
  const [duplicates, setDuplicates] = useState<{ domain: string; record_url: string }[] | null>(null);
  const [choice, setChoice] = useState<OnDuplicate>('update');
  const [progress, setProgress] = useState<{ total: number; done: Set<string> } | null>(null);
  useHunterEvent('dynamics.changed', ({ domain }) => {
    if (!progress || !domains.includes(domain)) return;
    void api.invoke('leads.get', { domain }).then((lead) => {
      if (lead.d365_sync_status && !['queued', 'pushing'].includes(lead.d365_sync_status))
        setProgress((p) => (p ? { ...p, done: new Set(p.done).add(domain) } : p));
    });
  });
  const push = useApiAction(async (onDuplicate: OnDuplicate) => {
    setDuplicates(null);
    setProgress({ total: domains.length, done: new Set() });
    await api.invoke('dynamics.push', { domains, mode, on_duplicate: onDuplicate });
  });
  const check = useApiAction(async () => {
    // offline (or signed out) the look-up cannot run: the push waits in the outbox, and the sender looks for
    // duplicates itself before its first write, updating what it finds
    const found = await api.invoke('dynamics.duplicates', { domains: domains.slice(0, 200) }).catch(() => []);
    if (found.length > 0) setDuplicates(found);
    else await push.run('update');
  });
  if (!on) return null;
  const busy = check.pending || push.pending;
  return (
    <>
      <Button
        size={compact ? 'compact-sm' : 'xs'}
        variant="default"
        loading={busy}
        onClick={() => void check.run()}
        data-testid="d365-push"
      >
        {t('dynamics.push', { count: domains.length })}
      </Button>
      {progress && (
        <Text size="xs" c="dimmed" data-testid="d365-push-progress">
          {t('dynamics.progress', { done: progress.done.size, total: progress.total })}
        </Text>
      )}
      {(check.error ?? push.error) && <D365ErrorNotice error={(check.error ?? push.error)!} />}
      <Modal
        opened={duplicates !== null}
        onClose={() => setDuplicates(null)}
        title={t('dynamics.duplicates.title')}
        data-testid="d365-duplicates"
      >
        <Stack gap="sm">
          <Text size="sm">{t('dynamics.duplicates.text', { count: duplicates?.length ?? 0 })}</Text>
          <Text size="xs" c="dimmed">
            {duplicates
              ?.slice(0, 5)
              .map((d) => d.domain)
              .join(', ')}
          </Text>
          <Radio.Group value={choice} onChange={(v) => setChoice(v as OnDuplicate)}>
            <Stack gap={6}>
              <Radio value="update" label={t('dynamics.duplicates.update')} data-testid="d365-dup-update" />
              <Radio value="create" label={t('dynamics.duplicates.create')} data-testid="d365-dup-create" />
              <Radio value="skip" label={t('dynamics.duplicates.skip')} data-testid="d365-dup-skip" />
            </Stack>
          </Radio.Group>
          <Group justify="flex-end" className="sticky-actions">
            <Button variant="default" onClick={() => setDuplicates(null)}>
              {t('common.cancel')}
            </Button>
            <Button onClick={() => void push.run(choice)} data-testid="d365-dup-confirm">
              {t('dynamics.duplicates.confirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
