// Compact coloured markers used in the grid and the detail panel. Colours come from styles.css tones,
// which are hand-picked for AA contrast in both colour schemes. They are plain spans taking `t` as a prop:
// dozens are mounted per grid scroll, and Mantine boxes or per-instance i18n subscriptions made sorting slow.
import type { PriorityCategory, Segment } from '../../shared/domain';

/** What the badges need of i18next's `t`; the grid passes one that remembers its answers. */
export type Translate = (key: string, options?: { defaultValue: string }) => string;

export const SEGMENT_TONES: Record<Segment, string> = {
  Migration: 'green',
  Existing: 'blue',
  Cold: 'gray',
  Skip: 'muted',
};
export const CATEGORY_TONES: Record<PriorityCategory, string> = {
  P1: 'red',
  P2: 'orange',
  P3: 'yellow',
  P4: 'teal',
  P5: 'gray',
  P6: 'muted',
};

export function SegmentBadge({ segment, t }: { segment: Segment | null; t: Translate }) {
  if (!segment) return null;
  return (
    <span className="tone-badge" data-tone={SEGMENT_TONES[segment]}>
      {t(`segments.${segment}`)}
    </span>
  );
}

/** "P1 – label: meaning" in the user's language: every badge explains its category on hover */
export function categoryTitle(category: PriorityCategory, t: Translate): string {
  return `${category} – ${t(`categories.${category}.label`)}: ${t(`categories.${category}.meaning`)}`;
}

export function CategoryBadge({ category, t }: { category: PriorityCategory | null; t: Translate }) {
  if (!category) return null;
  return (
    <span
      className="tone-badge category-badge"
      data-tone={CATEGORY_TONES[category]}
      data-strong={category === 'P1' || undefined}
      title={categoryTitle(category, t)}
    >
      {category}
      <span className="visually-hidden">{` – ${t(`categories.${category}.label`)}`}</span>
    </span>
  );
}

export function scoreTone(score: number): string {
  if (score >= 70) return 'green';
  if (score >= 45) return 'yellow';
  return 'gray';
}

/** Readiness as an aligned number with a thin bar, so a column of scores reads at a glance. */
export function ScoreBar({ score }: { score: number | null }) {
  if (score === null) return <span className="dim">—</span>;
  return (
    <span className="score-cell">
      <span className="score-track" aria-hidden="true">
        <span className="score-fill" data-tone={scoreTone(score)} style={{ width: `${score}%` }} />
      </span>
      <span className="num">{score}</span>
    </span>
  );
}

/** A risk flag or tag in the user's language; a key this build has no label for reads as plain words. */
export function chipLabel(t: Translate, kind: 'riskFlags' | 'tags', value: string): string {
  return t(`${kind}.${value}`, { defaultValue: value.replace(/[_-]+/g, ' ') });
}

/**
 * Risk flags or tags as small chips, each whole: those that do not fit `fit` (how many fit, given their labels)
 * collapse to "+n" with their names in its title.
 */
export function ChipList({
  values,
  kind,
  t,
  fit,
}: {
  values: string[];
  kind: 'riskFlags' | 'tags';
  t: Translate;
  fit: (labels: string[]) => number;
}) {
  if (!values.length) return null;
  const labels = values.map((value) => chipLabel(t, kind, value));
  const shown = fit(labels);
  const rest = labels.slice(shown);
  return (
    <span className="chip-list">
      {labels.slice(0, shown).map((label, index) => (
        <span key={values[index]} className="tone-chip" data-tone={kind === 'riskFlags' ? 'red' : 'gray'}>
          {label}
        </span>
      ))}
      {rest.length > 0 && (
        <span className="tone-chip more" title={rest.join(', ')}>
          +{rest.length}
        </span>
      )}
    </span>
  );
}
