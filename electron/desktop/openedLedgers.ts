import { statSync } from 'node:fs';
import { basename, isAbsolute, resolve } from 'node:path';
import type { CoreClient } from '../core/host/coreClient';
import type { PickedFile } from '../../shared/ipc/desktopBridge';

/**
 * Ledger files that reach the program from outside a dialog: a double-click or 打开方式 (the path in argv, or
 * macOS's open-file), a second start while running, a file dropped on the window. Each path is untrusted until it
 * is shown to be an absolute .yqyc path of a regular file; only then does the core get a grant for it.
 */

export function isLedgerPath(path: unknown): path is string {
  if (typeof path !== 'string' || path.length === 0 || path.length > 4096 || path.includes('\0')) return false;
  if (!isAbsolute(path) || !/\.yqyc$/i.test(path)) return false;
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/**
 * The ledger named on a command line, or null. argv[0] is the executable; Chromium adds switches of its own
 * (--allow-file-access-from-files …) and a development start has the app folder ('.') before the file. A relative
 * path (typed in a console) is taken relative to the folder the program was started in.
 */
export function ledgerPathFromArgv(argv: readonly string[], cwd: string): string | null {
  for (const arg of argv.slice(1)) {
    if (typeof arg !== 'string' || arg.startsWith('-') || arg === '.' || !/\.yqyc$/i.test(arg)) continue;
    const path = resolve(cwd, arg);
    if (isLedgerPath(path)) return path;
  }
  return null;
}

export async function grantLedger(client: CoreClient, path: string): Promise<PickedFile> {
  return { fileRef: await client.grant(path, 'open'), name: basename(path) };
}

/** The ledger the program was started with, handed to the page once (it asks after it has loaded). */
export class StartLedger {
  private path: string | null = null;
  set(path: string | null): void {
    if (path) this.path = path;
  }
  async take(client: CoreClient): Promise<PickedFile | null> {
    const path = this.path;
    this.path = null;
    // Checked again: the file may have been moved between the start and the page asking.
    return path && isLedgerPath(path) ? grantLedger(client, path) : null;
  }
}
