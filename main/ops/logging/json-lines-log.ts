import fs from 'node:fs';
import path from 'node:path';
import type { LogLevel } from '../../../shared/ops';
import { LOG_LEVELS } from '../../../shared/ops';
import type { Log, LogContext } from '../../core/log';
import { ensurePrivateDir, ensurePrivateFile } from '../../store/owner-only';
import { maskValue } from './mask';

/** The part of an electron-log logger (electron-log/main in the shell, electron-log/node elsewhere) used here. */
export interface ElectronLogger {
  transports: {
    file: {
      (message: unknown): void;
      level: string | false;
      maxSize: number;
      sync: boolean;
      transforms: unknown[];
      resolvePathFn: (...args: unknown[]) => string;
      archiveLogFn: (file: { toString(): string }) => void;
    };
    console: { level: string | false };
    [name: string]: unknown;
  };
  error(...data: unknown[]): void;
  warn(...data: unknown[]): void;
  info(...data: unknown[]): void;
  debug(...data: unknown[]): void;
}

export interface JsonLinesLog extends Log {
  readonly file: string;
  readonly level: LogLevel;
  setLevel(level: LogLevel): void;
}

export interface JsonLinesLogOptions {
  logger: ElectronLogger;
  dir: string;
  /** one file per process kind (main.log, cli.log, web.log): processes never write the same file */
  fileName: string;
  level?: LogLevel;
  /** bytes before the file rotates */
  maxSize?: number;
  /** rotated files kept beside the current one (<name>.1.log is the newest) */
  keep?: number;
}

const DEFAULT_MAX_SIZE = 5 * 1024 * 1024;
const DEFAULT_KEEP = 5;

const numberedFile = (file: string, n: number) => {
  const { dir, name, ext } = path.parse(file);
  return path.join(dir, `${name}.${n}${ext}`);
};

/**
 * <name>.log → <name>.1.log → … → <name>.<keep>.log, the oldest dropped; the fresh <name>.log is created owner-only
 * before the logger writes it again (renamed files keep their 0600).
 */
export function rotate(file: string, keep: number): void {
  fs.rmSync(numberedFile(file, keep), { force: true });
  for (let n = keep - 1; n >= 1; n--) {
    if (fs.existsSync(numberedFile(file, n))) fs.renameSync(numberedFile(file, n), numberedFile(file, n + 1));
  }
  fs.renameSync(file, numberedFile(file, 1));
  ensurePrivateFile(file);
}

/** One JSON object per line: time, level, event name, then the (masked) context. */
export function jsonLine(level: string, date: Date, event: unknown, context: unknown): string {
  const masked = maskValue(context ?? {});
  const fields = masked && typeof masked === 'object' && !Array.isArray(masked) ? masked : { context: masked };
  return JSON.stringify({ ts: date.toISOString(), level, event: String(event), ...fields });
}

/**
 * The real Log: electron-log's file transport writing JSON lines with rotation. Nothing goes to the console
 * (the CLI's stdout is its output); every context passes through the masking before it is written.
 */
export function createJsonLinesLog(opts: JsonLinesLogOptions): JsonLinesLog {
  const file = path.join(opts.dir, opts.fileName);
  const keep = opts.keep ?? DEFAULT_KEEP;
  // logs hold customer domains: the folder and every file in it are the owner's only (older files narrowed too)
  ensurePrivateDir(opts.dir, true);
  ensurePrivateFile(file);
  for (let n = 1; n <= keep; n++) if (fs.existsSync(numberedFile(file, n))) ensurePrivateFile(numberedFile(file, n));
  const { logger } = opts;
  for (const [name, transport] of Object.entries(logger.transports)) {
    if (name !== 'file' && transport && typeof transport === 'function')
      (transport as unknown as { level: string | false }).level = false;
  }
  const target = logger.transports.file;
  target.resolvePathFn = () => file;
  target.maxSize = opts.maxSize ?? DEFAULT_MAX_SIZE;
  target.sync = true;
  target.level = 'debug';
  target.archiveLogFn = (current) => rotate(current.toString(), keep);
  target.transforms = [
    ({ data, message }: { data: unknown[]; message: { level: string; date: Date } }) =>
      jsonLine(message.level, message.date, data[0], data[1]),
  ];
  let level: LogLevel = opts.level ?? 'info';
  const enabled = (wanted: LogLevel) => LOG_LEVELS.indexOf(wanted) <= LOG_LEVELS.indexOf(level);
  const write = (wanted: LogLevel) => (event: string, context?: LogContext) => {
    if (enabled(wanted)) logger[wanted](event, context ?? {});
  };
  return {
    file,
    get level() {
      return level;
    },
    setLevel(next) {
      level = next;
    },
    debug: write('debug'),
    info: write('info'),
    warn: write('warn'),
    error: write('error'),
  };
}
