import type { Database } from 'better-sqlite3';
import type { DailyCount, MetricName, MetricsReport, Rate } from '../../../shared/ops';
import type { Clock } from '../../store/db-types';

/** days of history the trends show */
export const TREND_DAYS = 30;
const RECENT = 100;

interface Row {
  labels: string;
  value: number;
}

const rate = (part: number, of: number): Rate => ({ rate: of > 0 ? part / of : null, of });

/** The figures the Operations screen, `hunter metrics` and the alert rules read, from the persisted metrics. */
export function metricsReport(sqlite: Database, now: Clock): MetricsReport {
  const rows = (name: MetricName): (Row & { l: Record<string, string> })[] =>
    (sqlite.prepare('SELECT labels, value FROM metrics WHERE name = ?').all(name) as Row[]).map((r) => ({
      ...r,
      l: JSON.parse(r.labels) as Record<string, string>,
    }));
  const sum = (name: MetricName, where: (l: Record<string, string>) => boolean = () => true) =>
    rows(name)
      .filter((r) => where(r.l))
      .reduce((total, r) => total + r.value, 0);
  // every one of the last TREND_DAYS days, quiet ones as 0, so a chart's columns are days apart
  const trendDays = Array.from({ length: TREND_DAYS }, (_, i) =>
    new Date(now().getTime() - (TREND_DAYS - 1 - i) * 86_400_000).toISOString().slice(0, 10),
  );
  const perDay = (name: MetricName): DailyCount[] => {
    const days = new Map(trendDays.map((day) => [day, 0]));
    for (const r of rows(name)) if (days.has(r.l.day)) days.set(r.l.day, days.get(r.l.day)! + r.value);
    return trendDays.map((day) => ({ day, value: days.get(day)! }));
  };
  const gauge = (name: MetricName) =>
    (sqlite.prepare(`SELECT value FROM metrics WHERE name = ? AND labels = '{}'`).get(name) as Row | undefined)
      ?.value ?? null;

  const scans = sum('scan');
  const verdicts = sum('scan', (l) => l.status === 'completed' || l.status === 'partial');
  const lastScans = recentEvents(sqlite, 'scan', RECENT);
  const cacheHits = sum('scan_cache.lookup', (l) => l.result === 'hit');
  const whoisOk = sum('whois.lookup', (l) => l.result === 'ok');
  const pc = (outcome: string) => sum('pc.sync', (l) => l.outcome === outcome);
  const pcRuns = sum('pc.sync');
  const durations = recentEvents(sqlite, 'pc.sync', RECENT).map((r) => r.value);
  const failuresByCause: Record<string, number> = {};
  for (const r of rows('d365.push'))
    if (r.l.outcome === 'failure') {
      const cause = r.l.cause ?? 'unknown';
      failuresByCause[cause] = (failuresByCause[cause] ?? 0) + r.value;
    }
  const byCall: Record<string, number> = {};
  for (const r of rows('deprecated.call'))
    byCall[r.l.call ?? 'unknown'] = (byCall[r.l.call ?? 'unknown'] ?? 0) + r.value;

  return {
    generated_at: now().toISOString(),
    scans: {
      per_day: perDay('scan'),
      total: scans,
      success_rate: rate(verdicts, scans),
      recent_success_rate: rate(
        lastScans.reduce((total, r) => total + r.value, 0),
        lastScans.length,
      ),
      dns_timeout_rate: rate(
        sum('scan', (l) => l.status === 'dns_timeout'),
        scans,
      ),
      cache_hit_rate: rate(cacheHits, sum('scan_cache.lookup')),
      whois_success_rate: rate(whoisOk, sum('whois.lookup')),
    },
    partner_center: {
      runs: pcRuns,
      success: pc('success'),
      failed: pc('failed'),
      skipped: pc('skipped'),
      success_rate: rate(pc('success'), pcRuns),
      last_duration_ms: durations[0] ?? null,
      avg_duration_ms: durations.length ? durations.reduce((a, b) => a + b, 0) / durations.length : null,
      per_day: perDay('pc.sync'),
    },
    dynamics: {
      success: sum('d365.push', (l) => l.outcome === 'success'),
      failure: sum('d365.push', (l) => l.outcome === 'failure'),
      failures_by_cause: failuresByCause,
      outbox_depth: gauge('outbox.depth'),
      outbox_oldest_age_s: gauge('outbox.oldest_age_s'),
    },
    deprecated_calls: {
      total: sum('deprecated.call'),
      by_call: byCall,
      per_day: perDay('deprecated.call'),
    },
  };
}

/** The labels of the newest `n` events of a metric, newest first (alert rules: "3 failures in a row"). */
export function recentEvents(
  sqlite: Database,
  name: MetricName,
  n: number,
): { value: number; labels: Record<string, string> }[] {
  return (
    sqlite
      .prepare('SELECT value, labels FROM metric_events WHERE name = ? ORDER BY id DESC LIMIT ?')
      .all(name, n) as Row[]
  ).map((r) => ({ value: r.value, labels: JSON.parse(r.labels) as Record<string, string> }));
}
