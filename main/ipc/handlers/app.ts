import type { appChannels } from '../../../shared/ipc/app';
import type { Hunter } from '../../app/create-hunter';
import type { HandlersFor } from '../dispatch';

export interface AppInfo {
  version: string;
  platform: string;
}

export function appHandlers(hunter: Hunter, info: AppInfo): HandlersFor<typeof appChannels> {
  return {
    'app.info': () => ({ version: info.version, platform: info.platform, db_path: hunter.dbPath }),
    'app.providerLabels': () => hunter.config.providerLabels,
    'app.reportError': (report) => {
      hunter.log.error('renderer.render_failed', report);
      return { logged: true };
    },
  };
}
