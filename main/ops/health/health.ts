import type { HealthCheckResult, HealthReport } from '../../../shared/ops';
import { errorContext } from '../../core/log';
import type { Log } from '../../core/log';
import type { Clock } from '../../store/db-types';

export type HealthCheckOutcome = Omit<HealthCheckResult, 'name'>;
export type HealthCheck = () => Promise<HealthCheckOutcome> | HealthCheckOutcome;

/**
 * The app's health: a list of named checks run together. Database and DNS are built in; Partner Center and
 * Dynamics 365 register their own (reachability, token state) with register(), so this module knows neither.
 */
export interface Health {
  /** adds or replaces a check; returns its removal */
  register(name: string, check: HealthCheck): () => void;
  run(): Promise<HealthReport>;
}

/** a check that hangs must not hold the report: it is reported degraded instead */
const CHECK_TIMEOUT_MS = 5000;

export function createHealth(deps: { now: Clock; log: Log; timeoutMs?: number }): Health {
  const checks = new Map<string, HealthCheck>();
  const runOne = async (name: string, check: HealthCheck): Promise<HealthCheckResult> => {
    let timer: NodeJS.Timeout | undefined;
    try {
      const timeout = new Promise<HealthCheckOutcome>((resolve) => {
        timer = setTimeout(
          () => resolve({ status: 'degraded', reason: 'timeout', details: {} }),
          deps.timeoutMs ?? CHECK_TIMEOUT_MS,
        );
      });
      return { name, ...(await Promise.race([Promise.resolve().then(check), timeout])) };
    } catch (err) {
      deps.log.warn('health.check_failed', { check: name, ...errorContext(err) });
      return { name, status: 'degraded', reason: 'check_failed', details: {} };
    } finally {
      clearTimeout(timer);
    }
  };
  return {
    register(name, check) {
      checks.set(name, check);
      return () => {
        if (checks.get(name) === check) checks.delete(name);
      };
    },
    async run() {
      const results = await Promise.all([...checks].map(([name, check]) => runOne(name, check)));
      return {
        status: results.every((r) => r.status === 'ok') ? 'ok' : 'degraded',
        checked_at: deps.now().toISOString(),
        checks: results,
      };
    },
  };
}
