import { Button, Checkbox, Popover, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { usePrefs } from '../../state/ui-store';
import { COLUMNS } from '../grid/columns';

/**
 * Column visibility (persisted); the domain column always stays so a row is never anonymous. A sparse column is
 * shown only while the list has data for it, which its description says.
 */
export function ColumnMenu() {
  const { t } = useTranslation();
  const hidden = usePrefs((state) => state.hiddenColumns);
  const toggle = usePrefs((state) => state.toggleColumn);
  return (
    <Popover position="bottom-end" withinPortal shadow="md">
      <Popover.Target>
        <Button size="xs" variant="default" data-testid="column-menu">
          {t('toolbar.columns')} ▾
        </Button>
      </Popover.Target>
      <Popover.Dropdown>
        <Stack gap={6}>
          {COLUMNS.filter((column) => column.id !== 'domain').map((column) => (
            <Checkbox
              key={column.id}
              size="xs"
              label={t(`grid.columns.${column.id}`)}
              description={column.hideWhenEmpty ? t('grid.whenData') : undefined}
              checked={!hidden.includes(column.id)}
              onChange={() => toggle(column.id)}
            />
          ))}
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}
