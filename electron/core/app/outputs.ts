import { randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { CoreContext } from './context';

/** Workbooks made for the browser shell wait here until downloaded; the desktop and the CLI write where told. */
export function downloadsDirOf(dataDir: string): string {
  return join(dataDir, 'downloads');
}

const DOWNLOAD_ID = /^[A-Za-z0-9_-]{24}$/;

/** The file behind a download id, or null for anything that is not one (never a path from outside). */
export function downloadPath(dataDir: string, id: string): string | null {
  return DOWNLOAD_ID.test(id) ? join(downloadsDirOf(dataDir), `${id}.xlsx`) : null;
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
export function outputFor(ctx: CoreContext, target: string | undefined): Output {
  let finalPath: string;
  let download: string | null = null;
  if (target) finalPath = ctx.files.take(target, 'export');
  else {
    pruneDownloads(ctx.dataDir);
    download = randomBytes(18).toString('base64url');
    finalPath = downloadPath(ctx.dataDir, download)!;
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
