import fs from 'node:fs';
import path from 'node:path';
import { MAX_LEGACY_FILE_BYTES } from '../../ops/legacy/import';
import { EXIT, parse, UsageError } from '../args';
import type { Command } from '../args';
import { withHunter } from '../with-hunter';

/** `hunter legacy import <file>`: the previous Hunter's notes, manual tags and favorites, all or nothing. */
export const legacyCommand: Command = async (args, io) => {
  const { values, positionals } = parse(args, {});
  const [sub, file, ...extra] = positionals;
  if (sub !== 'import') throw new UsageError('use "hunter legacy import <file.json|file.csv>"');
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
