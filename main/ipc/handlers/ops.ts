import type { opsChannels } from '../../../shared/ipc/ops';
import type { Hunter } from '../../app/create-hunter';
import type { HandlersFor } from '../dispatch';

export function opsHandlers({ ops, metrics, health, services, platform }: Hunter): HandlersFor<typeof opsChannels> {
  return {
    'ops.getSettings': () => ops.view(),
    'ops.setSettings': (patch) => ops.update(patch),
    'ops.metrics': () => metrics.report(),
    'ops.health': () => health.run(),
    'ops.alerts': () => services.alerts.list(),
    'ops.openLogs': async () => {
      await platform.openPath(platform.paths.logs);
      return { folder: platform.paths.logs };
    },
  };
}
