import { closeSync, copyFileSync, existsSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { backupStamp } from '../../../shared/domain/backupRotation';
import type { BackupItem, RestoreResult } from '../../../shared/ipc/backups';
import type { CoreContext } from '../app/context';
import { looksEncrypted } from '../db/fileHeader';
import { keyOf, openReadOnlyFile } from '../db/open';
import { AppError } from '../errors';
import { openLedgerAt } from '../services/ledgers';
import { autoBackup, checkBackupFile, ledgerStem, listBackups } from './backups';
import { readBackupSettings } from './settings';

/** A listed backup of the open ledger, by the name the list gave; anything else is refused (names, never paths). */
export function restoreListedBackup(ctx: CoreContext, name: string, password?: string): RestoreResult {
  const ledger = ctx.requireLedger();
  const { folder } = readBackupSettings(ctx.dataDir);
  if (!listBackups(folder, ledger.path).some((b) => b.name === name))
    throw new AppError('NOT_FOUND', `备份列表中没有“${name}”，请刷新列表后重新选择`);
  return restoreFrom(ctx, join(folder, name), password);
}

/**
 * The raw key of an encrypted backup: the clerk's password for it when given, else the open ledger's own key (a
 * backup taken since the password was last set shares it). Null for a plain backup.
 */
function backupKey(ctx: CoreContext, backupPath: string, password?: string): string | null {
  if (!looksEncrypted(backupPath)) return null;
  const own = ctx.requireLedger().key;
  for (const candidate of [password, own]) {
    if (!candidate) continue;
    try {
      const db = openReadOnlyFile(backupPath, candidate);
      const key = keyOf(db);
      db.close();
      return key;
    } catch (e) {
      if (!(e instanceof AppError && e.code === 'PASSWORD')) throw e;
    }
  }
  throw new AppError(
    'PASSWORD',
    password ? '备份文件的密码不正确' : '该备份已加密，且密码与当前台账不同，请输入备份时台账使用的密码',
  );
}

function ledgerUid(path: string, key: string | null): string | null {
  try {
    const db = openReadOnlyFile(path, key);
    try {
      const row = db.prepare('SELECT ledger_uid AS uid FROM ledger_settings WHERE id = 1').get() as
        { uid: string } | undefined;
      return row?.uid ?? null;
    } finally {
      db.close();
    }
  } catch {
    return null;
  }
}

function currentUid(ctx: CoreContext): string | null {
  try {
    const row = ctx.requireLedger().db.prepare('SELECT ledger_uid AS uid FROM ledger_settings WHERE id = 1').get() as
      { uid: string } | undefined;
    return row?.uid ?? null;
  } catch {
    // A damaged ledger may not answer; the restore is then exactly what is wanted.
    return null;
  }
}

/**
 * Replaces the open ledger with a backup file:
 * 1. the backup passes the full integrity_check and belongs to this ledger (same ledger_uid);
 * 2. the current ledger is backed up first (reason 恢复前), so the restore can itself be undone — or, when it is
 *    too damaged for a checked backup, its raw files are copied aside; nothing is ever lost;
 * 3. the backup is copied next to the ledger under a temporary name and flushed while the ledger is still open;
 * 4. the session is closed, the ledger's -wal/-shm removed (a stale log would be replayed onto the restored file),
 *    and the copy renamed over the ledger — a crash leaves the old ledger or the restored one, never a mix;
 * 5. the ledger is reopened (and migrated, if the backup came from an older version).
 * An encrypted backup stays encrypted: it is opened with the clerk's password for it, or the ledger's own key.
 */
export function restoreFrom(ctx: CoreContext, backupPath: string, password?: string): RestoreResult {
  const ledger = ctx.requireLedger();
  const ledgerPath = ledger.path;
  if (!existsSync(backupPath)) throw new AppError('NOT_FOUND', '备份文件不存在，可能已被移动或删除');
  const key = backupKey(ctx, backupPath, password);
  checkBackupFile(backupPath, true, key);
  const mine = currentUid(ctx);
  const theirs = ledgerUid(backupPath, key);
  if (mine && theirs && mine !== theirs)
    throw new AppError('CONFLICT', '该备份属于另一个台账，不能用来恢复当前台账。请选择本台账的备份。');

  let safetyBackup: BackupItem | null = null;
  let rawCopy: string | null = null;
  try {
    safetyBackup = autoBackup(ctx, 'before-restore');
  } catch {
    // Too damaged for a checked copy: copied raw below, once the session is closed and its log checkpointed.
  }

  const tmp = `${ledgerPath}.restore-${process.pid}.tmp`;
  try {
    copyFileSync(backupPath, tmp);
    const fd = openSync(tmp, 'r+');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch (e) {
    rmSync(tmp, { force: true });
    throw new AppError('FILE', `无法写入台账所在文件夹，未做任何改动：${e instanceof Error ? e.message : String(e)}`);
  }

  ctx.setLedger(null);
  if (!safetyBackup) {
    try {
      rawCopy = copyAside(ctx, ledgerPath);
    } catch (e) {
      rmSync(tmp, { force: true });
      openLedgerAt(ctx, ledgerPath, ledger.readOnly, ledger.key);
      throw e;
    }
  }
  for (const suffix of ['-wal', '-shm']) rmSync(ledgerPath + suffix, { force: true });
  renameSync(tmp, ledgerPath);
  // The restored file is as the backup was: encrypted with the backup's key, or plain.
  return { opened: openLedgerAt(ctx, ledgerPath, false, key), safetyBackup, rawCopy };
}

/**
 * The last resort before replacing a ledger that could not be backed up with a check: its files copied as they
 * are into the backup folder, under a name the backup list does not show and rotation never removes.
 */
function copyAside(ctx: CoreContext, ledgerPath: string): string {
  const { folder } = readBackupSettings(ctx.dataDir);
  const name = `${ledgerStem(ledgerPath)}-${backupStamp(ctx.writer.now())}-恢复前-未校验.yqyc`;
  try {
    mkdirSync(folder, { recursive: true });
    for (const suffix of ['', '-wal']) {
      if (existsSync(ledgerPath + suffix)) copyFileSync(ledgerPath + suffix, join(folder, name + suffix));
    }
  } catch (e) {
    throw new AppError(
      'FILE',
      `恢复前无法保存当前台账的副本（${e instanceof Error ? e.message : String(e)}），为免丢失数据已停止恢复。`,
    );
  }
  return name;
}
