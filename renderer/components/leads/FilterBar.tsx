// Quick filters. Option lists come from what the server reports (stats) or rows already seen, because
// the contract has no "list all flags/tags" channel. Memoised: a sort click must not re-render six comboboxes.
import { Autocomplete, Button, Group, MultiSelect, RangeSlider, Select, Text } from '@mantine/core';
import { memo, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PRIORITY_CATEGORIES, SEGMENTS } from '../../../shared/domain';
import type { PriorityCategory, Segment } from '../../../shared/domain';
import { activeFilterCount, usePrefs } from '../../state/ui-store';

const EXPIRY_WINDOWS = [30, 60, 90];

interface Props {
  providers: string[];
  /** suggestions are gathered when a box gets focus, not on every render */
  suggest: (field: 'risk_flags' | 'tags') => string[];
}

export const FilterBar = memo(function FilterBar({ providers, suggest }: Props) {
  const { t } = useTranslation();
  const filters = usePrefs((state) => state.filters);
  const setFilter = usePrefs((state) => state.setFilter);
  const resetFilters = usePrefs((state) => state.resetFilters);
  // the slider moves locally and only queries when released
  const [range, setRange] = useState<[number, number]>(filters.scoreRange);
  useEffect(() => setRange(filters.scoreRange), [filters.scoreRange]);
  const active = activeFilterCount(filters);

  return (
    <Group gap="xs" className="filter-bar" wrap="wrap" data-testid="filter-bar">
      <MultiSelect
        size="xs"
        className="filter-multi"
        aria-label={t('filters.provider')}
        placeholder={filters.providers.length ? undefined : t('filters.provider')}
        data={[...new Set([...providers, ...filters.providers])]}
        value={filters.providers}
        onChange={(value) => setFilter('providers', value)}
        clearable
        data-testid="filter-provider"
      />
      <MultiSelect
        size="xs"
        className="filter-multi"
        aria-label={t('filters.segment')}
        placeholder={filters.segments.length ? undefined : t('filters.segment')}
        data={SEGMENTS.map((segment) => ({ value: segment, label: t(`segments.${segment}`) }))}
        value={filters.segments}
        onChange={(value) => setFilter('segments', value as Segment[])}
        clearable
        data-testid="filter-segment"
      />
      <MultiSelect
        size="xs"
        className="filter-multi"
        aria-label={t('filters.category')}
        placeholder={filters.categories.length ? undefined : t('filters.category')}
        data={[...PRIORITY_CATEGORIES]}
        value={filters.categories}
        onChange={(value) => setFilter('categories', value as PriorityCategory[])}
        clearable
        data-testid="filter-category"
      />
      <Group gap={6} wrap="nowrap" className="filter-score">
        <Text size="xs" c="dimmed" component="span" id="score-range-label">
          {t('filters.score')}
        </Text>
        <RangeSlider
          size="sm"
          w={120}
          min={0}
          max={100}
          step={5}
          minRange={0}
          value={range}
          onChange={setRange}
          onChangeEnd={(value) => setFilter('scoreRange', value)}
          label={null}
          thumbFromLabel={t('filters.scoreMin')}
          thumbToLabel={t('filters.scoreMax')}
          data-testid="filter-score"
        />
        <Text size="xs" className="num" w={44} aria-hidden="true">
          {range[0]}–{range[1]}
        </Text>
      </Group>
      <FilterAutocomplete width={140} label={t('filters.riskFlag')} suggest={() => suggest('risk_flags')} value={filters.riskFlag} onCommit={(value) => setFilter('riskFlag', value)} testId="filter-risk" />
      <FilterAutocomplete width={130} label={t('filters.tag')} suggest={() => suggest('tags')} value={filters.tag} onCommit={(value) => setFilter('tag', value)} testId="filter-tag" />
      <Select
        size="xs"
        w={150}
        aria-label={t('filters.expiring')}
        placeholder={t('filters.expiring')}
        data={EXPIRY_WINDOWS.map((days) => ({ value: String(days), label: t('filters.expiringWithin', { days }) }))}
        value={filters.expiringWithinDays ? String(filters.expiringWithinDays) : null}
        onChange={(value) => setFilter('expiringWithinDays', value ? Number(value) : null)}
        clearable
        data-testid="filter-expiring"
      />
      {active > 0 && (
        <Button size="compact-xs" variant="subtle" onClick={resetFilters} data-testid="filter-reset">
          {t('filters.reset', { count: active })}
        </Button>
      )}
    </Group>
  );
});

interface FilterAutocompleteProps {
  width: number;
  label: string;
  suggest: () => string[];
  value: string | null;
  onCommit: (value: string | null) => void;
  testId: string;
}

/** Free text with suggestions; queries only on pick, Enter or blur, not on every keystroke. */
function FilterAutocomplete({ width, label, suggest, value, onCommit, testId }: FilterAutocompleteProps) {
  const [text, setText] = useState(value ?? '');
  const [options, setOptions] = useState<string[]>([]);
  useEffect(() => setText(value ?? ''), [value]);
  const commit = (next: string) => {
    const trimmed = next.trim() || null;
    if (trimmed !== value) onCommit(trimmed);
  };
  return (
    <Autocomplete
      size="xs"
      w={width}
      aria-label={label}
      placeholder={label}
      data={options}
      value={text}
      onChange={(next) => {
        setText(next);
        if (!next) commit(''); // the clear gesture applies at once
      }}
      onOptionSubmit={commit}
      onFocus={() => setOptions(suggest())}
      onBlur={() => commit(text)}
      onKeyDown={(event) => event.key === 'Enter' && commit(text)}
      data-testid={testId}
    />
  );
}
