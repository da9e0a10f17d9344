import { DEFAULT_OPS_SETTINGS, LogLevelSchema, OpsSettingsSchema } from '../../shared/ops';
import type { LogLevel, OpsSettings, OpsSettingsView } from '../../shared/ops';
import type { Log } from '../core/log';
import type { SettingsRepository } from '../store/settings-repository';

const KEY = 'ops';

export interface OpsSettingsService {
  get(): OpsSettings;
  view(): OpsSettingsView;
  /** validates the merged result (throws a ZodError, stores nothing, when invalid) and applies the log level */
  update(patch: Partial<OpsSettings>): OpsSettingsView;
  /** the DSN crash reports go to, or null (off): HUNTER_SENTRY_DSN wins over the setting */
  crashReportsDsn(): string | null;
}

/**
 * Log level and crash reports. The level's precedence: the CLI's --log-level, then HUNTER_LOG_LEVEL, then
 * Settings; an overridden level is shown as such and a change in Settings waits until the override goes away.
 */
export function createOpsSettings(deps: {
  settings: SettingsRepository;
  log: Log;
  env: NodeJS.ProcessEnv;
  cliLogLevel?: LogLevel;
  logsFolder: string;
}): OpsSettingsService {
  const get = (): OpsSettings => {
    const merged = OpsSettingsSchema.safeParse({ ...DEFAULT_OPS_SETTINGS, ...deps.settings.get<object>(KEY) });
    return merged.success ? merged.data : DEFAULT_OPS_SETTINGS;
  };
  const envLevel = LogLevelSchema.safeParse(deps.env.HUNTER_LOG_LEVEL?.trim().toLowerCase());
  const envDsn = deps.env.HUNTER_SENTRY_DSN?.trim() || null;
  const view = (): OpsSettingsView => {
    const own = get();
    const [effective, source] = deps.cliLogLevel
      ? [deps.cliLogLevel, 'cli' as const]
      : envLevel.success
        ? [envLevel.data, 'env' as const]
        : [own.log_level, 'settings' as const];
    return {
      ...own,
      effective_log_level: effective,
      log_level_source: source,
      crash_reports: envDsn ? 'env' : own.crash_reports_dsn ? 'settings' : 'off',
      logs_folder: deps.logsFolder,
    };
  };
  const apply = () => deps.log.setLevel?.(view().effective_log_level);
  apply();
  return {
    get,
    view,
    update(patch) {
      deps.settings.set(KEY, OpsSettingsSchema.parse({ ...get(), ...patch }));
      apply();
      return view();
    },
    crashReportsDsn: () => envDsn ?? get().crash_reports_dsn,
  };
}
