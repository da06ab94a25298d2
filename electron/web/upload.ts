import { createWriteStream, mkdirSync, renameSync, rmSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Transform } from 'node:stream';
import { randomBytes } from 'node:crypto';
import { looksLikeLedgerFile } from '../core/db/fileHeader';

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
 * Streams an uploaded ledger into the data folder under a fresh name. The browser cannot give a path, so the
 * copy in the data folder becomes the ledger the clerk works on. Anything that is not a ledger is removed again.
 */
export async function receiveLedgerUpload(
  req: IncomingMessage,
  uploadsDir: string,
  ledgersDir: string,
  freshPath: (base: string) => string,
): Promise<string> {
  const declared = Number(req.headers['content-length'] ?? NaN);
  if (Number.isFinite(declared) && declared > LEDGER_UPLOAD_LIMIT)
    throw new UploadError(413, '文件太大（超过 1 GB），不是台账文件或已损坏');
  mkdirSync(uploadsDir, { recursive: true });
  const tmp = join(uploadsDir, `${randomBytes(8).toString('hex')}.part`);
  let received = 0;
  const limiter = new Transform({
    transform(chunk: Buffer, _enc, done) {
      received += chunk.length;
      if (received > LEDGER_UPLOAD_LIMIT) done(new UploadError(413, '文件太大（超过 1 GB），不是台账文件或已损坏'));
      else done(null, chunk);
    },
  });
  try {
    await pipeline(req, limiter, createWriteStream(tmp, { flags: 'wx' }));
    if (received === 0) throw new UploadError(400, '上传的文件是空的');
    if (!looksLikeLedgerFile(tmp)) throw new UploadError(415, '该文件不是“一企一策”台账文件（.yqyc）');
    const target = freshPath(baseName(req.headers['x-file-name']));
    mkdirSync(ledgersDir, { recursive: true });
    renameSync(tmp, target);
    return target;
  } finally {
    rmSync(tmp, { force: true });
  }
}

function baseName(header: string | string[] | undefined): string {
  let name = '';
  try {
    name = decodeURIComponent(String(header ?? ''));
  } catch {
    name = '';
  }
  return name.replace(/\.yqyc$/i, '').replace(/^.*[\\/]/, '') || '上传的台账';
}
