import type { AlertState, HealthReport, MetricsReport, OpsSettingsView } from '../ops';
import { OpsSettingsPatchSchema } from '../ops';
import { noArgs } from './args';

export const opsChannels = {
  'ops.getSettings': { input: noArgs, output: {} as OpsSettingsView },
  'ops.setSettings': { input: OpsSettingsPatchSchema, output: {} as OpsSettingsView },
  'ops.metrics': { input: noArgs, output: {} as MetricsReport },
  'ops.health': { input: noArgs, output: {} as HealthReport },
  'ops.alerts': { input: noArgs, output: {} as AlertState[] },
  /** shows the logs folder in the file manager */
  'ops.openLogs': { input: noArgs, output: {} as { folder: string } },
} as const;

export interface OpsEvents {
  /** an alert started firing (once) or cleared */
  'ops.alert': AlertState;
}
