import Papa from 'papaparse';
import ExcelJS from 'exceljs';
import { AppError } from '../core/app-error';

export interface Table {
  /** the first row as it was in the file */
  firstRow: string[];
  rows: string[][];
}

/** A file we cannot read at all: the message is safe to show to a user. */
const badFile = (message: string) => new AppError('bad_file', message);

const MAX_ROWS = 200_000;

export async function readTable(fileName: string, content: Buffer): Promise<Table> {
  const ext = fileName.toLowerCase().split('.').pop() ?? '';
  let all: string[][];
  if (ext === 'xlsx') all = await readXlsx(content);
  else if (ext === 'csv' || ext === 'txt' || ext === 'tsv') all = readCsv(content);
  else if (ext === 'xls') throw badFile('Old .xls files are not supported: save the sheet as .xlsx or .csv');
  else throw badFile(`Unsupported file type ".${ext}": use .csv or .xlsx`);

  const nonEmpty = all.filter((r) => r.some((c) => c.trim() !== ''));
  if (nonEmpty.length === 0) throw badFile('The file has no rows');
  if (nonEmpty.length > MAX_ROWS + 1) throw badFile(`The file has more than ${MAX_ROWS} rows`);
  return { firstRow: nonEmpty[0], rows: nonEmpty.slice(1) };
}

function decodeText(content: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(content).replace(/^\uFEFF/, '');
  } catch {
    // Excel on Turkish Windows saves CSV in windows-1254, not UTF-8
    return new TextDecoder('windows-1254').decode(content);
  }
}

function readCsv(content: Buffer): string[][] {
  const parsed = Papa.parse<string[]>(decodeText(content), { skipEmptyLines: true });
  // a delimiter guess on a one-column file is not an error worth refusing the file for
  const fatal = parsed.errors.filter((e) => e.code !== 'UndetectableDelimiter');
  if (parsed.data.length === 0 && fatal.length > 0) {
    throw badFile(`The CSV file could not be read: ${fatal[0].message}`);
  }
  return parsed.data.map((r) => r.map((c) => String(c ?? '')));
}

async function readXlsx(content: Buffer): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(content as unknown as ArrayBuffer);
  } catch {
    throw badFile('The .xlsx file is damaged or not an Excel workbook');
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw badFile('The workbook has no sheets');
  const rows: string[][] = [];
  sheet.eachRow({ includeEmpty: false }, (row) => {
    const cells: string[] = [];
    for (let i = 1; i <= sheet.columnCount; i++) cells.push(cellText(row.getCell(i).value));
    rows.push(cells);
  });
  return rows;
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object') {
    if ('hyperlink' in value) return String(value.text ?? value.hyperlink ?? '');
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('result' in value) return String(value.result ?? '');
    if ('text' in value) return String((value as { text: unknown }).text ?? '');
    if (value instanceof Date) return value.toISOString().slice(0, 10);
  }
  return String(value);
}
