import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { AlertState } from '../../shared/ops';
import { createHunter } from '../../main/app/create-hunter';
import { loadAlertRules } from '../../main/config/load';
import { EventBus } from '../../main/core/event-bus';
import { silentLog } from '../../main/core/log';
import { createAlerts } from '../../main/ops/alerts/alerts';
import { AlertRulesSchema } from '../../main/ops/alerts/rules';
import { createMetrics } from '../../main/ops/metrics/metrics';
import { openTempStore } from '../support/temp-store';
import type { TempStore } from '../support/temp-store';
import { RESOURCES } from '../unit/config-temp-copy';

const temps: TempStore[] = [];
afterEach(() => temps.splice(0).forEach((t) => t.cleanup()));

function setup(opts: { diskFree?: number } = {}) {
  const temp = openTempStore();
  temps.push(temp);
  const now = () => new Date('2026-11-30T10:00:00Z');
  const metrics = createMetrics({ sqlite: temp.store.sqlite, now });
  const bus = new EventBus();
  const events: AlertState[] = [];
  bus.subscribe((name, payload) => name === 'ops.alert' && events.push(payload as AlertState));
  const notified: string[] = [];
  const disk = { free: opts.diskFree ?? 100 * 1024 ** 3 };
  const make = () =>
    createAlerts({
      sqlite: temp.store.sqlite,
      metrics,
      rules: loadAlertRules(RESOURCES),
      bus,
      platform: { notify: (title) => notified.push(title), paths: { userData: temp.dir, logs: temp.dir } },
      settings: temp.store.settings,
      language: () => 'en',
      log: silentLog,
      now,
      diskFree: () => disk.free,
    });
  return { alerts: make(), make, metrics, events, notified, disk };
}

const firing = (states: AlertState[]) => states.filter((s) => s.firing).map((s) => s.rule);
const transitions = (events: AlertState[]) => events.map((e) => `${e.rule}:${e.firing ? 'on' : 'off'}`);

describe('alert rules', () => {
  it('ship as valid data, and an unknown metric or duplicate id is refused', () => {
    expect(loadAlertRules(RESOURCES).rules.map((r) => r.id)).toEqual([
      'scan_success_low',
      'sync_failing',
      'outbox_stale',
      'disk_low',
    ]);
    const rules = JSON.parse(fs.readFileSync(path.join(RESOURCES, 'alert-rules.json'), 'utf8'));
    expect(AlertRulesSchema.safeParse({ ...rules, rules: [...rules.rules, rules.rules[0]] }).success).toBe(false);
    rules.rules[1].metric = 'scan_cache.lookup';
    expect(AlertRulesSchema.safeParse(rules).success).toBe(false);
  });

  it('scan success under 90 % over the last 100 scans fires once and clears when scans recover', () => {
    const { alerts, metrics, events, notified } = setup();
    for (let i = 0; i < 100; i++)
      metrics.record('scan', i < 85 ? 1 : 0, { status: i < 85 ? 'completed' : 'dns_timeout' });
    expect(firing(alerts.evaluate())).toEqual(['scan_success_low']);
    expect(firing(alerts.evaluate())).toEqual(['scan_success_low']);
    expect(notified).toEqual(['Scans are failing']);
    expect(events[0].body).toContain('85 %');
    for (let i = 0; i < 100; i++) metrics.record('scan', 1, { status: 'completed' });
    expect(firing(alerts.evaluate())).toEqual([]);
    expect(transitions(events)).toEqual(['scan_success_low:on', 'scan_success_low:off']);
    expect(notified).toHaveLength(1);
  });

  it('does not judge the scan success rate on a handful of scans', () => {
    const { alerts, metrics } = setup();
    for (let i = 0; i < 5; i++) metrics.record('scan', 0, { status: 'dns_timeout' });
    expect(firing(alerts.evaluate())).toEqual([]);
  });

  it('Partner Center sync failing 3 times in a row fires once and clears on the next success', () => {
    const { alerts, metrics, events } = setup();
    metrics.record('pc.sync', 10, { outcome: 'failed' });
    metrics.record('pc.sync', 10, { outcome: 'failed' });
    expect(firing(alerts.evaluate())).toEqual([]);
    metrics.record('pc.sync', 10, { outcome: 'failed' });
    expect(firing(alerts.evaluate())).toEqual(['sync_failing']);
    metrics.record('pc.sync', 10, { outcome: 'failed' });
    alerts.evaluate();
    metrics.record('pc.sync', 10, { outcome: 'success' });
    expect(firing(alerts.evaluate())).toEqual([]);
    expect(transitions(events)).toEqual(['sync_failing:on', 'sync_failing:off']);
  });

  it('an outbox entry older than an hour fires once and clears when the outbox drains', () => {
    const { alerts, metrics, events } = setup();
    metrics.record('outbox.oldest_age_s', 3599);
    expect(firing(alerts.evaluate())).toEqual([]);
    metrics.record('outbox.oldest_age_s', 3700);
    expect(firing(alerts.evaluate())).toEqual(['outbox_stale']);
    expect(firing(alerts.evaluate())).toEqual(['outbox_stale']);
    metrics.record('outbox.oldest_age_s', 0);
    alerts.evaluate();
    expect(transitions(events)).toEqual(['outbox_stale:on', 'outbox_stale:off']);
  });

  it('disk almost full fires once, survives a restart without notifying again, and clears', () => {
    const { alerts, make, events, notified, disk } = setup({ diskFree: 200 * 1024 ** 2 });
    expect(firing(alerts.evaluate())).toEqual(['disk_low']);
    expect(notified).toEqual(['Disk almost full']);
    // a new service on the same database (the app restarted) remembers the alert is already out
    const again = make();
    expect(firing(again.list())).toEqual(['disk_low']);
    expect(firing(again.evaluate())).toEqual(['disk_low']);
    expect(notified).toHaveLength(1);
    disk.free = 50 * 1024 ** 3;
    expect(firing(again.evaluate())).toEqual([]);
    expect(transitions(events)).toEqual(['disk_low:on', 'disk_low:off']);
  });
});

describe('alerts service', () => {
  it('is started and stopped by the composition root', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hunter-alerts-'));
    const hunter = createHunter({ dbPath: path.join(dir, 'hunter.db'), env: {} });
    await hunter.start();
    expect(hunter.services.alerts.list().map((s) => s.firing)).toEqual([false, false, false, false]);
    await hunter.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
