// The part of the ZIP format an .xlsx needs: the central directory, and one entry at a time inflated as a stream
// under a byte cap. The cap is checked against the declared size before inflating (a zip bomb declares its real
// size or lies about it) and against the bytes actually produced while inflating (a liar is stopped at the cap).
import { Readable } from 'node:stream';
import { createInflateRaw } from 'node:zlib';
import { BadFileError } from './bad-file';

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
}

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
const MAX_ENTRIES = 10_000;
const STORED = 0;
const DEFLATED = 8;

const damaged = () => new BadFileError('damaged_file', 'The .xlsx file is damaged or not an Excel workbook');

/** The entries of the central directory, by name. */
export function readZipDirectory(zip: Buffer): Map<string, ZipEntry> {
  // the end-of-central-directory record is in the last 22 bytes plus a comment of at most 65,535 bytes
  let eocd = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 0xffff); i--) {
    if (zip.readUInt32LE(i) === EOCD_SIGNATURE) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw damaged();
  const count = zip.readUInt16LE(eocd + 10);
  const offset = zip.readUInt32LE(eocd + 16);
  if (count > MAX_ENTRIES) throw damaged();
  const entries = new Map<string, ZipEntry>();
  let p = offset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > zip.length || zip.readUInt32LE(p) !== CENTRAL_SIGNATURE) throw damaged();
    const nameLength = zip.readUInt16LE(p + 28);
    const extraLength = zip.readUInt16LE(p + 30);
    const commentLength = zip.readUInt16LE(p + 32);
    const name = zip.toString('utf8', p + 46, p + 46 + nameLength);
    entries.set(name, {
      name,
      method: zip.readUInt16LE(p + 10),
      compressedSize: zip.readUInt32LE(p + 20),
      uncompressedSize: zip.readUInt32LE(p + 24),
      localHeaderOffset: zip.readUInt32LE(p + 42),
    });
    p += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

function compressedBytes(zip: Buffer, entry: ZipEntry): Buffer {
  const p = entry.localHeaderOffset;
  if (p + 30 > zip.length || zip.readUInt32LE(p) !== LOCAL_SIGNATURE) throw damaged();
  const start = p + 30 + zip.readUInt16LE(p + 26) + zip.readUInt16LE(p + 28);
  const end = start + entry.compressedSize;
  if (end > zip.length) throw damaged();
  return zip.subarray(start, end);
}

/**
 * The entry's bytes as a stream of chunks, never more than `maxBytes` in total. The consumer may stop early
 * (return from its for-await loop): inflating stops with it.
 */
export async function* inflateEntry(
  zip: Buffer,
  entry: ZipEntry,
  maxBytes: number,
  tooLarge: () => Error,
): AsyncGenerator<Buffer> {
  if (entry.uncompressedSize > maxBytes) throw tooLarge();
  const data = compressedBytes(zip, entry);
  if (entry.method === STORED) {
    if (data.length > maxBytes) throw tooLarge();
    yield data;
    return;
  }
  if (entry.method !== DEFLATED) throw damaged();
  const inflate = Readable.from([data]).pipe(createInflateRaw({ chunkSize: 64 * 1024 }));
  let total = 0;
  try {
    for await (const chunk of inflate as AsyncIterable<Buffer>) {
      total += chunk.length;
      // the declared size was within the cap; producing more than declared is a crafted entry
      if (total > entry.uncompressedSize || total > maxBytes) throw tooLarge();
      yield chunk;
    }
  } catch (err) {
    if (err instanceof BadFileError) throw err;
    throw damaged();
  } finally {
    inflate.destroy();
  }
}
