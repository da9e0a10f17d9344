import fs from 'node:fs';
import path from 'node:path';
import { resourcesDir } from '../../config/load';
import { commitImport, planImportFile } from '../../services/import-file';
import { EXIT, parse, UsageError } from '../args';
import { terminalSafe } from '../format';
import type { Command } from '../args';
import { withHunter } from '../with-hunter';

export const importCommand: Command = async (args, io) => {
  const { values, positionals } = parse(args, {});
  if (positionals.length !== 1) throw new UsageError('give one .csv or .xlsx file');
  const file = positionals[0];
  const plan = await planImportFile(path.basename(file), fs.readFileSync(file), resourcesDir());
  return withHunter(values.db, async ({ store }) => {
    const result = commitImport(store, path.basename(file), plan);
    for (const row of plan.rows.filter((r) => r.error && r.error !== 'duplicate')) {
      io.err(terminalSafe(`row ${row.row}: "${row.input}" rejected: ${row.error_message}`));
    }
    // the imported domain list is for the app's "scan them" action; the CLI prints the counts
    const { domains: _domains, ...counts } = result;
    const out = { ...counts, columns: plan.preview.columns };
    io.out(
      values.json
        ? JSON.stringify(out)
        : `imported ${result.added} new, ${result.updated} updated, ${result.rejected} rejected, ${result.duplicates} duplicates`,
    );
    return result.rejected > 0 ? EXIT.someFailed : EXIT.ok;
  });
};
