import { Badge, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../api/hooks';
import { useFormat } from '../../i18n';
import { useFlags } from '../../state/flags-context';

/** What the retired CRM-lite held for this lead: read-only, labelled legacy, gone once CRM-lite is removed. */
export function LegacyNotes({ domain }: { domain: string }) {
  const { isOn, flags } = useFlags();
  const removed = flags.length === 0 || isOn('crm_lite_removed');
  const data = useApiQuery('legacy.lead', removed ? null : { domain }).data;
  if (removed || !data || (data.notes.length === 0 && data.tags.length === 0 && !data.favorite)) return null;
  return <LegacyList notes={data.notes} tags={data.tags.map((t) => t.tag)} favorite={data.favorite} />;
}

function LegacyList(props: {
  notes: { id: number; note: string; created_at: string }[];
  tags: string[];
  favorite: boolean;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <section className="legacy-notes" aria-label={t('legacy.onLead')} data-testid="legacy-notes">
      <Group gap="xs" mb={6}>
        <Text size="sm" fw={600}>
          {t('legacy.onLead')}
        </Text>
        <Badge size="xs" variant="outline" color="gray">
          {t('legacy.badge')}
        </Badge>
        {props.favorite && (
          <Badge size="xs" variant="light" color="yellow">
            {t('legacy.favorite')}
          </Badge>
        )}
        {props.tags.map((tag) => (
          <Badge key={tag} size="xs" variant="light" color="gray">
            {tag}
          </Badge>
        ))}
      </Group>
      <Stack gap={6}>
        {props.notes.map((note) => (
          <div key={note.id}>
            <Text size="xs" c="dimmed">
              {format.dateTime(note.created_at)}
            </Text>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {note.note}
            </Text>
          </div>
        ))}
      </Stack>
      <Text size="xs" c="dimmed" mt={6}>
        {t('legacy.readOnlyHint')}
      </Text>
    </section>
  );
}
