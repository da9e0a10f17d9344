import { useState } from 'react';
import { Badge, Button, Code, Collapse, Group, Modal, Stack, Table, TextInput, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { daysToAnswer } from '../../../shared/referrals';
import type { ReferralDetail } from '../../../shared/referrals';
import { api } from '../../api/api';
import { useApiAction, useApiQuery } from '../../api/hooks';
import { useFormat } from '../../i18n';
import { useSession } from '../../state/ui-store';
import { useFlag } from '../../api/use-flag';
import { D365PushButton } from '../dynamics/D365PushButton';
import { ErrorNotice } from '../ErrorNotice';
import { KindBadge } from './KindBadge';

function CopyButton({ value, label, testId }: { value: string | null; label: string; testId: string }) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState(false);
  return (
    <Button
      size="compact-xs"
      variant="default"
      disabled={!value}
      data-testid={testId}
      onClick={async () => {
        if (!value) return;
        await navigator.clipboard.writeText(value);
        setCopied(true);
        setTimeout(() => setCopied(false), 2000);
      }}
    >
      {copied ? t('referrals.detail.copied') : label}
    </Button>
  );
}

/** The referral detail (from the grid, the lead detail and the referrals screen), with copy and answer actions. */
export function ReferralDetailModal() {
  const { t } = useTranslation();
  const id = useSession((state) => state.openReferralId);
  const openReferral = useSession((state) => state.openReferral);
  const query = useApiQuery('referrals.get', id ? { referral_id: id } : null);
  const [fresh, setFresh] = useState<ReferralDetail | null>(null);
  const detail = fresh && fresh.referral_id === id ? fresh : query.data;
  return (
    <Modal
      opened={id !== null}
      onClose={() => {
        setFresh(null);
        openReferral(null);
      }}
      title={detail?.name ?? t('referrals.detail.title')}
      size="lg"
      closeButtonProps={{ 'aria-label': t('common.close') }}
      data-testid="referral-modal"
    >
      {query.error && <ErrorNotice error={query.error} />}
      {detail && <DetailBody detail={detail} onChanged={setFresh} />}
    </Modal>
  );
}

function DetailBody({ detail, onChanged }: { detail: ReferralDetail; onChanged: (d: ReferralDetail) => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [rawOpen, setRawOpen] = useState(false);
  const [reason, setReason] = useState('');
  const answer = useApiAction(async (kind: 'accept' | 'decline') => {
    const next =
      kind === 'accept'
        ? await api.invoke('referrals.accept', { referral_id: detail.referral_id })
        : await api.invoke('referrals.decline', { referral_id: detail.referral_id, reason: reason || undefined });
    onChanged(next);
  });
  const openInPc = useApiAction(() =>
    api.invoke('referrals.open_in_partner_center', { referral_id: detail.referral_id }),
  );
  const conflictCopy = (answer.error?.details as { referral?: ReferralDetail } | undefined)?.referral;
  const days = daysToAnswer(detail, new Date());
  const email = detail.contacts.find((c) => c.email)?.email ?? null;
  const dynamicsOn = useFlag('dynamics');
  const deal = detail.deal_value !== null ? `${detail.deal_value} ${detail.currency ?? ''}`.trim() : null;
  const person = (c: ReferralDetail['contacts'][number]) => [c.first_name, c.last_name].filter(Boolean).join(' ');

  return (
    <Stack gap="sm">
      <Group gap="xs">
        <KindBadge kind={detail.kind} />
        {/* Partner Center's own values, shown as sent: no upper-casing (a Turkish locale would dot the i's) */}
        <Badge variant="outline" size="sm" tt="none">
          {detail.status}/{detail.substatus}
        </Badge>
        <Badge variant="outline" size="sm" color="gray" tt="none">
          {detail.direction}
        </Badge>
        {days !== null && (
          <Badge color={days <= 3 ? 'red.9' : 'yellow.4'} autoContrast size="sm" data-testid="referral-expires">
            {t('referrals.detail.expiresIn', { count: days })}
          </Badge>
        )}
      </Group>
      <Group gap="xs" data-testid="referral-copy-actions">
        <CopyButton value={email} label={t('referrals.detail.copyEmail')} testId="copy-email" />
        <CopyButton value={detail.domain_display} label={t('referrals.detail.copyDomain')} testId="copy-domain" />
        <CopyButton value={deal} label={t('referrals.detail.copyDeal')} testId="copy-deal" />
        <CopyButton value={detail.referral_id} label={t('referrals.detail.copyId')} testId="copy-id" />
        {dynamicsOn && detail.lead_domain ? (
          <D365PushButton domains={[detail.lead_domain]} mode="pipeline" compact />
        ) : (
          <Tooltip label={t('referrals.detail.dynamicsUnavailable')} withinPortal>
            <span>
              <Button size="compact-xs" variant="default" disabled data-testid="send-dynamics">
                {t('referrals.detail.sendDynamics')}
              </Button>
            </span>
          </Tooltip>
        )}
        <Button size="compact-xs" variant="subtle" onClick={() => void openInPc.run()} data-testid="open-in-pc">
          {t('referrals.detail.openInPc')}
        </Button>
      </Group>
      <Table withRowBorders={false} verticalSpacing={2} className="referral-facts">
        <Table.Tbody>
          <Table.Tr>
            <Table.Th>{t('referrals.detail.customer')}</Table.Th>
            <Table.Td>
              {detail.customer_name} {detail.customer_country ? `(${detail.customer_country})` : ''}
            </Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Th>{t('referrals.detail.domain')}</Table.Th>
            <Table.Td>{detail.domain_display ?? t('referrals.detail.noDomain')}</Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Th>{t('referrals.detail.deal')}</Table.Th>
            <Table.Td>
              {detail.deal_value !== null
                ? `${format.integer(detail.deal_value)} ${detail.currency ?? ''}`
                : t('referrals.detail.none')}
            </Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Th>{t('referrals.detail.contacts')}</Table.Th>
            <Table.Td>
              {detail.contacts.length === 0
                ? t('referrals.detail.noContacts')
                : detail.contacts.map((c, i) => (
                    <div key={i}>
                      {person(c)} {c.email && <Code>{c.email}</Code>} {c.phone}
                    </div>
                  ))}
            </Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Th>{t('referrals.detail.team')}</Table.Th>
            <Table.Td>
              {detail.team.map((c, i) => (
                <div key={i}>
                  {person(c)} {c.email}
                </div>
              ))}
            </Table.Td>
          </Table.Tr>
          {detail.notes && (
            <Table.Tr>
              <Table.Th>{t('referrals.detail.notes')}</Table.Th>
              <Table.Td>{detail.notes}</Table.Td>
            </Table.Tr>
          )}
        </Table.Tbody>
      </Table>
      <Button size="compact-xs" variant="subtle" onClick={() => setRawOpen((o) => !o)} data-testid="toggle-raw">
        {rawOpen ? t('referrals.detail.hideRaw') : t('referrals.detail.showRaw')}
      </Button>
      <Collapse in={rawOpen}>
        <Code block className="raw-json">
          {JSON.stringify(detail.raw, null, 2)}
        </Code>
      </Collapse>
      {answer.error && <ErrorNotice error={answer.error} />}
      {conflictCopy && (
        <Button size="compact-xs" variant="light" onClick={() => onChanged(conflictCopy)}>
          {t('referrals.detail.showFresh')}
        </Button>
      )}
      {openInPc.error && <ErrorNotice error={openInPc.error} />}
      {days !== null && (
        <Group gap="xs" align="flex-end" wrap="nowrap" className="sticky-actions referral-actions">
          <Button
            size="xs"
            onClick={() => void answer.run('accept')}
            loading={answer.pending}
            data-testid="referral-accept"
          >
            {t('referrals.detail.accept')}
          </Button>
          <TextInput
            size="xs"
            label={t('referrals.detail.reason')}
            value={reason}
            maxLength={1000}
            onChange={(e) => setReason(e.currentTarget.value)}
          />
          <Button
            size="xs"
            variant="default"
            color="red"
            onClick={() => void answer.run('decline')}
            loading={answer.pending}
            data-testid="referral-decline"
          >
            {t('referrals.detail.decline')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
