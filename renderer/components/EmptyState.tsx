import { Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';

export function EmptyState({
  title,
  hint,
  action,
  testId,
}: {
  title: string;
  hint?: string;
  action?: ReactNode;
  testId?: string;
}) {
  return (
    <Stack align="center" gap={6} py="xl" className="empty-state" data-testid={testId ?? 'empty-state'}>
      <Text fw={600}>{title}</Text>
      {hint && (
        <Text size="sm" c="dimmed" ta="center" maw={420}>
          {hint}
        </Text>
      )}
      {action}
    </Stack>
  );
}
