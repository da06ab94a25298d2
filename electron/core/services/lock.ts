import type { LockSettings } from '../../../shared/ipc/lock';
import { DEFAULT_IDLE_MINUTES, IDLE_MINUTES_MAX } from '../../../shared/domain/pcSettings';
import type { OpenLedger } from '../../../shared/ipc/ledgers';
import { readSection, saveSection } from '../app/appSettings';
import type { CoreContext } from '../app/context';
import { getSettings } from '../db/repos/settings';
import { AppError } from '../errors';
import { openLedgerAt } from './ledgers';

/**
 * 锁定 / 解锁 an encrypted ledger. Locking closes its one connection, so the key leaves the core's memory with it;
 * the context remembers only the path (and the township for the lock screen), and every ledger channel is refused
 * with LOCKED (CoreContext.requireLedger) until the password or the recovery key reopens the file.
 */
export function lockLedger(ctx: CoreContext): null {
  if (ctx.locked) return null;
  const session = ctx.requireLedger();
  if (!session.key)
    throw new AppError('CONFLICT', '此台账没有设置密码，无法锁定。请先在“台账设置 → 密码与锁定”中设置密码。');
  // Closing the connection under a running import or export would fail it halfway (rolled back, but lost work).
  if (ctx.jobs.busy) throw new AppError('BUSY', '正在导入、导出或打印，完成后才能锁定');
  ctx.lock({
    path: session.path,
    fileName: session.fileName,
    township: getSettings(session.db).township,
    readOnly: session.readOnly,
  });
  return null;
}

/** Reopens the locked ledger as it was open; a wrong password leaves it locked (openDatabase refuses: PASSWORD). */
export function unlockLedger(ctx: CoreContext, password: string): OpenLedger {
  const locked = ctx.locked;
  if (!locked) {
    if (ctx.ledger) throw new AppError('CONFLICT', '台账没有锁定');
    throw new AppError('NO_LEDGER', '尚未打开台账，请先在开始页面新建或打开一个台账');
  }
  // openLedgerAt replaces the context's ledger only once the file opened, so a failure keeps the lock.
  return openLedgerAt(ctx, locked.path, locked.readOnly, password);
}

/** The idle time before the automatic lock: this PC's setting (app-settings.json, section "lock"). */
export function readLockSettings(dataDir: string): LockSettings {
  const raw = readSection(dataDir, 'lock').idleMinutes;
  const valid = typeof raw === 'number' && Number.isInteger(raw) && raw >= 0 && raw <= IDLE_MINUTES_MAX;
  return { idleMinutes: valid ? raw : DEFAULT_IDLE_MINUTES };
}

export function saveLockSettings(dataDir: string, settings: LockSettings): LockSettings {
  saveSection(dataDir, 'lock', { idleMinutes: settings.idleMinutes });
  return readLockSettings(dataDir);
}
