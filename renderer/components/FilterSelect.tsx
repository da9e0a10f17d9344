import { Select } from '@mantine/core';
import type { SelectProps } from '@mantine/core';

type FilterSelectProps = Omit<SelectProps, 'size' | 'w' | 'aria-label' | 'placeholder' | 'clearable'> & {
  /** the filter's name: its placeholder and its accessible name (a filter row has no visible labels) */
  label: string;
  width: number;
  testId?: string;
};

/** A single-choice filter as every filter row shows it: compact, named by its placeholder, cleared back to "all". */
export function FilterSelect({ label, width, testId, ...props }: FilterSelectProps) {
  return (
    <Select size="xs" w={width} aria-label={label} placeholder={label} clearable data-testid={testId} {...props} />
  );
}
