import type { Metrics } from './metrics';

/** The Dynamics 365 outbox as gauges: how many pushes wait, and how long the oldest has waited. */
export function sampleOutbox(unsent: () => { created_at: string }[], now: () => Date = () => new Date()) {
  return (metrics: Metrics): void => {
    const items = unsent();
    const oldest = items.reduce<string | null>(
      (min, i) => (min === null || i.created_at < min ? i.created_at : min),
      null,
    );
    metrics.record('outbox.depth', items.length);
    metrics.record('outbox.oldest_age_s', oldest ? Math.max(0, (now().getTime() - Date.parse(oldest)) / 1000) : 0);
  };
}
