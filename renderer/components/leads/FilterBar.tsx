// Quick filters. Provider, risk-flag and tag options are what leads.stats reports for the whole database, so
// every choice matches at least one lead. Memoised: a sort click must not re-render the comboboxes.
import type { Lang } from '../../../shared/lang';
import { providerLabel, useProviderLabels } from '../../api/provider-labels';
import { Button, Group, MultiSelect, RangeSlider, Switch, Text } from '@mantine/core';
import { memo, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PRIORITY_CATEGORIES, SEGMENTS } from '../../../shared/domain';
import { LEAD_SCAN_STATES } from '../../../shared/leads';
import type { LeadScanState, LeadStats } from '../../../shared/leads';
import { useFlag } from '../../api/flags';
import { ReferralKindSelect } from '../referrals/ReferralKindSelect';
import { FilterSelect } from '../FilterSelect';
import { chipLabel } from '../LeadBadges';
import { activeFilterCount, usePrefs } from '../../state/ui-store';

const EXPIRY_WINDOWS = [30, 60, 90];

/**
 * Each control reads only its own filter, so choosing a segment re-renders the segment box (and the reset button),
 * not all seven comboboxes.
 */
export const FilterBar = memo(function FilterBar({ stats }: { stats: LeadStats | null }) {
  const providers = useMemo(() => (stats?.by_provider ?? []).map((entry) => entry.key), [stats]);
  return (
    <Group gap="xs" className="filter-bar" wrap="wrap" data-testid="filter-bar">
      <ProviderFilter known={providers} />
      <SegmentFilter />
      <CategoryFilter />
      <ScoreFilter />
      <ChipFilter kind="riskFlags" field="riskFlag" entries={stats?.by_risk_flag} width={170} testId="filter-risk" />
      <ChipFilter kind="tags" field="tag" entries={stats?.by_tag} width={150} testId="filter-tag" />
      <ExpiryFilter />
      <ReferralKindFilter />
      <ScanStateFilter />
      <ArchivedFilter />
      <ResetFilters />
    </Group>
  );
});

type MultiField = 'providers' | 'segments' | 'categories';

interface MultiFilterProps {
  field: MultiField;
  /** i18n key of the box's label */
  label: string;
  options: { value: string; label: string }[];
  testId: string;
}

/** A multi-choice filter over one of the list-valued filters. */
const MultiFilter = memo(function MultiFilter({ field, label, options, testId }: MultiFilterProps) {
  const { t } = useTranslation();
  const chosen: string[] = usePrefs((state) => state.filters[field]);
  const setFilter = usePrefs((state) => state.setFilter);
  return (
    <MultiSelect
      size="xs"
      className="filter-multi"
      aria-label={t(label)}
      placeholder={chosen.length ? undefined : t(label)}
      data={options}
      value={chosen}
      onChange={(value) => setFilter(field, value as never)}
      clearable
      data-testid={testId}
    />
  );
});

const ProviderFilter = memo(function ProviderFilter({ known }: { known: string[] }) {
  // a chosen provider stays selectable even when the stats no longer list it
  const chosen = usePrefs((state) => state.filters.providers);
  const { i18n } = useTranslation();
  const lang: Lang = i18n.language === 'en' ? 'en' : 'tr';
  const labelsLoaded = useProviderLabels();
  const options = useMemo(
    () => [...new Set([...known, ...chosen])].map((value) => ({ value, label: providerLabel(value, lang) })),
    // labelsLoaded: the labels arrive once, after the first render
    [known, chosen, lang, labelsLoaded],
  );
  return <MultiFilter field="providers" label="filters.provider" options={options} testId="filter-provider" />;
});

function SegmentFilter() {
  const { t } = useTranslation();
  const options = useMemo(() => SEGMENTS.map((segment) => ({ value: segment, label: t(`segments.${segment}`) })), [t]);
  return <MultiFilter field="segments" label="filters.segment" options={options} testId="filter-segment" />;
}

const CATEGORY_OPTIONS = PRIORITY_CATEGORIES.map((category) => ({ value: category, label: category }));

function CategoryFilter() {
  return (
    <MultiFilter field="categories" label="filters.category" options={CATEGORY_OPTIONS} testId="filter-category" />
  );
}

function ScoreFilter() {
  const { t } = useTranslation();
  const stored = usePrefs((state) => state.filters.scoreRange);
  const setFilter = usePrefs((state) => state.setFilter);
  // the slider moves locally and only queries when released
  const [range, setRange] = useState<[number, number]>(stored);
  useEffect(() => setRange(stored), [stored]);
  return (
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
  );
}

interface ChipFilterProps {
  kind: 'riskFlags' | 'tags';
  field: 'riskFlag' | 'tag';
  entries: { key: string }[] | undefined;
  width: number;
  testId: string;
}

/** One risk flag or tag, chosen among those leads.stats found in the database. */
const ChipFilter = memo(function ChipFilter({ kind, field, entries, width, testId }: ChipFilterProps) {
  const { t } = useTranslation();
  const chosen = usePrefs((state) => state.filters[field]);
  const setFilter = usePrefs((state) => state.setFilter);
  const label = t(field === 'riskFlag' ? 'filters.riskFlag' : 'filters.tag');
  // a stored filter stays listed even when no lead carries it any more, so the box can show and clear it
  const keys = [...new Set([...(entries ?? []).map((entry) => entry.key), ...(chosen ? [chosen] : [])])];
  return (
    <FilterSelect
      label={label}
      width={width}
      data={keys.map((key) => ({ value: key, label: chipLabel(t, kind, key) }))}
      value={chosen}
      onChange={(value) => setFilter(field, value)}
      searchable
      testId={testId}
    />
  );
});

function ExpiryFilter() {
  const { t } = useTranslation();
  const days = usePrefs((state) => state.filters.expiringWithinDays);
  const setFilter = usePrefs((state) => state.setFilter);
  return (
    <FilterSelect
      label={t('filters.expiring')}
      width={150}
      data={EXPIRY_WINDOWS.map((window) => ({
        value: String(window),
        label: t('filters.expiringWithin', { days: window }),
      }))}
      value={days ? String(days) : null}
      onChange={(value) => setFilter('expiringWithinDays', value ? Number(value) : null)}
      testId="filter-expiring"
    />
  );
}

/** Only while Partner Center is on: leads with a referral of one kind. */
function ReferralKindFilter() {
  const enabled = useFlag('partner_center');
  const kind = usePrefs((state) => state.filters.referralKind);
  const setFilter = usePrefs((state) => state.setFilter);
  if (!enabled && !kind) return null;
  return (
    <ReferralKindSelect
      value={kind}
      onChange={(value) => setFilter('referralKind', value)}
      testId="filter-referral-kind"
    />
  );
}

/** The latest scan's outcome: failed, partial or never scanned (cleared: all leads). */
function ScanStateFilter() {
  const { t } = useTranslation();
  const state = usePrefs((prefs) => prefs.filters.scanState);
  const setFilter = usePrefs((prefs) => prefs.setFilter);
  const options = useMemo(
    () => LEAD_SCAN_STATES.map((value) => ({ value, label: t(`scanStateFilter.${value}`) })),
    [t],
  );
  return (
    <FilterSelect
      label={t('scanStateFilter.label')}
      width={150}
      data={options}
      value={state}
      onChange={(value) => setFilter('scanState', value as LeadScanState | null)}
      testId="filter-scan-state"
    />
  );
}

/** The archive: archived leads only, to look at, restore or delete them. */
function ArchivedFilter() {
  const { t } = useTranslation();
  const archived = usePrefs((state) => state.filters.archived);
  const setFilter = usePrefs((state) => state.setFilter);
  return (
    <Switch
      size="xs"
      label={t('leadLife.showArchived')}
      checked={archived}
      onChange={(event) => setFilter('archived', event.currentTarget.checked)}
      data-testid="filter-archived"
    />
  );
}

/** Keeps its place while hidden (visibility, so not focusable): appearing must not re-wrap the bar and move the grid. */
function ResetFilters() {
  const { t } = useTranslation();
  const active = usePrefs((state) => activeFilterCount(state.filters));
  const resetFilters = usePrefs((state) => state.resetFilters);
  return (
    <Button
      size="compact-xs"
      variant="subtle"
      onClick={resetFilters}
      className="filter-reset"
      data-hidden={active === 0 || undefined}
      data-testid="filter-reset"
    >
      {t('filters.reset', { count: active })}
    </Button>
  );
}
