import { createReadStream } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import { pipeline } from 'node:stream';
import { createInflateRaw, inflateRawSync } from 'node:zlib';
import { AppError } from '../../errors';
import { badFile } from './problems';

/**
 * The zip container of an .xlsx, read from its central directory (a few kilobytes at the end of the file) before a
 * byte is inflated, so a zip bomb is refused on what it declares and a truncated file on its missing directory.
 */
export interface ZipEntry {
  name: string;
  flags: number;
  method: number;
  crc32: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

export interface ZipDirectory {
  entries: ZipEntry[];
  /** By name; a Map so that no part name can reach an object's prototype. */
  byName: Map<string, ZipEntry>;
  cdOffset: number;
}

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
/** A workbook has tens of parts; thousands are a sign of a crafted file. */
const MAX_ENTRIES = 20_000;
const MAX_DIRECTORY_BYTES = 16 * 1024 * 1024;
/** An entry this large and this compressible is not a clerk's table (brief: 200:1 beyond 50 MB). */
const SUSPICIOUS_SIZE = 50 * 1024 * 1024;
const SUSPICIOUS_RATIO = 200;

async function readAt(fh: FileHandle, position: number, length: number): Promise<Buffer> {
  const buf = Buffer.alloc(length);
  const { bytesRead } = await fh.read(buf, 0, length, position);
  if (bytesRead < length) throw badFile.corrupt('压缩包数据不完整');
  return buf;
}

/** Finds and reads the central directory; throws the clerk's message for a truncated or non-zip file. */
export async function readZipDirectory(fh: FileHandle, fileSize: number): Promise<ZipDirectory> {
  const tailLength = Math.min(fileSize, 22 + 0xffff);
  const tail = await readAt(fh, fileSize - tailLength, tailLength);
  let at = -1;
  for (let i = tailLength - 22; i >= 0; i--) {
    if (tail.readUInt32LE(i) === EOCD && i + 22 + tail.readUInt16LE(i + 20) <= tailLength) {
      at = i;
      break;
    }
  }
  if (at < 0) throw badFile.corrupt('找不到压缩包目录，文件可能没有下载或复制完整');
  let count = tail.readUInt16LE(at + 10);
  let cdSize = tail.readUInt32LE(at + 12);
  let cdOffset = tail.readUInt32LE(at + 16);
  const eocdPosition = fileSize - tailLength + at;
  if ((count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) && eocdPosition >= 20) {
    const locator = await readAt(fh, eocdPosition - 20, 20);
    if (locator.readUInt32LE(0) === ZIP64_LOCATOR) {
      const z64 = await readAt(fh, Number(locator.readBigUInt64LE(8)), 56);
      if (z64.readUInt32LE(0) !== ZIP64_EOCD) throw badFile.corrupt('压缩包目录损坏');
      count = Number(z64.readBigUInt64LE(32));
      cdSize = Number(z64.readBigUInt64LE(40));
      cdOffset = Number(z64.readBigUInt64LE(48));
    }
  }
  if (count > MAX_ENTRIES || cdSize > MAX_DIRECTORY_BYTES) throw badFile.zipBomb();
  if (cdOffset + cdSize > fileSize) throw badFile.corrupt('压缩包目录超出文件范围，文件可能不完整');
  const cd = await readAt(fh, cdOffset, cdSize);
  const entries: ZipEntry[] = [];
  let p = 0;
  for (let n = 0; n < count; n++) {
    if (p + 46 > cd.length || cd.readUInt32LE(p) !== CENTRAL) throw badFile.corrupt('压缩包目录损坏');
    const nameLength = cd.readUInt16LE(p + 28);
    const extraLength = cd.readUInt16LE(p + 30);
    const commentLength = cd.readUInt16LE(p + 32);
    if (p + 46 + nameLength + extraLength + commentLength > cd.length) throw badFile.corrupt('压缩包目录损坏');
    const flags = cd.readUInt16LE(p + 8);
    const nameBytes = cd.subarray(p + 46, p + 46 + nameLength);
    const entry: ZipEntry = {
      name: nameBytes.toString(flags & 0x800 ? 'utf8' : 'latin1'),
      flags,
      method: cd.readUInt16LE(p + 10),
      crc32: cd.readUInt32LE(p + 16),
      compressedSize: cd.readUInt32LE(p + 20),
      size: cd.readUInt32LE(p + 24),
      localOffset: cd.readUInt32LE(p + 42),
    };
    applyZip64(entry, cd.subarray(p + 46 + nameLength, p + 46 + nameLength + extraLength));
    if (entry.localOffset + 30 + entry.compressedSize > cdOffset) throw badFile.corrupt('压缩包内容超出文件范围');
    entries.push(entry);
    p += 46 + nameLength + extraLength + commentLength;
  }
  const byName = new Map<string, ZipEntry>();
  for (const e of entries) if (!byName.has(e.name)) byName.set(e.name, e);
  return { entries, byName, cdOffset };
}

/** Zip64 keeps a size or offset that does not fit 32 bits in an extra field, in a fixed order. */
function applyZip64(entry: ZipEntry, extra: Buffer): void {
  for (let q = 0; q + 4 <= extra.length;) {
    const id = extra.readUInt16LE(q);
    const length = extra.readUInt16LE(q + 2);
    if (id === 0x0001) {
      let r = q + 4;
      const take = (): number => {
        if (r + 8 > q + 4 + length) throw badFile.corrupt('压缩包目录损坏');
        const v = Number(extra.readBigUInt64LE(r));
        r += 8;
        return v;
      };
      if (entry.size === 0xffffffff) entry.size = take();
      if (entry.compressedSize === 0xffffffff) entry.compressedSize = take();
      if (entry.localOffset === 0xffffffff) entry.localOffset = take();
      return;
    }
    q += 4 + length;
  }
}

/** Refuses on what the directory declares: too much in total, or one part absurdly compressible. */
export function checkDeclaredSizes(dir: ZipDirectory, maxUnzippedBytes: number): void {
  let total = 0;
  for (const e of dir.entries) {
    total += e.size;
    if (e.size > SUSPICIOUS_SIZE && e.size / Math.max(e.compressedSize, 1) > SUSPICIOUS_RATIO) throw badFile.zipBomb();
  }
  if (total > maxUnzippedBytes) throw badFile.zipBomb();
}

/** Where an entry's compressed bytes start: after its local header, whose name and extra lengths are its own. */
export async function dataStart(fh: FileHandle, entry: ZipEntry): Promise<number> {
  const header = await readAt(fh, entry.localOffset, 30);
  if (header.readUInt32LE(0) !== LOCAL) throw badFile.corrupt(`压缩包中的“${entry.name}”已损坏`);
  return entry.localOffset + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
}

export function checkReadable(entry: ZipEntry): void {
  if (entry.flags & 0x1) throw badFile.encrypted();
  if (entry.method !== 0 && entry.method !== 8) throw badFile.unsupported('文件使用了不常见的压缩方式');
}

/** A small part (workbook.xml, its relationships) inflated whole, refusing one that grows beyond `maxBytes`. */
export async function readSmallEntry(fh: FileHandle, entry: ZipEntry, maxBytes: number): Promise<string> {
  checkReadable(entry);
  if (entry.size > maxBytes || entry.compressedSize > maxBytes) throw badFile.zipBomb();
  const raw = await readAt(fh, await dataStart(fh, entry), entry.compressedSize);
  if (entry.method === 0) return raw.toString('utf8');
  try {
    return inflateRawSync(raw, { maxOutputLength: maxBytes }).toString('utf8');
  } catch (err) {
    if (err instanceof RangeError) throw badFile.zipBomb();
    throw badFile.corrupt(`压缩包中的“${entry.name}”已损坏`);
  }
}

/**
 * The longest stretch of XML without a tag a real part holds is one cell's text (at most 32,767 characters). A
 * part with megabytes between two tags is built to make the XML parser gather one giant string.
 */
const MAX_BYTES_BETWEEN_TAGS = 4 * 1024 * 1024;

export class TagGapWatch {
  private since = 0;

  check(chunk: Buffer): void {
    const first = chunk.indexOf(0x3c);
    if (first < 0) this.since += chunk.length;
    else {
      if (this.since + first > MAX_BYTES_BETWEEN_TAGS) throw badFile.corrupt('工作表中有异常的超长内容');
      this.since = chunk.length - chunk.lastIndexOf(0x3c) - 1;
    }
    if (this.since > MAX_BYTES_BETWEEN_TAGS) throw badFile.corrupt('工作表中有异常的超长内容');
  }
}

/**
 * Inflates an entry without keeping it, to learn its real size: the directory can lie, and a part ExcelJS reads
 * whole (the shared strings) must be known to fit before it is handed over. Stops as soon as `maxBytes` is passed.
 */
export async function measureEntry(path: string, fh: FileHandle, entry: ZipEntry, maxBytes: number): Promise<number> {
  checkReadable(entry);
  const start = await dataStart(fh, entry);
  if (entry.compressedSize === 0) return 0;
  const source = createReadStream(path, { start, end: start + entry.compressedSize - 1 });
  // pipeline, not pipe: a read error must reach the loop below instead of escaping as an unhandled 'error' event.
  const inflate = entry.method === 8 ? pipeline(source, createInflateRaw(), () => {}) : null;
  let total = 0;
  const gaps = new TagGapWatch();
  try {
    for await (const chunk of inflate ?? source) {
      gaps.check(chunk as Buffer);
      total += (chunk as Buffer).length;
      if (total > maxBytes) throw badFile.zipBomb();
    }
    return total;
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw badFile.corrupt(`压缩包中的“${entry.name}”已损坏`);
  } finally {
    source.destroy();
    inflate?.destroy();
  }
}
