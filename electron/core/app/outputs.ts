import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import type { CoreContext } from './context';

/** What the core writes for the clerk to take away: workbooks, printed PDFs, .docx documents. */
export type OutputKind = 'xlsx' | 'pdf' | 'docx';

export const OUTPUT_TYPES: Readonly<Record<OutputKind, string>> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

/** The content type to serve a download with, from the extension the core gave it. */
export function downloadType(path: string): string {
  const kind = extname(path).slice(1) as OutputKind;
  return Object.hasOwn(OUTPUT_TYPES, kind) ? OUTPUT_TYPES[kind] : 'application/octet-stream';
}

/** Workbooks and printed files made for the browser shell wait here until downloaded; the desktop and the CLI write where told. */
export function downloadsDirOf(dataDir: string): string {
  return join(dataDir, 'downloads');
}

const DOWNLOAD_ID = /^[A-Za-z0-9_-]{24}$/;

/**
 * The file behind a download id, or null for anything that is not one (never a path from outside). The id names
 * one file whatever its kind; a workbook's path is returned when no file is waiting (the download then says so).
 */
export function downloadPath(dataDir: string, id: string): string | null {
  if (!DOWNLOAD_ID.test(id)) return null;
  const paths = (Object.keys(OUTPUT_TYPES) as OutputKind[]).map((kind) => fileOf(dataDir, id, kind));
  return paths.find((p) => existsSync(p)) ?? paths[0]!;
}

function fileOf(dataDir: string, id: string, kind: OutputKind): string {
  return join(downloadsDirOf(dataDir), `${id}.${kind}`);
}

export interface Output {
  /** Where to write: a temporary name beside the final one. Call `finish` when the file is complete. */
  tempPath: string;
  /** Renames the temporary file into place; returns the download id (browser shell) or null. */
  finish(): string | null;
  /** Removes the temporary file after a failure or a cancel: a half-written workbook is never left behind. */
  abandon(): void;
}

/**
 * Where an export goes: the save target the shell vouched for, or a fresh download in the data folder. The file is
 * written under a temporary name and renamed when complete, so a failed or cancelled export leaves nothing.
 */
export function outputFor(ctx: CoreContext, target: string | undefined, kind: OutputKind = 'xlsx'): Output {
  let finalPath: string;
  let download: string | null = null;
  if (target) finalPath = ctx.files.take(target, 'export');
  else {
    pruneDownloads(ctx.dataDir);
    download = randomBytes(18).toString('base64url');
    finalPath = fileOf(ctx.dataDir, download, kind);
    mkdirSync(downloadsDirOf(ctx.dataDir), { recursive: true });
  }
  const tempPath = `${finalPath}.${randomBytes(4).toString('hex')}.part`;
  return {
    tempPath,
    finish() {
      renameSync(tempPath, finalPath);
      return download;
    },
    abandon() {
      rmSync(tempPath, { force: true });
    },
  };
}

/**
 * Writes one file through `outputFor`: `write` fills the temporary file, which is put in place when it returns and
 * removed when it throws (a failure or a cancel leaves nothing). Returns what `write` returned and the download id.
 */
export async function writeOutput<T>(
  ctx: CoreContext,
  target: string | undefined,
  write: (tempPath: string) => Promise<T>,
): Promise<{ value: T; download: string | null }> {
  const output = outputFor(ctx, target);
  let value: T;
  try {
    value = await write(output.tempPath);
  } catch (e) {
    output.abandon();
    throw e;
  }
  return { value, download: output.finish() };
}

/** Downloads nobody fetched within a day are dropped; they may hold personal data. */
function pruneDownloads(dataDir: string): void {
  const dir = downloadsDirOf(dataDir);
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  const dayAgo = Date.now() - 24 * 3600 * 1000;
  for (const name of names) {
    const path = join(dir, name);
    try {
      if (statSync(path).mtimeMs < dayAgo) rmSync(path, { force: true });
    } catch {
      // Another process removed it first.
    }
  }
}
