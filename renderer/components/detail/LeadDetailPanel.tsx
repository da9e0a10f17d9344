// Side panel (not modal) so the grid stays usable: arrows keep moving through leads while it is open.
import { useEffect, useRef, useState } from 'react';
import { Badge, Button, CloseButton, Group, Loader, Tabs, Text, Title } from '@mantine/core';
import { useClipboard } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/api';
import { useApiAction, useApiQuery, useHunterEvent } from '../../api/hooks';
import { useErrorText, useFormat } from '../../i18n';
import { EmptyState } from '../EmptyState';
import { ErrorNotice } from '../ErrorNotice';
import { CategoryBadge, ScoreBar, SegmentBadge } from '../LeadBadges';
import { D365PushButton } from '../dynamics/D365PushButton';
import { DeleteLeadsDialog } from '../leads/DeleteLeadsDialog';
import { useLeadLifecycle } from '../leads/use-lead-lifecycle';
import { DnsFacts } from './DnsFacts';
import { LeadContacts } from './LeadContacts';
import { LegacyNotes } from './LegacyNotes';
import { SalesSummaryView } from './SalesSummaryView';
import { ScanHistoryList } from './ScanHistoryList';
import { ScoreBreakdownChart } from './ScoreBreakdownChart';
import { useSession } from '../../state/ui-store';

type Tab = 'summary' | 'score' | 'dns' | 'history';

export function LeadDetailPanel({ domain, onClose }: { domain: string; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const openReferral = useSession((state) => state.openReferral);
  const format = useFormat();
  const errorText = useErrorText();
  const lang = i18n.language === 'en' ? 'en' : 'tr';
  const [tab, setTab] = useState<Tab>('summary');
  const panel = useRef<HTMLElement>(null);
  const header = useRef<HTMLDivElement>(null);
  const [version, setVersion] = useState(0);
  const detail = useApiQuery('leads.get', { domain });
  const summary = useApiQuery('leads.salesSummary', tab === 'summary' ? { domain, lang } : null);
  const copyDomain = useClipboard({ timeout: 1500 });
  const copySummary = useClipboard({ timeout: 1500 });

  const refreshAll = () => {
    detail.reload();
    summary.reload();
    setVersion((value) => value + 1);
  };
  useHunterEvent('leads.changed', ({ domains }) => {
    if (domains.includes(domain)) refreshAll();
  });

  const rescan = useApiAction(() => api.invoke('scan.one', { domain }));
  const copyText = useApiAction(async () => {
    const { text } = await api.invoke('leads.salesSummaryText', { domain, lang });
    copySummary.copy(text);
  });

  const { archive, remove } = useLeadLifecycle();
  const [confirmDelete, setConfirmDelete] = useState(false);
  // the panel is one scroll container: another lead starts at its top
  useEffect(() => {
    panel.current?.scrollTo({ top: 0 });
  }, [domain]);
  // another tab starts at its own top: scrolled past the header, the panel goes back to where the tabs pin
  const showTab = (next: Tab) => {
    setTab(next);
    const element = panel.current;
    const headerHeight = header.current?.offsetHeight ?? 0;
    if (element && element.scrollTop > headerHeight) element.scrollTo({ top: headerHeight });
  };

  const lead = detail.data?.domain === domain ? detail.data : null;
  const target = { domains: [lead?.domain ?? domain], name: lead?.domain_display ?? domain };
  const actionError = rescan.error ?? copyText.error ?? archive.error ?? remove.error;

  return (
    <aside ref={panel} className="detail-panel" aria-label={t('detail.label')} data-testid="lead-detail">
      <div ref={header} className="detail-header">
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <div className="detail-title">
            <Title order={2} className="detail-domain" data-testid="detail-domain">
              {lead?.domain_display ?? domain}
            </Title>
            <Text size="sm" c="dimmed" className="truncate">
              {lead?.company_name ?? '\u00a0'}
            </Text>
            {lead && <LeadContacts lead={lead} />}
          </div>
          <CloseButton aria-label={t('detail.close')} onClick={onClose} data-testid="detail-close" />
        </Group>
        {lead && (
          <Group gap="xs" mt={6} className="detail-verdict">
            <ScoreBar score={lead.readiness_score} />
            <SegmentBadge segment={lead.segment} t={t} />
            <CategoryBadge category={lead.priority_category} t={t} />
            {lead.priority_category && (
              <Text size="xs" c="dimmed" data-testid="detail-category-label">
                {t(`categories.${lead.priority_category}.label`)}
              </Text>
            )}
            {lead.archived_at && (
              <Badge size="sm" variant="light" color="gray" data-testid="detail-archived">
                {t('leadLife.archivedBadge')}
              </Badge>
            )}
            {lead.scanned_at && (
              <Text size="xs" c="dimmed" ml="auto">
                {t('detail.scannedAt', { when: format.relative(lead.scanned_at) })}
              </Text>
            )}
          </Group>
        )}
        <Group gap={6} mt="sm">
          <Button
            size="compact-sm"
            onClick={() => void rescan.run().then((done) => done && refreshAll())}
            loading={rescan.pending}
            data-testid="detail-rescan"
          >
            {t('detail.rescan')}
          </Button>
          <Button
            size="compact-sm"
            variant="default"
            onClick={() => void copyText.run()}
            loading={copyText.pending}
            data-testid="copy-summary"
          >
            {copySummary.copied ? t('common.copied') : t('detail.copySummary')}
          </Button>
          <Button
            size="compact-sm"
            variant="default"
            onClick={() => copyDomain.copy(lead?.domain_display ?? domain)}
            data-testid="copy-domain"
          >
            {copyDomain.copied ? t('common.copied') : t('detail.copyDomain')}
          </Button>
          {lead?.referral_id && (
            <Button
              size="compact-sm"
              variant="light"
              onClick={() => openReferral(lead.referral_id)}
              data-testid="detail-referral"
            >
              {t('referrals.detail.title')}
            </Button>
          )}
          <D365PushButton domains={[lead?.domain ?? domain]} compact />
          {lead && (
            <Button
              size="compact-sm"
              variant="default"
              onClick={() => void archive.run(target, !lead.archived_at)}
              loading={archive.pending}
              data-testid={lead.archived_at ? 'detail-restore' : 'detail-archive'}
            >
              {t(lead.archived_at ? 'leadLife.restore' : 'leadLife.archive')}
            </Button>
          )}
          {lead && (
            <Button
              size="compact-sm"
              variant="subtle"
              color="red"
              onClick={() => setConfirmDelete(true)}
              data-testid="detail-delete"
            >
              {t('leadLife.delete')}
            </Button>
          )}
        </Group>
        <DeleteLeadsDialog
          opened={confirmDelete}
          count={1}
          name={target.name}
          pending={remove.pending}
          onCancel={() => setConfirmDelete(false)}
          onConfirm={() =>
            void remove.run(target).then((result) => {
              setConfirmDelete(false);
              if (result) onClose();
            })
          }
        />
        {actionError && (
          <Text size="xs" className="text-bad" mt={4} role="alert">
            {errorText(actionError)}
          </Text>
        )}
      </div>

      {detail.error && !lead ? (
        <div className="detail-body">
          <ErrorNotice error={detail.error} onRetry={detail.reload} />
        </div>
      ) : !lead ? (
        <Group justify="center" p="xl">
          <Loader size="sm" aria-label={t('common.loading')} />
        </Group>
      ) : (
        <Tabs
          value={tab}
          onChange={(value) => showTab((value as Tab) ?? 'summary')}
          className="detail-tabs"
          keepMounted={false}
        >
          <Tabs.List>
            <Tabs.Tab value="summary" data-testid="tab-summary">
              {t('detail.tabs.summary')}
            </Tabs.Tab>
            <Tabs.Tab value="score" data-testid="tab-score">
              {t('detail.tabs.score')}
            </Tabs.Tab>
            <Tabs.Tab value="dns" data-testid="tab-dns">
              {t('detail.tabs.dns')}
            </Tabs.Tab>
            <Tabs.Tab value="history" data-testid="tab-history">
              {t('detail.tabs.history')}
            </Tabs.Tab>
          </Tabs.List>
          <div className="detail-body">
            <Tabs.Panel value="summary">
              {summary.error ? (
                <ErrorNotice error={summary.error} onRetry={summary.reload} />
              ) : summary.data && (!summary.loading || summary.data.domain === domain) ? (
                <SalesSummaryView summary={summary.data} />
              ) : (
                <Group justify="center" p="lg">
                  <Loader size="sm" aria-label={t('common.loading')} />
                </Group>
              )}
            </Tabs.Panel>
            <Tabs.Panel value="score">
              {lead.breakdown ? (
                <ScoreBreakdownChart breakdown={lead.breakdown} />
              ) : (
                <EmptyState title={t('detail.notScanned')} hint={t('detail.notScannedHint')} />
              )}
            </Tabs.Panel>
            <Tabs.Panel value="dns">
              <DnsFacts lead={lead} />
            </Tabs.Panel>
            <Tabs.Panel value="history">
              <ScanHistoryList domain={domain} version={version} />
              <LegacyNotes domain={domain} />
            </Tabs.Panel>
          </div>
        </Tabs>
      )}
    </aside>
  );
}
