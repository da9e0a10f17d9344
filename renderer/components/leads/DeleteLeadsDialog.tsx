import { Button, Group, Modal, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n';

/** Asks before a delete, naming the lead (or how many): a delete cannot be undone, an archive can. */
export function DeleteLeadsDialog({
  opened,
  count,
  name,
  pending,
  onCancel,
  onConfirm,
}: {
  opened: boolean;
  count: number;
  /** the lead's display form when there is one */
  name?: string;
  pending: boolean;
  onCancel: () => void;
  onConfirm: () => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const title =
    count === 1 && name
      ? t('leadLife.confirmOne', { domain: name })
      : t('leadLife.confirmCount', { count, formatted: format.integer(count) });
  return (
    <Modal opened={opened} onClose={onCancel} title={title} centered data-testid="delete-dialog">
      <Text size="sm">{t('leadLife.confirmBody', { count })}</Text>
      <Group justify="flex-end" mt="md" gap="xs">
        <Button variant="default" onClick={onCancel} data-autofocus data-testid="delete-cancel">
          {t('leadLife.cancel')}
        </Button>
        <Button color="red" onClick={onConfirm} loading={pending} data-testid="delete-confirm">
          {t('leadLife.delete')}
        </Button>
      </Group>
    </Modal>
  );
}
