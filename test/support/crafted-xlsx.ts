// Builds .xlsx packages byte by byte, including ones no spreadsheet program would write: huge inflated parts,
// parts that lie about their size, cells far to the right. Shared by the import limit tests and the import bench.
import { constants, crc32, deflateRawSync } from 'node:zlib';

/** text per repeated deflate block: deflate's best ratio is about 1000:1, so bigger blocks gain nothing */
const BLOCK_BYTES = 1024 * 1024;

export interface CraftedPart {
  name: string;
  /** the part's text, or chunks repeated to build a part too large to hold as one string */
  text?: string;
  repeat?: { head: string; unit: string; count: number; tail: string };
  /** written into the directory instead of the real size (a lying zip bomb) */
  declaredSize?: number;
}

function partBytes(part: CraftedPart): { compressed: Buffer; size: number; crc: number } {
  if (part.text !== undefined) {
    const raw = Buffer.from(part.text, 'utf8');
    return { compressed: deflateRawSync(raw, { level: 9 }), size: raw.length, crc: crc32(raw) };
  }
  // A full flush ends each piece on a byte boundary with a fresh dictionary, so one deflated block of many units
  // can be repeated as is: a part of hundreds of megabytes is built without ever holding it.
  const { head, unit, count, tail } = part.repeat!;
  const flushed = (text: string) => deflateRawSync(Buffer.from(text, 'utf8'), { finishFlush: constants.Z_FULL_FLUSH });
  const blockUnits = Math.max(1, Math.floor(BLOCK_BYTES / Math.max(1, unit.length)));
  const blockText = unit.repeat(Math.min(count, blockUnits));
  const blocks = Math.floor(count / blockUnits);
  const rest = unit.repeat(count - blocks * blockUnits);
  const pieces = [flushed(head)];
  const block = flushed(blockText);
  for (let i = 0; i < blocks; i++) pieces.push(block);
  pieces.push(flushed(rest), deflateRawSync(Buffer.from(tail, 'utf8')));
  let crc = crc32(head);
  const blockBytes = Buffer.from(blockText, 'utf8');
  for (let i = 0; i < blocks; i++) crc = crc32(blockBytes, crc);
  crc = crc32(tail, crc32(rest, crc));
  const size = Buffer.byteLength(head) + blocks * blockBytes.length + Buffer.byteLength(rest) + Buffer.byteLength(tail);
  return { compressed: Buffer.concat(pieces), size, crc };
}

/** A ZIP archive of the parts (deflated), with the central directory the reader starts from. */
export function zipParts(parts: CraftedPart[]): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const name = Buffer.from(part.name, 'utf8');
    const { compressed, size, crc } = partBytes(part);
    const declared = part.declaredSize ?? size;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(compressed.length, 18);
    local.writeUInt32LE(declared, 22);
    local.writeUInt16LE(name.length, 26);
    const header = Buffer.alloc(46);
    header.writeUInt32LE(0x02014b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(20, 6);
    header.writeUInt16LE(8, 10);
    header.writeUInt32LE(crc, 16);
    header.writeUInt32LE(compressed.length, 20);
    header.writeUInt32LE(declared, 24);
    header.writeUInt16LE(name.length, 28);
    header.writeUInt32LE(offset, 42);
    locals.push(local, name, compressed);
    central.push(header, name);
    offset += local.length + name.length + compressed.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const WORKBOOK_PARTS: CraftedPart[] = [
  {
    name: '_rels/.rels',
    text: '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
  },
  {
    name: 'xl/workbook.xml',
    text: '<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>',
  },
  {
    name: 'xl/_rels/workbook.xml.rels',
    text: '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>',
  },
];

const SHEET_HEAD =
  '<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>';
const SHEET_TAIL = '</sheetData></worksheet>';

/** A workbook whose first sheet is `rows` (XML of <row> elements), repeated `count` times after `head` rows. */
export function craftedWorkbook(opts: {
  headRows?: string;
  unitRow?: string;
  count?: number;
  sharedStrings?: CraftedPart['repeat'] | string;
  sheetDeclaredSize?: number;
}): Buffer {
  const sheet: CraftedPart = {
    name: 'xl/worksheets/sheet1.xml',
    repeat: {
      head: SHEET_HEAD + (opts.headRows ?? ''),
      unit: opts.unitRow ?? '',
      count: opts.count ?? 0,
      tail: SHEET_TAIL,
    },
    declaredSize: opts.sheetDeclaredSize,
  };
  const parts = [...WORKBOOK_PARTS, sheet];
  if (typeof opts.sharedStrings === 'string') parts.push({ name: 'xl/sharedStrings.xml', text: opts.sharedStrings });
  else if (opts.sharedStrings) parts.push({ name: 'xl/sharedStrings.xml', repeat: opts.sharedStrings });
  return zipParts(parts);
}

export const inlineCell = (ref: string, text: string) => `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;
