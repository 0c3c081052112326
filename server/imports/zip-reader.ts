import zlib from 'node:zlib';
import { importLimits, refusal } from './import-limits';

/** One file in a zip, as its central directory describes it. */
export interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  crc32: number;
  compressedSize: number;
  declaredSize: number;
  localHeaderOffset: number;
}

const endSignature = 0x06054b50;
const centralSignature = 0x02014b50;
const localSignature = 0x04034b50;
const zip64Marker = 0xffffffff;

const notXlsx = (found: string) => refusal('not_xlsx', 'The file is not a readable XLSX workbook', found, 'bad_request');
const tooBig = (found: string) => refusal('zip_size', 'The workbook inflates beyond what an inventory can be', found);

function findEnd(bytes: Buffer): number {
  // The end record is 22 bytes plus a comment of at most 65,535 bytes, at the very end.
  for (let offset = bytes.length - 22; offset >= Math.max(0, bytes.length - 22 - 0xffff); offset -= 1) {
    if (bytes.readUInt32LE(offset) === endSignature) return offset;
  }
  throw notXlsx('no zip end record');
}

/**
 * The zip's central directory (APPNOTE.TXT 4.3.12), read without inflating anything, with every
 * entry's declared size, the sum of them and the packing ratio checked against the limits.
 */
export function readZipDirectory(bytes: Buffer): ZipEntry[] {
  if (bytes.length < 22) throw notXlsx('too short for a zip');
  const end = findEnd(bytes);
  const count = bytes.readUInt16LE(end + 10);
  const directoryOffset = bytes.readUInt32LE(end + 16);
  if (count > importLimits.zipEntries) throw tooBig(`${count} zip entries, at most ${importLimits.zipEntries}`);
  const entries: ZipEntry[] = [];
  let offset = directoryOffset;
  let total = 0;
  for (let index = 0; index < count; index += 1) {
    if (offset + 46 > end || bytes.readUInt32LE(offset) !== centralSignature) throw notXlsx('broken zip directory');
    const nameLength = bytes.readUInt16LE(offset + 28);
    const entry: ZipEntry = {
      flags: bytes.readUInt16LE(offset + 8),
      method: bytes.readUInt16LE(offset + 10),
      crc32: bytes.readUInt32LE(offset + 16),
      compressedSize: bytes.readUInt32LE(offset + 20),
      declaredSize: bytes.readUInt32LE(offset + 24),
      localHeaderOffset: bytes.readUInt32LE(offset + 42),
      name: bytes.toString('utf8', offset + 46, offset + 46 + nameLength),
    };
    checkEntry(entry);
    total += entry.declaredSize;
    if (total > importLimits.totalBytes) throw tooBig(`the entries inflate to more than ${importLimits.totalBytes} bytes together`);
    entries.push(entry);
    offset += 46 + nameLength + bytes.readUInt16LE(offset + 30) + bytes.readUInt16LE(offset + 32);
  }
  return entries;
}

function checkEntry(entry: ZipEntry): void {
  if (entry.flags & 1) throw notXlsx(`${entry.name} is encrypted`);
  if (entry.method !== 0 && entry.method !== 8) throw notXlsx(`${entry.name} uses compression method ${entry.method}`);
  if (entry.declaredSize === zip64Marker || entry.compressedSize === zip64Marker) throw tooBig(`${entry.name} is a zip64 entry (over 4 GB)`);
  if (entry.declaredSize > importLimits.entryBytes) throw tooBig(`${entry.name} inflates to ${entry.declaredSize} bytes, at most ${importLimits.entryBytes}`);
  // Tiny entries may pack well by chance; the ratio matters where the size does.
  if (entry.declaredSize > 1024 * 1024 && entry.declaredSize > entry.compressedSize * importLimits.ratio) {
    throw tooBig(`${entry.name} packs ${Math.round(entry.declaredSize / Math.max(entry.compressedSize, 1))} to 1, at most ${importLimits.ratio} to 1`);
  }
}

/**
 * One entry's bytes. zlib stops the moment the output passes the declared size (maxOutputLength
 * is checked as it inflates, chunk by chunk), so a lying header costs at most that much memory.
 */
export function inflateEntry(bytes: Buffer, entry: ZipEntry): Buffer {
  const local = entry.localHeaderOffset;
  if (local + 30 > bytes.length || bytes.readUInt32LE(local) !== localSignature) throw notXlsx(`${entry.name} has no local header`);
  const start = local + 30 + bytes.readUInt16LE(local + 26) + bytes.readUInt16LE(local + 28);
  const packed = bytes.subarray(start, start + entry.compressedSize);
  if (packed.length !== entry.compressedSize) throw notXlsx(`${entry.name} is cut short`);
  let data: Buffer;
  try {
    data = entry.method === 0 ? packed : zlib.inflateRawSync(packed, { maxOutputLength: Math.max(entry.declaredSize, 1) });
  } catch (error) {
    if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') throw tooBig(`${entry.name} inflates to more than its declared ${entry.declaredSize} bytes`);
    throw notXlsx(`${entry.name} does not inflate`);
  }
  if (data.length !== entry.declaredSize) throw tooBig(`${entry.name} inflates to ${data.length} bytes, not the declared ${entry.declaredSize}`);
  if (zlib.crc32(data) !== entry.crc32) throw notXlsx(`${entry.name} fails its checksum`);
  return data;
}
