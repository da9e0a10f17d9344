import fs from 'node:fs';
import type { Database } from 'better-sqlite3';
import type { AlertState } from '../../../shared/ops';
import type { Service } from '../../app/service';
import type { EventBus } from '../../core/event-bus';
import { errorContext } from '../../core/log';
import type { Log } from '../../core/log';
import type { Platform } from '../../platform/platform';
import type { Clock } from '../../store/db-types';
import type { SettingsRepository } from '../../store/settings-repository';
import type { MetricsService } from '../metrics/metrics';
import { recentEvents } from '../metrics/report';
import type { AlertRule, AlertRules } from './rules';

/** Where the alerts that are firing are remembered, so a restart does not notify about them again. */
const STATE_KEY = 'ops.alerts';

export interface AlertsDeps {
  sqlite: Database;
  metrics: Pick<MetricsService, 'flush' | 'sample'>;
  rules: AlertRules;
  bus: EventBus;
  platform: Pick<Platform, 'notify' | 'paths'>;
  settings: SettingsRepository;
  language: () => 'tr' | 'en';
  log: Log;
  now: Clock;
  /** false for one-shot processes (the CLI): rules are evaluated only when asked */
  timers?: boolean;
  /** free bytes on the disk holding `dir`; injectable because a test cannot fill a disk */
  diskFree?: (dir: string) => number;
}

export interface AlertsService extends Service {
  /** evaluates every rule now: notifies for each that starts firing, clears each that recovered */
  evaluate(): AlertState[];
  /** the current state of every rule */
  list(): AlertState[];
}

interface Firing {
  since: string;
  value: string;
}

const diskFreeOf = (dir: string) => {
  const stats = fs.statfsSync(dir);
  return stats.bavail * stats.bsize;
};

function formatBytes(bytes: number): string {
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value.toFixed(unit === 0 ? 0 : 1)} ${units[unit]}`;
}

function formatSeconds(seconds: number): string {
  if (seconds >= 3600) return `${Math.floor(seconds / 3600)} h ${Math.floor((seconds % 3600) / 60)} min`;
  return `${Math.floor(seconds / 60)} min`;
}

/**
 * Alert rules (resources/alert-rules.json) evaluated on a timer: a rule that starts firing sends one in-app
 * notification (event ops.alert) and one desktop notification; it stays quiet while it keeps firing, and sends a
 * "cleared" event when it recovers.
 */
export function createAlerts(deps: AlertsDeps): AlertsService {
  const diskFree = deps.diskFree ?? diskFreeOf;
  let timer: NodeJS.Timeout | null = null;
  const firing = (): Record<string, Firing> => deps.settings.get<Record<string, Firing>>(STATE_KEY) ?? {};

  /** whether the rule's condition holds now, and the value to show in the message */
  const check = (rule: AlertRule): { on: boolean; value: string } => {
    switch (rule.kind) {
      case 'recent_rate_below': {
        const events = recentEvents(deps.sqlite, rule.metric, rule.window);
        const mean = events.length ? events.reduce((sum, e) => sum + e.value, 0) / events.length : 1;
        return { on: events.length >= rule.min_events && mean < rule.below, value: `${Math.round(mean * 100)} %` };
      }
      case 'recent_streak': {
        const events = recentEvents(deps.sqlite, rule.metric, rule.length);
        const on = events.length === rule.length && events.every((e) => e.labels[rule.label] === rule.equals);
        return { on, value: String(rule.length) };
      }
      case 'gauge_above': {
        const row = deps.sqlite
          .prepare(`SELECT value FROM metrics WHERE name = ? AND labels = '{}'`)
          .get(rule.metric) as { value: number } | undefined;
        const value = row?.value ?? null;
        return { on: value !== null && value > rule.above, value: formatSeconds(value ?? 0) };
      }
      case 'disk_free_below': {
        const free = diskFree(deps.platform.paths.userData);
        return { on: free < rule.bytes, value: formatBytes(free) };
      }
    }
  };

  const stateOf = (rule: AlertRule, since: string | null, value = ''): AlertState => {
    const lang = deps.language();
    return {
      rule: rule.id,
      firing: since !== null,
      since,
      title: rule.title[lang],
      body: rule.body[lang].replace('{value}', value),
    };
  };

  const evaluate = (): AlertState[] => {
    deps.metrics.sample();
    deps.metrics.flush();
    const before = firing();
    const after: Record<string, Firing> = {};
    const states = deps.rules.rules.map((rule) => {
      const { on, value } = check(rule);
      const since = on ? (before[rule.id]?.since ?? deps.now().toISOString()) : null;
      if (since) after[rule.id] = { since, value };
      const state = stateOf(rule, since, value);
      if (on && !before[rule.id]) {
        deps.log.warn('alert.firing', { rule: rule.id, value });
        deps.bus.emit('ops.alert', state);
        deps.platform.notify(state.title, state.body);
      } else if (!on && before[rule.id]) {
        deps.log.info('alert.cleared', { rule: rule.id });
        deps.bus.emit('ops.alert', state);
      }
      return state;
    });
    deps.settings.set(STATE_KEY, after);
    return states;
  };

  const tick = () => {
    try {
      evaluate();
    } catch (err) {
      deps.log.error('alert.evaluate_failed', errorContext(err));
    }
  };

  return {
    name: 'alerts',
    evaluate,
    list: () => {
      const now = firing();
      return deps.rules.rules.map((rule) => stateOf(rule, now[rule.id]?.since ?? null, now[rule.id]?.value));
    },
    start() {
      if (timer || deps.timers === false) return;
      timer = setInterval(tick, deps.rules.interval_s * 1000);
      timer.unref();
    },
    async stop() {
      if (timer) clearInterval(timer);
      timer = null;
    },
  };
}
