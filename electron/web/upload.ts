import { createWriteStream, mkdirSync, renameSync, rmSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import { dirname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Transform } from 'node:stream';
import { randomBytes } from 'node:crypto';
import { looksEncrypted, looksLikeLedgerFile } from '../core/db/fileHeader';

/** A township ledger of 100,000 enterprises is about 340 MB; leave room, refuse anything absurd. */
export const LEDGER_UPLOAD_LIMIT = 1024 * 1024 * 1024;

export class UploadError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Streams an uploaded ledger into the data folder, where `place` says (given the file's own name without .yqyc).
 * The browser cannot give a path, so that copy is the file the core opens. Anything that is not a ledger is
 * removed again.
 */
export async function receiveLedgerUpload(
  req: IncomingMessage,
  uploadsDir: string,
  place: (base: string) => string,
): Promise<string> {
  const declared = Number(req.headers['content-length'] ?? NaN);
  if (Number.isFinite(declared) && declared > LEDGER_UPLOAD_LIMIT)
    throw new UploadError(413, '文件太大（超过 1 GB），不是台账文件或已损坏');
  mkdirSync(uploadsDir, { recursive: true });
  const tmp = join(uploadsDir, `${randomBytes(8).toString('hex')}.part`);
  try {
    const received = await receiveInto(req, tmp, LEDGER_UPLOAD_LIMIT, '文件太大（超过 1 GB），不是台账文件或已损坏');
    if (received === 0) throw new UploadError(400, '上传的文件是空的');
    // An encrypted ledger has no readable header; its password is asked for when it is opened.
    if (!looksLikeLedgerFile(tmp) && !looksEncrypted(tmp))
      throw new UploadError(415, '该文件不是“一企一策”台账文件（.yqyc）');
    const target = place(baseName(req.headers['x-file-name']));
    mkdirSync(dirname(target), { recursive: true });
    renameSync(tmp, target);
    return target;
  } finally {
    rmSync(tmp, { force: true });
  }
}

/**
 * A township's ledger read for 全县汇总 is not one of this PC's own: it goes under uploads/county, each in a folder
 * of its own so two townships' files of one name never meet, and is removed when the shell next starts.
 */
export function countyUploadPath(uploadsDir: string, base: string): string {
  return join(countyUploadsDir(uploadsDir), randomBytes(8).toString('hex'), `${base}.yqyc`);
}

export const countyUploadsDir = (uploadsDir: string) => join(uploadsDir, 'county');

function baseName(header: string | string[] | undefined): string {
  let name = '';
  try {
    name = decodeURIComponent(String(header ?? ''));
  } catch {
    name = '';
  }
  return name.replace(/\.yqyc$/i, '').replace(/^.*[\\/]/, '') || '上传的台账';
}

/** A township's spreadsheet is a few MB; a county's 100,000 rows about 30 MB. Beyond this it is not a ledger table. */
export const SPREADSHEET_UPLOAD_LIMIT = 100 * 1024 * 1024;

/**
 * Streams an uploaded spreadsheet (to import, or a template to fill) into its own folder under the data folder,
 * keeping the clerk's file name (the import names it in its messages). The core checks the content itself.
 */
export async function receiveSpreadsheetUpload(req: IncomingMessage, uploadsDir: string): Promise<string> {
  const declared = Number(req.headers['content-length'] ?? NaN);
  const tooBig = '文件太大（超过 100 MB），请拆分后再导入';
  if (Number.isFinite(declared) && declared > SPREADSHEET_UPLOAD_LIMIT) throw new UploadError(413, tooBig);
  const dir = join(uploadsDir, `sheet-${randomBytes(8).toString('hex')}`);
  mkdirSync(dir, { recursive: true });
  const path = join(dir, spreadsheetName(req.headers['x-file-name']));
  try {
    const received = await receiveInto(req, path, SPREADSHEET_UPLOAD_LIMIT, tooBig);
    if (received === 0) throw new UploadError(400, '上传的文件是空的');
    return path;
  } catch (e) {
    rmSync(dir, { recursive: true, force: true });
    throw e;
  }
}

/** The clerk's file name without any folder part or characters a file system refuses; the extension is kept. */
function spreadsheetName(header: string | string[] | undefined): string {
  let name = '';
  try {
    name = decodeURIComponent(String(header ?? ''));
  } catch {
    name = '';
  }
  name = keepTail(name.replace(/^.*[\\/]/, '').replace(/[\u0000-\u001f<>:"|?*]/g, '_'), NAME_BYTES);
  return name && !name.startsWith('.') ? name : '上传的表格.xlsx';
}

/**
 * File systems limit a name to 255 bytes, not characters: 120 Chinese characters are 360 bytes in UTF-8, and such
 * a name made the upload fail with an internal error. The end of the name (with its extension) is kept.
 */
const NAME_BYTES = 180;

function keepTail(name: string, maxBytes: number): string {
  const chars = Array.from(name);
  let bytes = Buffer.byteLength(name);
  while (bytes > maxBytes && chars.length > 0) bytes -= Buffer.byteLength(chars.shift()!);
  return chars.join('');
}

/**
 * Streams the request body into a new file, refusing beyond `limit` bytes. The request is kept out of the
 * pipeline on purpose: a pipeline destroys its source on error, which here would reset the connection before the
 * clerk's browser could read the 413 and its message. Instead the rest of the body is read and dropped (as Node
 * does for any request answered early) and only the file side is torn down.
 */
function receiveInto(req: IncomingMessage, path: string, limit: number, tooBig: string): Promise<number> {
  let received = 0;
  const limiter = new Transform({
    transform(chunk: Buffer, _enc, done) {
      received += chunk.length;
      if (received > limit) done(new UploadError(413, tooBig));
      else done(null, chunk);
    },
  });
  const written = pipeline(limiter, createWriteStream(path, { flags: 'wx' }));
  req.pipe(limiter);
  const aborted = () => limiter.destroy(new UploadError(400, '上传中断，请重新上传'));
  req.once('error', aborted);
  req.once('close', () => {
    if (!req.complete) aborted();
  });
  return written.then(
    () => received,
    (e: unknown) => {
      req.unpipe(limiter);
      req.resume();
      throw e;
    },
  );
}
