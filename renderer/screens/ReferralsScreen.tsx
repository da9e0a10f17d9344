import { ReferralKindSelect } from '../components/referrals/ReferralKindSelect';
import { FilterSelect } from '../components/FilterSelect';
import { useState } from 'react';
import { Button, Group, Popover, Stack, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { LINK_STATUSES, daysToAnswer } from '../../shared/referrals';
import type { LinkStatus, ReferralKind, ReferralListItem } from '../../shared/referrals';
import { api } from '../api/api';
import { useApiAction, useApiQuery, useHunterEvent } from '../api/hooks';
import { useFormat } from '../i18n';
import { useSession } from '../state/ui-store';
import { KindBadge } from '../components/referrals/KindBadge';
import { EmptyState } from '../components/EmptyState';
import { ErrorNotice } from '../components/ErrorNotice';

const STATUSES = ['New', 'Active', 'Closed'];

/** Every referral, with filters and search; unlinked ones can be linked to a lead (created when missing). */
export function ReferralsScreen() {
  const { t } = useTranslation();
  const format = useFormat();
  const openReferral = useSession((state) => state.openReferral);
  const [kind, setKind] = useState<ReferralKind | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [link, setLink] = useState<LinkStatus | null>(null);
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 300);
  const query = useApiQuery('referrals.list', {
    ...(kind ? { kind } : {}),
    ...(status ? { status } : {}),
    ...(link ? { link } : {}),
    ...(debounced.trim() ? { search: debounced.trim() } : {}),
    limit: 500,
  });
  useHunterEvent('referrals.sync_status', (s) => {
    if (s.state === 'idle') query.reload();
  });

  return (
    <div className="page referrals-screen" data-testid="referrals-screen">
      <Group gap="xs" className="filter-bar" wrap="wrap">
        <TextInput
          size="xs"
          w={220}
          placeholder={t('referrals.search')}
          aria-label={t('referrals.search')}
          value={search}
          maxLength={200}
          onChange={(e) => setSearch(e.currentTarget.value)}
          data-testid="referrals-search"
        />
        <ReferralKindSelect value={kind} onChange={setKind} testId="referrals-filter-kind" />
        <FilterSelect
          label={t('referrals.filterStatus')}
          width={130}
          data={STATUSES}
          value={status}
          onChange={setStatus}
        />
        <FilterSelect
          label={t('referrals.filterLink')}
          width={140}
          data={LINK_STATUSES.map((value) => ({ value, label: t(`referrals.link.${value}`) }))}
          value={link}
          onChange={(v) => setLink(v as LinkStatus | null)}
          testId="referrals-filter-link"
        />
        {query.data && (
          <Text size="xs" c="dimmed">
            {t('referrals.count', { count: query.data.total, formatted: format.integer(query.data.total) })}
          </Text>
        )}
      </Group>
      {query.error && <ErrorNotice error={query.error} onRetry={query.reload} />}
      {query.data && query.data.total === 0 && !kind && !status && !link && !debounced ? (
        <EmptyState title={t('referrals.empty')} hint={t('referrals.emptyHint')} />
      ) : (
        <Table striped highlightOnHover stickyHeader className="referrals-table" data-testid="referrals-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('referrals.columns.customer')}</Table.Th>
              <Table.Th>{t('referrals.columns.kind')}</Table.Th>
              <Table.Th>{t('referrals.columns.status')}</Table.Th>
              <Table.Th>{t('referrals.columns.domain')}</Table.Th>
              <Table.Th>{t('referrals.columns.deal')}</Table.Th>
              <Table.Th>{t('referrals.columns.updated')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(query.data?.rows ?? []).map((r) => (
              <ReferralRow
                key={r.referral_id}
                r={r}
                onOpen={() => openReferral(r.referral_id)}
                onLinked={query.reload}
              />
            ))}
          </Table.Tbody>
        </Table>
      )}
    </div>
  );
}

function ReferralRow({ r, onOpen, onLinked }: { r: ReferralListItem; onOpen: () => void; onLinked: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const days = daysToAnswer(r, new Date());
  return (
    <Table.Tr data-testid={`referral-row-${r.referral_id}`}>
      <Table.Td>
        <Button variant="subtle" size="compact-xs" onClick={onOpen} data-testid="referral-open">
          {r.customer_name ?? r.name ?? r.referral_id}
        </Button>
      </Table.Td>
      <Table.Td>
        <KindBadge kind={r.kind} />
      </Table.Td>
      <Table.Td>
        <Text size="xs">
          {r.status}/{r.substatus} · {r.direction}
        </Text>
        {days !== null && (
          <Text size="xs" c={days <= 3 ? 'red.9' : undefined} fw={600}>
            {t('referrals.detail.expiresIn', { count: days })}
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        {r.lead_domain ? (
          <Text size="xs">{r.domain_display ?? r.lead_domain}</Text>
        ) : (
          <LinkBox referralId={r.referral_id} onLinked={onLinked} />
        )}
      </Table.Td>
      <Table.Td className="num">
        {r.deal_value !== null ? `${format.integer(r.deal_value)} ${r.currency ?? ''}` : ''}
      </Table.Td>
      <Table.Td>{r.updated_at ? format.relative(r.updated_at) : ''}</Table.Td>
      <Table.Td />
    </Table.Tr>
  );
}

/** Links an unlinked referral to a lead by domain; the lead is created when it does not exist yet. */
function LinkBox({ referralId, onLinked }: { referralId: string; onLinked: () => void }) {
  const { t } = useTranslation();
  const [domain, setDomain] = useState('');
  const [opened, setOpened] = useState(false);
  const link = useApiAction(async () => {
    await api.invoke('referrals.link', { referral_id: referralId, domain });
    setOpened(false);
    onLinked();
  });
  return (
    <Popover opened={opened} onChange={setOpened} withinPortal>
      <Popover.Target>
        <Button size="compact-xs" variant="light" onClick={() => setOpened((o) => !o)} data-testid="referral-link">
          {t('referrals.linkToLead')}
        </Button>
      </Popover.Target>
      <Popover.Dropdown>
        <Stack gap={6}>
          <TextInput
            size="xs"
            label={t('referrals.linkDomain')}
            placeholder="firma.com.tr"
            value={domain}
            maxLength={300}
            onChange={(e) => setDomain(e.currentTarget.value)}
            error={link.error ? t(`errors.${link.error.code}`, { defaultValue: t('errors.internal') }) : undefined}
          />
          <Button size="compact-xs" onClick={() => void link.run()} loading={link.pending} disabled={!domain.trim()}>
            {t('referrals.linkSubmit')}
          </Button>
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}
