// Quick filters. Provider, risk-flag and tag options are what leads.stats reports for the whole database, so
// every choice matches at least one lead. Memoised: a sort click must not re-render six comboboxes.
import { Button, Group, MultiSelect, RangeSlider, Select, Text } from '@mantine/core';
import { memo, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PRIORITY_CATEGORIES, SEGMENTS } from '../../../shared/domain';
import type { PriorityCategory, Segment } from '../../../shared/domain';
import type { LeadStats } from '../../../shared/leads';
import { chipLabel } from '../LeadBadges';
import { activeFilterCount, usePrefs } from '../../state/ui-store';

const EXPIRY_WINDOWS = [30, 60, 90];

export const FilterBar = memo(function FilterBar({ stats }: { stats: LeadStats | null }) {
  const { t } = useTranslation();
  const filters = usePrefs((state) => state.filters);
  const setFilter = usePrefs((state) => state.setFilter);
  const resetFilters = usePrefs((state) => state.resetFilters);
  // the slider moves locally and only queries when released
  const [range, setRange] = useState<[number, number]>(filters.scoreRange);
  useEffect(() => setRange(filters.scoreRange), [filters.scoreRange]);
  const active = activeFilterCount(filters);
  const providers = useMemo(() => (stats?.by_provider ?? []).map((entry) => entry.key), [stats]);
  const options = (entries: { key: string }[] | undefined, kind: 'riskFlags' | 'tags', chosen: string | null) => {
    // a stored filter stays listed even when no lead carries it any more, so the box can show and clear it
    const keys = [...new Set([...(entries ?? []).map((entry) => entry.key), ...(chosen ? [chosen] : [])])];
    return keys.map((key) => ({ value: key, label: chipLabel(t, kind, key) }));
  };

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
      <Select
        size="xs"
        w={170}
        aria-label={t('filters.riskFlag')}
        placeholder={t('filters.riskFlag')}
        data={options(stats?.by_risk_flag, 'riskFlags', filters.riskFlag)}
        value={filters.riskFlag}
        onChange={(value) => setFilter('riskFlag', value)}
        searchable
        clearable
        data-testid="filter-risk"
      />
      <Select
        size="xs"
        w={150}
        aria-label={t('filters.tag')}
        placeholder={t('filters.tag')}
        data={options(stats?.by_tag, 'tags', filters.tag)}
        value={filters.tag}
        onChange={(value) => setFilter('tag', value)}
        searchable
        clearable
        data-testid="filter-tag"
      />
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
