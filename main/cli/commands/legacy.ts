import fs from 'node:fs';
import path from 'node:path';
import { MAX_LEGACY_FILE_BYTES } from '../../ops/legacy/import';
import { EXIT, parse, UsageError } from '../args';
import type { CliIo, Command } from '../args';
import { AppError } from '../../core/app-error';
import { moveLegacyNotes } from '../../integrations/dynamics/legacy-notes';
import { withDynamics } from '../dynamics';
import { withHunter } from '../with-hunter';

/**
 * `hunter legacy move-to-dynamics`: every legacy note becomes a note on the Dynamics 365 record its lead was pushed
 * to; the report (also written beside the database) says what moved and what waits for a push.
 */
async function moveToDynamics(values: { db?: string; json?: boolean }, io: CliIo): Promise<number> {
  return withDynamics(values.db, io, async (hunter) => {
    const runtime = hunter.dynamics.runtime();
    if (!runtime) throw new AppError('not_configured', 'Dynamics 365 is not configured: set its organisation URL');
    const report = await moveLegacyNotes(hunter.store, runtime);
    const file = path.join(
      path.dirname(path.resolve(hunter.dbPath)),
      `hunter.legacy-notes-moved-${new Date().toISOString().replace(/[:.]/g, '-')}.json`,
    );
    fs.writeFileSync(file, JSON.stringify(report, null, 2), { mode: 0o600 });
    const summary = { moved: report.moved.length, not_pushed: report.not_pushed.length, failed: report.failed.length };
    io.out(
      values.json
        ? JSON.stringify({ ...summary, report: file })
        : `moved ${summary.moved} notes, ${summary.not_pushed} wait for their lead to be pushed, ${summary.failed} failed (${file})`,
    );
    return summary.failed > 0 || summary.not_pushed > 0 ? EXIT.someFailed : EXIT.ok;
  });
}

/** `hunter legacy import <file>`: the previous Hunter's notes, manual tags and favorites, all or nothing. */
export const legacyCommand: Command = async (args, io) => {
  const { values, positionals } = parse(args, {});
  const [sub, file, ...extra] = positionals;
  if (sub === 'move-to-dynamics' && !file) return moveToDynamics(values, io);
  if (sub !== 'import')
    throw new UsageError('use "hunter legacy import <file.json|file.csv>" or "hunter legacy move-to-dynamics"');
  if (!file || extra.length) throw new UsageError('give exactly one file');
  if (fs.statSync(file).size > MAX_LEGACY_FILE_BYTES)
    throw new UsageError(`${file} is larger than ${MAX_LEGACY_FILE_BYTES / 1024 / 1024} MB`);
  const content = fs.readFileSync(file);
  return withHunter(values.db, async ({ crmLite }) => {
    // a malformed file throws bad_file naming its first problems: printed, exit 4, nothing written
    const r = await crmLite.import(path.basename(file), content);
    if (values.json) io.out(JSON.stringify(r));
    else
      io.out(
        `imported ${r.notes} notes, ${r.tags} tags, ${r.favorites} favorites` +
          ` (${r.duplicates} already there, ${r.auto_tags_skipped} automatic tags skipped)`,
      );
    return EXIT.ok;
  });
};
