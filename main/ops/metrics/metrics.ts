import type { Database } from 'better-sqlite3';
import { METRIC_KINDS } from '../../../shared/ops';
import type { MetricLabels, MetricName, MetricsReport } from '../../../shared/ops';
import type { Service } from '../../app/service';
import type { Clock } from '../../store/db-types';
import { metricsReport } from './report';

/**
 * The recording API every feature calls: `metrics.record(name, value, labels)`. What happens to the value is the
 * metric's kind (shared/ops.ts METRIC_KINDS): counters add up per UTC day, gauges keep the latest value, events are
 * kept one by one for "last N" windows and counted per day. Values are buffered in memory and written in one
 * transaction per flush (a bulk scan records thousands per minute); stop() flushes, so counts survive a restart.
 */
export interface Metrics {
  record(name: MetricName, value?: number, labels?: MetricLabels): void;
  /** writes what is buffered now (reports call it so they read what was just recorded) */
  flush(): void;
}

export interface MetricsService extends Metrics, Service {
  /** everything recorded so far, buffered values included (gauges sampled first) */
  report(): MetricsReport;
  /** a gauge read off current state (the outbox's depth) rather than pushed: sampled by report() and the alerts */
  addSampler(sample: (metrics: Metrics) => void): void;
  sample(): void;
}

/** events kept per metric name: enough for every "last N" window (the alert rules' largest is 100) */
export const EVENTS_KEPT = 1000;
const FLUSH_MS = 5000;

/** labels as the key part of a row: sorted, so {a,b} and {b,a} are one series */
export function labelKey(labels: MetricLabels): string {
  return JSON.stringify(Object.fromEntries(Object.entries(labels).sort(([a], [b]) => a.localeCompare(b))));
}

export function createMetrics(deps: { sqlite: Database; now: Clock; flushMs?: number }): MetricsService {
  const { sqlite, now } = deps;
  const counters = new Map<string, { name: string; labels: string; value: number }>();
  const gauges = new Map<string, { name: string; labels: string; value: number }>();
  let events: { name: string; labels: string; value: number; at: string }[] = [];
  let timer: NodeJS.Timeout | null = null;
  const samplers: ((metrics: Metrics) => void)[] = [];

  const addCount = sqlite.prepare(
    `INSERT INTO metrics (name, labels, value, updated_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (name, labels) DO UPDATE SET value = value + excluded.value, updated_at = excluded.updated_at`,
  );
  const setGauge = sqlite.prepare(
    `INSERT INTO metrics (name, labels, value, updated_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (name, labels) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
  );
  const addEvent = sqlite.prepare('INSERT INTO metric_events (name, labels, value, at) VALUES (?, ?, ?, ?)');
  const prune = sqlite.prepare(
    `DELETE FROM metric_events WHERE name = ? AND id <= (
       SELECT id FROM metric_events WHERE name = ? ORDER BY id DESC LIMIT 1 OFFSET ${EVENTS_KEPT})`,
  );

  const write = sqlite.transaction(() => {
    const at = now().toISOString();
    for (const c of counters.values()) addCount.run(c.name, c.labels, c.value, at);
    for (const g of gauges.values()) setGauge.run(g.name, g.labels, g.value, at);
    const names = new Set<string>();
    for (const e of events) {
      addEvent.run(e.name, e.labels, e.value, e.at);
      names.add(e.name);
    }
    for (const name of names) prune.run(name, name);
  });

  const flush = () => {
    if (counters.size === 0 && gauges.size === 0 && events.length === 0) return;
    if (!sqlite.open) return;
    write();
    counters.clear();
    gauges.clear();
    events = [];
  };

  const count = (name: string, labels: MetricLabels, by: number) => {
    const key = labelKey({ ...labels, day: now().toISOString().slice(0, 10) });
    const id = `${name}\u0000${key}`;
    const row = counters.get(id);
    if (row) row.value += by;
    else counters.set(id, { name, labels: key, value: by });
  };

  const service: MetricsService = {
    name: 'metrics',
    record(name, value = 1, labels = {}) {
      if (!Number.isFinite(value)) return;
      const kind = METRIC_KINDS[name];
      if (kind === 'gauge') {
        const key = labelKey(labels);
        gauges.set(`${name}\u0000${key}`, { name, labels: key, value });
      } else if (kind === 'counter') {
        count(name, labels, value);
      } else {
        count(name, labels, 1);
        events.push({ name, labels: labelKey(labels), value, at: now().toISOString() });
      }
    },
    flush,
    addSampler(sample) {
      samplers.push(sample);
    },
    sample() {
      for (const sample of samplers) sample(service);
    },
    report() {
      service.sample();
      flush();
      return metricsReport(sqlite, now);
    },
    start() {
      timer ??= setInterval(flush, deps.flushMs ?? FLUSH_MS);
      timer.unref();
    },
    async stop() {
      if (timer) clearInterval(timer);
      timer = null;
      flush();
    },
  };
  return service;
}
