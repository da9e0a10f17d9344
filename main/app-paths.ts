import os from 'node:os';
import path from 'node:path';

export const APP_NAME = 'Hunter Desktop';

/**
 * Electron's userData folder for this app, computed without Electron so the CLI and the app share one database.
 * HUNTER_HOME overrides it (tests, portable installs).
 */
export function userDataDir(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
): string {
  if (env.HUNTER_HOME) return env.HUNTER_HOME;
  const home = os.homedir();
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), APP_NAME);
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', APP_NAME);
  return path.join(env.XDG_CONFIG_HOME ?? path.join(home, '.config'), APP_NAME);
}

export function defaultDbPath(env: NodeJS.ProcessEnv = process.env): string {
  return env.HUNTER_DB ?? path.join(userDataDir(env), 'hunter.db');
}
