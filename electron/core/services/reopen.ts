import { existsSync } from 'node:fs';
import { basename } from 'node:path';
import type { CoreContext } from '../app/context';
import { readLastOpen, saveLastOpen } from '../app/lastOpen';
import { readPrefs } from '../app/prefs';
import { looksEncrypted } from '../db/fileHeader';
import { openLedgerAt } from './ledgers';

/**
 * At the app's start, before the screens ask anything: the ledger open when the program last stopped is opened
 * again (本机设置 启动时打开上次的台账, on unless turned off), so the first screen is the clerk's ledger, not the
 * start screen. One with a password is not opened without it: it waits locked, and the screens ask for the password
 * as after 锁定. A file gone, or one that does not open, is forgotten and leaves the start screen (where opening it
 * says why).
 */
export function reopenLastLedger(ctx: CoreContext): void {
  if (!readPrefs(ctx.dataDir).reopenLast) return;
  const last = readLastOpen(ctx.dataDir);
  if (!last) return;
  if (!existsSync(last.path)) {
    saveLastOpen(ctx.dataDir, null);
    return;
  }
  try {
    if (looksEncrypted(last.path)) {
      ctx.lock({
        path: last.path,
        fileName: basename(last.path),
        township: ctx.recent.titleOf(last.path) ?? basename(last.path),
        readOnly: last.readOnly,
      });
      return;
    }
    openLedgerAt(ctx, last.path, last.readOnly);
  } catch (e) {
    // Forgotten, as a file gone is: not tried again (a damaged file checked again) at every start. The start screen
    // still lists it, and opening it there says why it does not open.
    saveLastOpen(ctx.dataDir, null);
    console.error('[core] 未能打开上次的台账：', e instanceof Error ? e.message : e);
  }
}
