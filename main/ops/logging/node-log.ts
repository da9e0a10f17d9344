import electronLog from 'electron-log/node';
import { createJsonLinesLog } from './json-lines-log';
import type { ElectronLogger, JsonLinesLog } from './json-lines-log';

const loggers = new Map<string, ElectronLogger>();

/**
 * The Log of a plain Node process (CLI, web bridge): electron-log's Node flavour writing `<dir>/<fileName>`.
 * One electron-log instance per file, so a CLI run and the web bridge never share rotation state.
 */
export function createNodeFileLog(
  dir: string,
  fileName: string,
  rotation: { maxSize?: number; keep?: number } = {},
): JsonLinesLog {
  const id = `hunter:${dir}:${fileName}`;
  let logger = loggers.get(id);
  if (!logger) {
    logger = electronLog.create({ logId: id }) as unknown as ElectronLogger;
    loggers.set(id, logger);
  }
  return createJsonLinesLog({ logger, dir, fileName, ...rotation });
}
