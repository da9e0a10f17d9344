import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Log } from '../core/log';
import { createFileSecretStore } from './node-secret-store';
import type { Platform } from './platform';

/** The command that hands an address to the desktop's browser. */
function openerFor(platform: NodeJS.Platform): [string, string[]] {
  if (platform === 'win32') return ['cmd', ['/c', 'start', '""']];
  if (platform === 'darwin') return ['open', []];
  return ['xdg-open', []];
}

function launch(target: string): Promise<void> {
  const [cmd, args] = openerFor(process.platform);
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, [...args, target], { stdio: 'ignore', detached: true });
    child.once('error', reject);
    child.once('spawn', () => {
      child.unref();
      resolve();
    });
  });
}

/** Where plain Node processes (CLI, web bridge) write their logs: logs/ beside the database. */
export function nodeLogsDir(dbPath: string): string {
  return path.join(path.dirname(path.resolve(dbPath)), 'logs');
}

/** Plain Node (CLI, web bridge, tests): secrets in an owner-only file beside the database, logs in logs/ there. */
export function createNodePlatform(opts: { dbPath: string; log?: Log }): Platform {
  const userData = path.dirname(path.resolve(opts.dbPath));
  return {
    kind: 'node',
    secrets: createFileSecretStore(userData),
    paths: { userData, logs: nodeLogsDir(opts.dbPath) },
    openUrl(url) {
      if (!/^https?:\/\//i.test(url)) return Promise.reject(new Error('only http(s) addresses are opened'));
      return launch(url);
    },
    openPath(folder) {
      fs.mkdirSync(folder, { recursive: true, mode: 0o700 });
      return launch(path.resolve(folder));
    },
    notify(title, body) {
      opts.log?.info('notification', { title, body });
    },
  };
}
