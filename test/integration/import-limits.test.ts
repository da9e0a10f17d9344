// Every import cap, driven by files crafted to cross it: each must be refused with its own reason, quickly, and
// without the process growing by anything near the size the file would unpack to.
import ExcelJS from 'exceljs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BadFileError } from '../../main/import/bad-file';
import { IMPORT_LIMITS } from '../../main/import/table-limits';
import { planImportFile } from '../../main/services/import-file';
import { craftedWorkbook, inlineCell } from '../support/crafted-xlsx';

const RESOURCES = path.resolve(import.meta.dirname, '../../resources');
const MB = 1024 * 1024;

/** Plans the file and reports the outcome, the wall time and how far the process's peak RSS rose. */
async function measure(fileName: string, content: Buffer, limits?: Parameters<typeof planImportFile>[3]) {
  const peakBefore = process.resourceUsage().maxRSS * 1024;
  const started = performance.now();
  const outcome = await planImportFile(fileName, content, RESOURCES, limits).then(
    (plan) => ({ plan, error: null }),
    (error: unknown) => ({ plan: null, error }),
  );
  const m = {
    ...outcome,
    reason: outcome.error instanceof BadFileError ? outcome.error.reason : null,
    ms: performance.now() - started,
    peakGrowth: process.resourceUsage().maxRSS * 1024 - peakBefore,
  };
  // IMPORT_FIGURES=1 prints each crafted file's figures (size, outcome, time, growth of the peak RSS)
  if (process.env.IMPORT_FIGURES) {
    const figures = [fileName, `${content.length} B`, m.reason ?? 'read', `${Math.round(m.ms)} ms`];
    console.log([...figures, `peak RSS +${Math.round(m.peakGrowth / MB)} MB`].join(' | '));
  }
  return m;
}

describe('import limits', () => {
  it('refuses a 3 KB workbook with a cell in the last Excel column, without allocating the columns in between', async () => {
    const file = craftedWorkbook({
      headRows: `<row>${inlineCell('A1', 'Website')}</row>`,
      unitRow: `<row>${inlineCell('A2', 'firma.com')}${inlineCell('XFD2', 'x')}</row>`,
      count: 5_000,
    });
    expect(file.length).toBeLessThan(4 * 1024);
    const result = await measure('wide.xlsx', file);
    expect(result.reason).toBe('too_many_columns');
    expect(result.ms).toBeLessThan(5_000);
    expect(result.peakGrowth).toBeLessThan(150 * MB);
  });

  it('stops reading a 200 KB workbook of millions of rows as soon as the row cap is crossed', async () => {
    const file = craftedWorkbook({
      headRows: `<row>${inlineCell('A1', 'Website')}</row>`,
      unitRow: `<row><c t="inlineStr"><is><t>firma.com.tr</t></is></c></row>`,
      count: 1_100_000,
    });
    expect(file.length).toBeLessThan(250 * 1024);
    const result = await measure('rows.xlsx', file);
    expect(result.reason).toBe('too_many_rows');
    expect(result.error).toMatchObject({ limit: IMPORT_LIMITS.rows });
    expect(result.ms).toBeLessThan(15_000);
    expect(result.peakGrowth).toBeLessThan(400 * MB);
  });

  it('refuses a part whose declared size is over the cap before inflating any of it', async () => {
    const file = craftedWorkbook({
      unitRow: `<row>${inlineCell('A1', 'firma.com')}</row>`,
      count: 10,
      sheetDeclaredSize: IMPORT_LIMITS.xmlBytes + 1,
    });
    const result = await measure('declared.xlsx', file);
    expect(result.reason).toBe('file_too_large');
    expect(result.ms).toBeLessThan(5_000);
  });

  it('stops inflating a part the moment it produces more than its directory entry declared', async () => {
    const file = craftedWorkbook({
      unitRow: `<row></row>`,
      count: 20_000_000,
      sheetDeclaredSize: 10_000,
    });
    const result = await measure('liar.xlsx', file);
    expect(result.reason).toBe('file_too_large');
    expect(result.ms).toBeLessThan(5_000);
    expect(result.peakGrowth).toBeLessThan(150 * MB);
  });

  it('refuses a shared string of 150 MB without holding it: one element may not outgrow a full row', async () => {
    const file = craftedWorkbook({
      unitRow: `<row><c t="s"><v>0</v></c></row>`,
      count: 1,
      sharedStrings: { head: '<sst><si><t>', unit: 'a'.repeat(1000), count: 150_000, tail: '</t></si></sst>' },
    });
    const result = await measure('cell.xlsx', file);
    expect(result.reason).toBe('file_too_large');
    expect(result.ms).toBeLessThan(5_000);
    expect(result.peakGrowth).toBeLessThan(150 * MB);
  });

  it('refuses more cells than one import keeps, counting them while reading', async () => {
    const cells = Array.from({ length: 40 }, (_, i) => `<c t="inlineStr"><is><t>v${i}</t></is></c>`).join('');
    const file = craftedWorkbook({ unitRow: `<row>${cells}</row>`, count: 60_000 });
    const result = await measure('cells.xlsx', file);
    expect(result.reason).toBe('too_many_cells');
    expect(result.ms).toBeLessThan(15_000);
  });

  it('cuts a cell longer than the cell cap instead of keeping it whole', async () => {
    const long = 'b'.repeat(IMPORT_LIMITS.cellChars * 3);
    const csv = Buffer.from(`Company,Website\n${long},firma.com\n`);
    const result = await measure('long.csv', csv);
    expect(result.plan?.leads[0]).toMatchObject({ domain: 'firma.com' });
    expect(result.plan?.leads[0].company_name).toHaveLength(IMPORT_LIMITS.cellChars);
  });

  it('reads 20,000 rows of 10 columns written by Excel tooling in linear time', async () => {
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet('Leads');
    sheet.addRow(['Firma', 'Web Sitesi', 'E-posta', 'Telefon', 'Şehir', 'A', 'B', 'C', 'D', 'E']);
    for (let i = 0; i < 20_000; i++) {
      sheet.addRow([
        `Firma ${i}`,
        `firma${i}.com.tr`,
        `info@firma${i}.com.tr`,
        '0212 555 00 00',
        'İstanbul',
        1,
        2,
        3,
        4,
        5,
      ]);
    }
    const file = Buffer.from(await wb.xlsx.writeBuffer());
    const result = await measure('big.xlsx', file);
    expect(result.error).toBeNull();
    expect(result.plan?.leads).toHaveLength(20_000);
    expect(result.ms).toBeLessThan(8_000);
  });

  it('refuses CSV files over the column, row and byte caps with their own reasons', async () => {
    const wide = Buffer.from(`${Array.from({ length: 300 }, (_, i) => `c${i}`).join(',')}\n`);
    expect((await measure('wide.csv', wide)).reason).toBe('too_many_columns');
    const tall = Buffer.from(`website\n${'firma.com\n'.repeat(IMPORT_LIMITS.rows + 5)}`);
    expect((await measure('tall.csv', tall)).reason).toBe('too_many_rows');
    const heavy = Buffer.alloc(IMPORT_LIMITS.fileBytes + 1, 'a');
    expect((await measure('heavy.csv', heavy)).reason).toBe('file_too_large');
  });

  it('ends a worker that outgrows its heap with a file error, and the app process goes on', async () => {
    const file = Buffer.from(`website,company\n${'firma.com,Firma A.Ş.\n'.repeat(150_000)}`);
    const result = await measure('heap.csv', file, { heapMb: 8, timeoutMs: 60_000 });
    expect(result.reason).toBe('too_many_cells');
  });

  it('gives up on a file that takes longer than the time limit', async () => {
    const file = Buffer.from(`website\n${'firma.com\n'.repeat(100_000)}`);
    const result = await measure('slow.csv', file, { heapMb: 512, timeoutMs: 1 });
    expect(result.reason).toBe('parse_timeout');
  });
});
