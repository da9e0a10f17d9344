// Reads the first sheet of an .xlsx as rows of cell text, in one linear pass over the inflated XML: the sheet is
// inflated as a stream and cut into <row> elements as it arrives, so reading stops the moment a limit is crossed
// and memory holds one chunk and the rows kept, never the whole document or a model of the workbook.
import { posix } from 'node:path';
import { StringDecoder } from 'node:string_decoder';
import { BadFileError } from './bad-file';
import { IMPORT_LIMITS, TableBuilder, type Table } from './table-limits';
import { inflateEntry, readZipDirectory, type ZipEntry } from './zip-entries';

const SMALL_XML_BYTES = 4 * 1024 * 1024;
/** one <row> or <si> element: every cell at its cap plus its markup */
const MAX_ELEMENT_CHARS = IMPORT_LIMITS.columns * (IMPORT_LIMITS.cellChars + 200);

const xmlTooLarge = () =>
  new BadFileError('file_too_large', 'The workbook is too large once unpacked', IMPORT_LIMITS.xmlBytes);

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeXmlText(text: string): string {
  if (!text.includes('&') && !text.includes('_x')) return text;
  return (
    text
      .replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (whole, name: string) => {
        if (name[0] !== '#') return ENTITIES[name] ?? whole;
        const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
        return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '';
      })
      // OOXML escapes characters XML cannot carry as _xHHHH_
      .replace(/_x([0-9a-f]{4})_/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)))
  );
}

/** The visible text of a shared string or inline string: its runs, without phonetic guides. */
function runText(xml: string): string {
  const visible = xml.replace(/<(\w+:)?rPh\b[\s\S]*?<\/(\w+:)?rPh>/g, '');
  let out = '';
  for (const m of visible.matchAll(/<(?:\w+:)?t(?:\s[^>]*)?>([\s\S]*?)<\/(?:\w+:)?t>/g)) out += m[1];
  return decodeXmlText(out);
}

const attributePatterns = new Map<string, RegExp>();

function attribute(tag: string, name: string): string | null {
  let pattern = attributePatterns.get(name);
  if (!pattern) attributePatterns.set(name, (pattern = new RegExp(`\\s${name}\\s*=\\s*("([^"]*)"|'([^']*)')`)));
  const m = pattern.exec(tag);
  return m ? decodeXmlText(m[2] ?? m[3]) : null;
}

/** Complete `tag` elements (self-closing or not) from a stream of XML chunks. */
async function* elements(chunks: AsyncIterable<Buffer>, tag: string): AsyncGenerator<string> {
  const open = new RegExp(`<(?:\\w+:)?${tag}[\\s/>]`, 'g');
  const close = new RegExp(`</(?:\\w+:)?${tag}>`, 'g');
  const decoder = new StringDecoder('utf8');
  let pending = '';
  for await (const chunk of chunks) {
    pending += decoder.write(chunk);
    let consumed = 0;
    for (;;) {
      open.lastIndex = consumed;
      const start = open.exec(pending);
      if (!start) {
        // keep only a tail that may hold the start of an opening tag
        consumed = Math.max(consumed, pending.length - tag.length - 40);
        break;
      }
      const tagEnd = pending.indexOf('>', start.index);
      if (tagEnd < 0) {
        consumed = start.index;
        break;
      }
      if (pending[tagEnd - 1] === '/') {
        yield pending.slice(start.index, tagEnd + 1);
        consumed = tagEnd + 1;
        continue;
      }
      close.lastIndex = tagEnd;
      const end = close.exec(pending);
      if (!end) {
        consumed = start.index;
        break;
      }
      yield pending.slice(start.index, end.index + end[0].length);
      consumed = end.index + end[0].length;
    }
    pending = pending.slice(consumed);
    if (pending.length > MAX_ELEMENT_CHARS) throw xmlTooLarge();
  }
}

async function smallXml(zip: Buffer, entry: ZipEntry | undefined): Promise<string> {
  if (!entry) return '';
  const parts: Buffer[] = [];
  for await (const chunk of inflateEntry(zip, entry, SMALL_XML_BYTES, xmlTooLarge)) parts.push(chunk);
  return Buffer.concat(parts).toString('utf8');
}

/** Relationship id → target path (resolved against the part's folder) of a .rels part. */
function relationships(xml: string, baseDir: string): { id: string; type: string; path: string }[] {
  return [...xml.matchAll(/<(?:\w+:)?Relationship\b[^>]*>/g)].map((m) => {
    const target = attribute(m[0], 'Target') ?? '';
    return {
      id: attribute(m[0], 'Id') ?? '',
      type: attribute(m[0], 'Type') ?? '',
      path: target.startsWith('/') ? target.slice(1) : posix.normalize(posix.join(baseDir, target)),
    };
  });
}

/** Where the first sheet and the shared strings live, following the package's relationships. */
async function locateParts(zip: Buffer, entries: Map<string, ZipEntry>) {
  const root = relationships(await smallXml(zip, entries.get('_rels/.rels')), '');
  const workbookPath = root.find((r) => r.type.endsWith('/officeDocument'))?.path ?? 'xl/workbook.xml';
  const workbookDir = posix.dirname(workbookPath);
  const workbook = await smallXml(zip, entries.get(workbookPath));
  const rels = relationships(
    await smallXml(zip, entries.get(posix.join(workbookDir, '_rels', `${posix.basename(workbookPath)}.rels`))),
    workbookDir,
  );
  const firstSheetTag = /<(?:\w+:)?sheet\b[^>]*>/.exec(workbook)?.[0];
  const sheetRelId = firstSheetTag ? /\s\w+:id\s*=\s*"([^"]*)"/.exec(firstSheetTag)?.[1] : undefined;
  const sheetPath = rels.find((r) => r.id === sheetRelId)?.path;
  const stringsPath = rels.find((r) => r.type.endsWith('/sharedStrings'))?.path;
  return { sheet: sheetPath ? entries.get(sheetPath) : undefined, strings: stringsPath && entries.get(stringsPath) };
}

async function readSharedStrings(zip: Buffer, entry: ZipEntry | undefined): Promise<string[]> {
  const strings: string[] = [];
  if (!entry) return strings;
  let chars = 0;
  for await (const si of elements(inflateEntry(zip, entry, IMPORT_LIMITS.xmlBytes, xmlTooLarge), 'si')) {
    const text = runText(si).slice(0, IMPORT_LIMITS.cellChars);
    chars += text.length;
    if (strings.length >= IMPORT_LIMITS.cells || chars > IMPORT_LIMITS.textChars) {
      throw new BadFileError(
        'too_many_cells',
        'The file holds more data than one import can take',
        IMPORT_LIMITS.cells,
      );
    }
    strings.push(text);
  }
  return strings;
}

/** "AB12" → 27 (0-based column index), or null when the reference has no letters. */
function columnOf(ref: string | null): number | null {
  const letters = ref ? /^[A-Z]+/i.exec(ref)?.[0] : undefined;
  if (!letters || letters.length > 3) return null;
  let col = 0;
  for (const ch of letters.toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  return col - 1;
}

const CELL = /<(?:\w+:)?c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?c>)/g;
const VALUE = /<(?:\w+:)?v(?:\s[^>]*)?>([\s\S]*?)<\/(?:\w+:)?v>/;

function rowCells(rowXml: string, strings: readonly string[]): (string | undefined)[] {
  const cells: (string | undefined)[] = [];
  let next = 0;
  for (const m of rowXml.matchAll(CELL)) {
    const attrs = m[1];
    const col = columnOf(attribute(attrs, 'r')) ?? next;
    next = col + 1;
    // a cell past the column cap: the builder refuses the row by its width, without allocating up to it
    if (col >= IMPORT_LIMITS.columns) {
      cells.length = IMPORT_LIMITS.columns + 1;
      cells[IMPORT_LIMITS.columns] = 'x';
      break;
    }
    const body = m[2] ?? '';
    const type = attribute(attrs, 't');
    const raw = VALUE.exec(body)?.[1];
    let text: string;
    if (type === 'inlineStr') text = runText(body);
    else if (raw === undefined) text = '';
    else if (type === 's') text = strings[Number(raw)] ?? '';
    else if (type === 'b') text = raw.trim() === '1' ? 'TRUE' : 'FALSE';
    else text = decodeXmlText(raw);
    cells[col] = text;
  }
  return cells;
}

/** The first sheet's non-blank rows, under IMPORT_LIMITS. */
export async function readXlsx(zip: Buffer): Promise<Table> {
  const entries = readZipDirectory(zip);
  const { sheet, strings } = await locateParts(zip, entries);
  if (!sheet) throw new BadFileError('no_sheet', 'The workbook has no sheets');
  const shared = await readSharedStrings(zip, strings || undefined);
  const builder = new TableBuilder();
  for await (const row of elements(inflateEntry(zip, sheet, IMPORT_LIMITS.xmlBytes, xmlTooLarge), 'row')) {
    builder.add(rowCells(row, shared));
  }
  return builder.table();
}
