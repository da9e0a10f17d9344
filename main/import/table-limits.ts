import { BadFileError } from './bad-file';

// Caps that hold for every import format, so that no file, however crafted, costs more than a bounded amount of
// memory and time: the readers stop as soon as one is crossed instead of reading on.
export const IMPORT_LIMITS = {
  /** bytes of the file as picked (CSV text or the compressed .xlsx) */
  fileBytes: 50 * 1024 * 1024,
  /** bytes of the inflated sheet XML and shared-strings XML of an .xlsx */
  xmlBytes: 200 * 1024 * 1024,
  columns: 256,
  /** data rows after the header */
  rows: 200_000,
  /** longer cells are cut: no domain, e-mail or company name is this long */
  cellChars: 2_000,
  /** cells kept in all (rows × used columns) */
  cells: 2_000_000,
  /** characters of text kept in all */
  textChars: 40_000_000,
} as const;

export interface Table {
  /** the first row as it was in the file */
  firstRow: string[];
  rows: string[][];
}

/** Collects rows under the limits: blank rows are skipped, long cells cut, and crossing a cap ends the read. */
export class TableBuilder {
  private readonly all: string[][] = [];
  private cells = 0;
  private chars = 0;

  /** cells by column index; the row may be sparse (holes read as empty) */
  add(cells: readonly (string | undefined)[]): void {
    let width = cells.length;
    while (width > 0 && !cells[width - 1]?.trim()) width--;
    if (width === 0) return;
    if (width > IMPORT_LIMITS.columns) {
      throw new BadFileError(
        'too_many_columns',
        `The file uses more than ${IMPORT_LIMITS.columns} columns`,
        IMPORT_LIMITS.columns,
      );
    }
    if (this.all.length > IMPORT_LIMITS.rows) {
      throw new BadFileError('too_many_rows', `The file has more than ${IMPORT_LIMITS.rows} rows`, IMPORT_LIMITS.rows);
    }
    const row: string[] = new Array<string>(width);
    for (let i = 0; i < width; i++) {
      const cell = cells[i] ?? '';
      row[i] = cell.length > IMPORT_LIMITS.cellChars ? cell.slice(0, IMPORT_LIMITS.cellChars) : cell;
      this.chars += row[i].length;
    }
    this.cells += width;
    if (this.cells > IMPORT_LIMITS.cells || this.chars > IMPORT_LIMITS.textChars) {
      throw new BadFileError(
        'too_many_cells',
        'The file holds more data than one import can take',
        IMPORT_LIMITS.cells,
      );
    }
    this.all.push(row);
  }

  table(): Table {
    if (this.all.length === 0) throw new BadFileError('no_rows', 'The file has no rows');
    return { firstRow: this.all[0], rows: this.all.slice(1) };
  }
}
