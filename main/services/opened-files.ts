// Files the operating system hands to Hunter: a double-clicked .csv/.xlsx, "Open with", or a second launch with a file
// argument. Main reads them (the renderer never names a path to read) and keeps them until the window takes them
// and starts an import preview; the window is told with a `files.opened` event, and asks on start for what arrived
// before it was listening.
import fs from 'node:fs';
import path from 'node:path';
import type { EventBus } from '../core/event-bus';
import { errorContext } from '../core/log';
import type { Log } from '../core/log';

/** the import channels' own limit (70 MB of base64) */
export const OPENED_FILE_MAX_BYTES = 52 * 1024 * 1024;
/** files waiting for the window at most; a burst beyond it is dropped, and logged */
const MAX_PENDING = 5;
const OPENABLE = /\.(csv|xlsx)$/i;

export interface OpenedFile {
  file_name: string;
  content_base64: string;
}

export interface OpenedFiles {
  /** reads the openable ones among `paths` and announces them; unreadable or oversized files are logged and skipped */
  offer(paths: string[]): void;
  /** the files waiting, oldest first; each is handed out once */
  take(): OpenedFile[];
}

/**
 * The file arguments in a command line (the first launch's process.argv or a second launch's): the .csv/.xlsx ones,
 * resolved against the directory that launch started in. Options and the executable itself never match.
 */
export function openableArgs(argv: string[], cwd: string): string[] {
  return argv.filter((arg) => !arg.startsWith('-') && OPENABLE.test(arg)).map((arg) => path.resolve(cwd, arg));
}

export function createOpenedFiles(opts: { bus: EventBus; log: Log; maxBytes?: number }): OpenedFiles {
  const maxBytes = opts.maxBytes ?? OPENED_FILE_MAX_BYTES;
  let pending: OpenedFile[] = [];
  return {
    offer(paths) {
      let added = 0;
      for (const file of paths) {
        if (!OPENABLE.test(file)) continue;
        if (pending.length >= MAX_PENDING) {
          opts.log.warn('files.open_dropped', { file_name: path.basename(file), reason: 'too many waiting' });
          continue;
        }
        try {
          const stat = fs.statSync(file);
          if (!stat.isFile()) throw new Error('not a file');
          if (stat.size > maxBytes) throw new Error(`larger than ${maxBytes} bytes`);
          pending.push({ file_name: path.basename(file), content_base64: fs.readFileSync(file).toString('base64') });
          added++;
        } catch (err) {
          opts.log.warn('files.open_failed', { file_name: path.basename(file), ...errorContext(err) });
        }
      }
      if (added > 0) opts.bus.emit('files.opened', { count: pending.length });
    },
    take() {
      const taken = pending;
      pending = [];
      return taken;
    },
  };
}
