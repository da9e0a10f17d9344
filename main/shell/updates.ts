// The Electron side of auto-update: electron-updater's autoUpdater for this platform (NSIS, dmg/zip, AppImage, deb)
// and the restart question as a native dialog with the release notes. Only an installed app updates itself.
import fs from 'node:fs';
import path from 'node:path';
import { app, dialog } from 'electron';
import type { BrowserWindow } from 'electron';
import { autoUpdater } from 'electron-updater';
import type { UpdatePrompt, Updater } from '../update/update-service';

const TEXT = {
  en: {
    title: 'Update ready',
    message: (version: string) => `Hunter ${version} has been downloaded.`,
    restart: 'Restart now',
    later: 'Later (installs when you quit)',
  },
  tr: {
    title: 'Güncelleme hazır',
    message: (version: string) => `Hunter ${version} indirildi.`,
    restart: 'Şimdi yeniden başlat',
    later: 'Sonra (kapatınca kurulur)',
  },
} as const;

export interface ElectronUpdates {
  updater: Updater | null;
  prompt: UpdatePrompt;
  builtInConfig: string | null;
}

/**
 * `builtInConfig` is the app-update.yml electron-builder writes when the installer was built for a feed. Without it
 * (a build with no feed, updated through the setting) electron-updater still needs one for its download cache's
 * name, so a minimal one is kept in userData.
 */
export function electronUpdates(opts: {
  builtInConfig: string | null;
  window: () => BrowserWindow | null;
  language: () => 'tr' | 'en';
}): ElectronUpdates {
  const updater = app.isPackaged ? autoUpdater : null;
  if (updater && !(opts.builtInConfig && fs.existsSync(opts.builtInConfig))) {
    const fallback = path.join(app.getPath('userData'), 'app-update.yml');
    fs.writeFileSync(
      fallback,
      'provider: generic\nurl: https://updates.invalid/\nupdaterCacheDirName: hunter-updater\n',
    );
    updater.updateConfigPath = fallback;
  }
  return {
    updater,
    builtInConfig: opts.builtInConfig,
    prompt: {
      async askToRestart({ version, releaseNotes }) {
        const text = TEXT[opts.language()];
        const options = {
          type: 'info' as const,
          title: text.title,
          message: text.message(version),
          detail: releaseNotes,
          buttons: [text.restart, text.later],
          defaultId: 0,
          cancelId: 1,
          noLink: true,
        };
        const win = opts.window();
        const { response } = win ? await dialog.showMessageBox(win, options) : await dialog.showMessageBox(options);
        return response === 0;
      },
    },
  };
}
