import type { LogLevel } from '../../shared/ops';
import { createHunter } from '../app/create-hunter';
import type { Hunter } from '../app/create-hunter';
import { defaultDbPath } from '../app-paths';
import { createNodeFileLog } from '../ops/logging/node-log';
import { nodeLogsDir } from '../platform/node-platform';

let cliLogLevel: LogLevel | undefined;

/** The run's global --log-level (runCli sets it before the command; undefined = HUNTER_LOG_LEVEL or Settings). */
export function setCliLogLevel(level: LogLevel | undefined): void {
  cliLogLevel = level;
}

/**
 * Opens the app's services on the chosen database for one command, and stops them (drained) afterwards. The
 * command's log goes to cli.log in the same folder as the app's and the web bridge's.
 */
export async function withHunter<T>(dbOption: unknown, fn: (hunter: Hunter) => Promise<T>): Promise<T> {
  const dbPath = typeof dbOption === 'string' ? dbOption : defaultDbPath();
  const log = createNodeFileLog(nodeLogsDir(dbPath), 'cli.log');
  const hunter = createHunter({ dbPath, log, logLevel: cliLogLevel, timers: false });
  try {
    await hunter.start();
    return await fn(hunter);
  } finally {
    await hunter.stop();
  }
}
