import { Paper, Text } from '@mantine/core';
import type { ReactNode } from 'react';

/** A bordered panel under its section title: the settings sections, and the charts and figure tables of Overview and Operations. */
export function TitledPanel({
  title,
  children,
  testId,
  className,
  brandTitle,
}: {
  title: ReactNode;
  children: ReactNode;
  testId?: string;
  className?: string;
  /** a product name as the title keeps its own spelling (no Turkish upper-casing: DYNAMİCS) */
  brandTitle?: boolean;
}) {
  return (
    <Paper withBorder p="md" className={className} data-testid={testId}>
      <Text component="h2" className={brandTitle ? 'section-title brand-title' : 'section-title'} mb="sm">
        {title}
      </Text>
      {children}
    </Paper>
  );
}
