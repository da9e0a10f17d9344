import Papa from 'papaparse';
import { BadFileError } from './bad-file';
import { IMPORT_LIMITS, TableBuilder, type Table } from './table-limits';
import { readXlsx } from './xlsx-reader';

export { BadFileError };
export type { Table };

/** The file's rows as text, within IMPORT_LIMITS; the work is linear in the file's size and stops at a limit. */
export async function readTable(fileName: string, content: Buffer): Promise<Table> {
  const ext = fileName.toLowerCase().split('.').pop() ?? '';
  if (ext === 'xls')
    throw new BadFileError('old_xls', 'Old .xls files are not supported: save the sheet as .xlsx or .csv');
  if (ext !== 'xlsx' && ext !== 'csv' && ext !== 'txt' && ext !== 'tsv') {
    throw new BadFileError('unsupported_type', `Unsupported file type ".${ext}": use .csv or .xlsx`);
  }
  if (content.length > IMPORT_LIMITS.fileBytes) {
    throw new BadFileError('file_too_large', 'The file is too large to import', IMPORT_LIMITS.fileBytes);
  }
  return ext === 'xlsx' ? readXlsx(content) : readCsv(content);
}

function decodeText(content: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(content).replace(/^\uFEFF/, '');
  } catch {
    // Excel on Turkish Windows saves CSV in windows-1254, not UTF-8
    return new TextDecoder('windows-1254').decode(content);
  }
}

function readCsv(content: Buffer): Table {
  const builder = new TableBuilder();
  let stopped: unknown = null;
  let firstError: Papa.ParseError | null = null;
  let rows = 0;
  Papa.parse<string[]>(decodeText(content), {
    skipEmptyLines: true,
    step(result, parser) {
      // a delimiter guess on a one-column file is not an error worth refusing the file for
      firstError ??= result.errors.find((e) => e.code !== 'UndetectableDelimiter') ?? null;
      try {
        rows++;
        builder.add(result.data.map((c) => String(c ?? '')));
      } catch (err) {
        stopped = err;
        parser.abort();
      }
    },
  });
  if (stopped) throw stopped;
  const error = firstError as Papa.ParseError | null;
  if (rows === 0 && error) {
    throw new BadFileError('damaged_file', `The CSV file could not be read: ${error.message}`);
  }
  return builder.table();
}
