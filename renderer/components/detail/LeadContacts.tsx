import { Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { LeadRow } from '../../../shared/leads';

/** The contact details an import brought in (city, e-mail, phone), as selectable text; nothing when there are none. */
export function LeadContacts({ lead }: { lead: Pick<LeadRow, 'city' | 'contact_email' | 'contact_phone'> }) {
  const { t } = useTranslation();
  const items = [
    { key: 'city', label: t('import.columns.city'), value: lead.city },
    { key: 'email', label: t('import.columns.email'), value: lead.contact_email },
    { key: 'phone', label: t('import.columns.phone'), value: lead.contact_phone },
  ].filter((item) => item.value);
  if (items.length === 0) return null;
  return (
    <Group gap="md" mt={2} data-testid="lead-contacts">
      {items.map((item) => (
        <Text key={item.key} size="xs" c="dimmed" data-contact={item.key}>
          {item.label}: {item.value}
        </Text>
      ))}
    </Group>
  );
}
