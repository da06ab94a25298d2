import type { FileHandle } from 'node:fs/promises';
import { constants, inflateRawSync } from 'node:zlib';
import { badFile } from './problems';
import { dataStart, readSmallEntry, type ZipEntry } from './zip';

/**
 * Workbooks written with Microsoft's OpenXML SDK (many .NET systems that export "Excel") bind SpreadsheetML to a
 * prefix: <x:worksheet><x:sheetData><x:row>. ExcelJS matches element names literally and would read such a sheet as
 * empty (exceljs issue #1437). The prefix is found at the root of each part and taken off the tags before ExcelJS
 * sees them.
 */
export interface PartHead {
  /** The namespace prefix on the root element's tag, if any. */
  prefix: string | null;
  /** A row or cell without its r="…" position: allowed by the standard, fatal to ExcelJS's streaming reader. */
  unpositioned: boolean;
}

export async function peekPart(fh: FileHandle, entry: ZipEntry): Promise<PartHead> {
  const start = await dataStart(fh, entry);
  const length = Math.min(entry.compressedSize, 4096);
  if (length === 0) return { prefix: null, unpositioned: false };
  const raw = Buffer.alloc(length);
  await fh.read(raw, 0, length, start);
  let head: string;
  try {
    // A partial deflate stream: a sync flush gives what the first bytes hold instead of "unexpected end".
    const out = entry.method === 8 ? inflateRawSync(raw, { finishFlush: constants.Z_SYNC_FLUSH }) : raw;
    head = out.subarray(0, 8192).toString('utf8');
  } catch {
    throw badFile.corrupt(`压缩包中的“${entry.name}”已损坏`);
  }
  const m = /<(?!\?|!)(?:([A-Za-z_][\w.-]*):)?[A-Za-z_][\w.-]*[\s/>]/.exec(head);
  const unpositioned = /<(?:[A-Za-z_][\w.-]*:)?(?:row|c)(?=[\s/>])(?![^>]*\sr\s*=)[^>]*>/.test(head);
  return { prefix: m?.[1] ?? null, unpositioned };
}

/** A whole small part (shared strings, styles) with its prefix taken off, for handing over as it should read. */
export async function unprefixedPart(fh: FileHandle, entry: ZipEntry, prefix: string, maxBytes: number) {
  return Buffer.from(new PrefixStripper(prefix).push(Buffer.from(await readSmallEntry(fh, entry, maxBytes))));
}

export class PrefixStripper {
  private carry = '';
  private readonly tag: RegExp;
  private readonly keep: number;

  constructor(prefix: string) {
    this.tag = new RegExp(`<(/?)${prefix.replace(/[.-]/g, '\\$&')}:`, 'g');
    this.keep = prefix.length + 2;
  }

  /** Rewrites a chunk; a tag cut off at the chunk's end waits for the next one (see `end`). */
  push(chunk: Buffer): Buffer {
    // latin1 maps bytes one to one, so multi-byte UTF-8 text passes through untouched.
    let s = this.carry + chunk.toString('latin1');
    const lt = s.lastIndexOf('<');
    if (lt >= 0 && s.length - lt <= this.keep && !s.includes('>', lt)) {
      this.carry = s.slice(lt);
      s = s.slice(0, lt);
    } else this.carry = '';
    return Buffer.from(s.replace(this.tag, '<$1'), 'latin1');
  }

  end(): Buffer {
    const rest = Buffer.from(this.carry, 'latin1');
    this.carry = '';
    return rest;
  }
}
