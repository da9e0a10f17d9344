import { Paper, Text } from '@mantine/core';
import type { ReactNode } from 'react';

/** A titled panel for a chart or a small table of figures (Overview, Operations). */
export function ChartCard({ title, children, testId }: { title: string; children: ReactNode; testId: string }) {
  return (
    <Paper withBorder p="md" className="chart-card" data-testid={testId}>
      <Text component="h2" className="section-title" mb="sm">
        {title}
      </Text>
      {children}
    </Paper>
  );
}
