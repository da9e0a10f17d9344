import { outboxHealth } from '../ops/health/outbox-health';
import fs from 'node:fs';
import path from 'node:path';
import type { LogLevel } from '../../shared/ops';
import type { Settings } from '../../shared/settings';
import { loadAlertRules, loadConfig, loadFlagDefaults, resourcesDir } from '../config/load';
import type { HunterConfig } from '../config/load';
import { EventBus } from '../core/event-bus';
import { errorContext, silentLog } from '../core/log';
import type { Log } from '../core/log';
import { createFlags } from '../flags/flags';
import { createDynamics } from '../integrations/dynamics/dynamics';
import type { Dynamics } from '../integrations/dynamics/dynamics';
import type { OutboxWorker } from '../integrations/dynamics/outbox-worker';
import type { Flags } from '../flags/flags';
import { createAlerts } from '../ops/alerts/alerts';
import type { AlertsService } from '../ops/alerts/alerts';
import { databaseCheck, dnsCheck } from '../ops/health/builtin-checks';
import { createHealth } from '../ops/health/health';
import type { Health } from '../ops/health/health';
import { createCrmLite, crmLiteRetirement } from '../ops/legacy/crm-lite';
import type { CrmLite } from '../ops/legacy/crm-lite';
import { createMetrics } from '../ops/metrics/metrics';
import type { MetricsService } from '../ops/metrics/metrics';
import { sampleOutbox } from '../ops/metrics/outbox-metrics';
import { pcSyncHealth, pcSyncMetrics } from '../ops/metrics/pc-sync-metrics';
import { countingCache, recordScan } from '../ops/metrics/scan-metrics';
import { createOpsSettings } from '../ops/ops-settings';
import type { OpsSettingsService } from '../ops/ops-settings';
import { withLastKnownSignals } from '../engine/scoring/last-known';
import { createNodePlatform } from '../platform/node-platform';
import type { Platform } from '../platform/platform';
import { createPartnerCenter } from '../integrations/partner-center/partner-center';
import type { PartnerCenter } from '../integrations/partner-center/partner-center';
import { ReferralSyncService } from '../integrations/partner-center/referral-sync-service';
import { scanAndStore } from '../services/scan-and-store';
import { createOpenedFiles } from '../services/opened-files';
import type { OpenedFiles } from '../services/opened-files';
import { createScanners } from '../services/scanners';
import type { Scanners } from '../services/scanners';
import { salesSummaryTextFor } from '../services/sales';
import { ScanJobService } from '../services/scan-jobs';
import { loadScanProgressRules } from '../services/scan-progress';
import { createSettingsService } from '../services/settings';
import type { SettingsService } from '../services/settings';
import { openStore } from '../store/db';
import { readBuiltInFeedUrl, resolveFeed } from '../update/feed-url';
import { createUpdateService } from '../update/update-service';
import type { UpdatePrompt, UpdateService, Updater } from '../update/update-service';
import { readUpdateSettings } from '../update/update-settings';
import type { Store } from '../store/db';
import type { Service } from './service';

export interface HunterOptions {
  dbPath: string;
  /** Electron's or plain Node's (the default) */
  platform?: Platform;
  /** the folder rules, providers, templates and defaults are read from; default: the shipped resources/ */
  resources?: string;
  log?: Log;
  /** worker threads for bulk scans; default: the pool's (cores - 1); 0 = scan on the calling thread */
  scanWorkers?: number;
  env?: NodeJS.ProcessEnv;
  /** the CLI's --log-level: wins over HUNTER_LOG_LEVEL and the setting */
  logLevel?: LogLevel;
  /** background timers (the Partner Center sync); the CLI runs one command and turns them off. Default on */
  timers?: boolean;
  /** the installed Electron app's updater and restart question; without them updates are off */
  updates?: { updater: Updater | null; prompt: UpdatePrompt; builtInConfig: string | null };
}

/** The background services the root starts and stops; each feature adds its own here. */
export interface HunterServices {
  /** first: started before and stopped (flushed) after every service that records */
  metrics: MetricsService;
  crmLiteRetirement: Service;
  scanJobs: ScanJobService;
  referralSync: ReferralSyncService;
  /** sends queued Dynamics 365 pushes while the `dynamics` flag is on */
  d365Outbox: OutboxWorker;
  updates: UpdateService;
  alerts: AlertsService;
}

/** Everything the Electron shell, the web bridge, the CLI and the tests need, wired once. */
export interface Hunter {
  dbPath: string;
  /** the resources folder everything here was configured from (rules, templates, import keywords) */
  resources: string;
  platform: Platform;
  log: Log;
  store: Store;
  config: HunterConfig;
  settings: SettingsService;
  flags: Flags;
  bus: EventBus;
  scanners: Scanners;
  /** `metrics.record(name, value, labels)`: see main/ops/metrics/metrics.ts */
  metrics: MetricsService;
  /** `health.register(name, check)` for integrations' own checks; `health.run()` */
  health: Health;
  /** log level and crash-report settings */
  ops: OpsSettingsService;
  /** the retired CRM-lite: reads, import, refused writes, removal */
  crmLite: CrmLite;
  partnerCenter: PartnerCenter;
  /** Dynamics 365: connection, sign-in, pushes and the outbox */
  dynamics: Dynamics;
  services: HunterServices;
  /** files the OS opened Hunter with, waiting for the window's import preview */
  openedFiles: OpenedFiles;
  /** starts every background service (call once the front end is ready to receive events) */
  start(): Promise<void>;
  /** stops every service (abort, drain, flush), then closes the store; safe to call more than once */
  stop(): Promise<void>;
}

export function createHunter(opts: HunterOptions): Hunter {
  const log = opts.log ?? silentLog;
  if (opts.dbPath !== ':memory:')
    fs.mkdirSync(path.dirname(path.resolve(opts.dbPath)), { recursive: true, mode: 0o700 });
  const resources = opts.resources ?? resourcesDir();
  const config = loadConfig(resources);
  const platform = opts.platform ?? createNodePlatform({ dbPath: opts.dbPath, log });
  // a partial rescan keeps each unanswered signal's last known value instead of scoring it as missing
  const store = openStore(opts.dbPath, {
    lastKnownSignals: (result, previous) => withLastKnownSignals(result, previous, config.rules),
  });
  const settings = createSettingsService(store, resources, log);
  const env = opts.env ?? process.env;
  const flags = createFlags(loadFlagDefaults(resources), store.settings, env);
  const now = () => new Date();
  const ops = createOpsSettings({
    settings: store.settings,
    log,
    env,
    cliLogLevel: opts.logLevel,
    logsFolder: platform.paths.logs,
  });
  const bus = new EventBus();
  flags.onChange((all) => bus.emit('flags.changed', all));
  const current = (): Settings => settings.get();
  const metrics = createMetrics({ sqlite: store.sqlite, now });
  const scanners = createScanners({
    config,
    settings: current,
    whoisCache: countingCache(store.cache, metrics),
    whoisAllowed: () => flags.isOn('whois'),
    workers: opts.scanWorkers,
    onResult: (result) => recordScan(metrics, result),
  });
  const health = createHealth({ now, log });
  health.register('database', databaseCheck(store.sqlite, store.path));
  health.register('dns', dnsCheck(current));
  const crmLite = createCrmLite({
    store,
    flags,
    metrics,
    log,
    now,
    autoTags: new Set(config.rules.tag_rules.map((rule) => rule.tag)),
  });
  const builtInFeed = readBuiltInFeedUrl(opts.updates?.builtInConfig ?? null);
  const partnerCenter = createPartnerCenter({
    store,
    secrets: platform.secrets,
    flags,
    resources,
    env,
    log: (level, message) => log[level]('msal', { message }),
  });
  const dynamics = createDynamics({
    store,
    secrets: platform.secrets,
    resources,
    env,
    salesSummary: (lead) => salesSummaryTextFor({ resources, settings }, lead, current().language),
    currency: () => current().currency,
    enabled: () => flags.isOn('dynamics'),
    // D365 push success / failure by cause (permanent, transient, unreachable, signed_out …)
    onAttempt: ({ outcome, cause }) => metrics.record('d365.push', 1, cause ? { outcome, cause } : { outcome }),
    onChange: (domain) => {
      bus.emit('dynamics.changed', { domain });
      // the grid's D365 column reads the lead row
      bus.emit('leads.changed', { domains: [domain] });
    },
  });
  flags.onChange(() => dynamics.worker.wake());
  const pcSyncMetric = pcSyncMetrics(metrics);
  metrics.addSampler(sampleOutbox(() => store.d365Outbox.unsent(), now));
  const services: HunterServices = {
    metrics,
    crmLiteRetirement: crmLiteRetirement(crmLite, flags, log),
    scanJobs: new ScanJobService({
      store,
      bus,
      scanners,
      concurrency: () => current().scan_concurrency,
      log,
      progress: loadScanProgressRules(resources),
    }),
    referralSync: new ReferralSyncService({
      store,
      partnerCenter,
      flags,
      log,
      timers: opts.timers ?? true,
      isOnline: platform.isOnline ? () => platform.isOnline!() : undefined,
      onStatus: (status) => {
        pcSyncMetric(status);
        bus.emit('referrals.sync_status', status);
      },
      onChanged: (outcome) => bus.emit('leads.changed', { domains: outcome.newLeadDomains }),
      async scanNewLeads(domains, signal) {
        await scanAndStore(domains, scanners.get(), store, { concurrency: current().scan_concurrency, signal });
      },
    }),
    d365Outbox: dynamics.worker,
    updates: createUpdateService({
      updater: opts.updates?.updater ?? null,
      prompt: opts.updates?.prompt ?? { askToRestart: async () => false },
      feed: () =>
        resolveFeed({
          env: env.HUNTER_UPDATE_URL,
          setting: readUpdateSettings(store.settings).feed_url,
          builtIn: builtInFeed,
        }),
      log,
    }),
    alerts: createAlerts({
      sqlite: store.sqlite,
      metrics,
      rules: loadAlertRules(resources),
      bus,
      platform,
      settings: store.settings,
      language: () => current().language,
      log,
      now,
      timers: opts.timers ?? true,
    }),
  };
  health.register(
    'partner_center',
    pcSyncHealth(
      () => services.referralSync.status(),
      () => flags.isOn('partner_center'),
    ),
  );
  health.register(
    'dynamics',
    outboxHealth(
      () => store.d365Outbox.unsent(),
      () => flags.isOn('dynamics'),
      now,
    ),
  );
  const all: Service[] = Object.values(services);
  let stopping: Promise<void> | null = null;

  return {
    dbPath: opts.dbPath,
    resources,
    platform,
    log,
    store,
    config,
    settings,
    flags,
    bus,
    scanners,
    metrics,
    health,
    ops,
    crmLite,
    partnerCenter,
    dynamics,
    services,
    openedFiles: createOpenedFiles({ bus, log }),
    async start() {
      for (const service of all) await service.start();
    },
    stop() {
      stopping ??= (async () => {
        // in reverse start order, each on its own: one service failing to stop must not keep the store open
        for (const service of [...all].reverse()) {
          try {
            await service.stop();
          } catch (err) {
            log.error('service.stop_failed', { service: service.name, ...errorContext(err) });
          }
        }
        await scanners.close();
        store.close();
      })();
      return stopping;
    },
  };
}
