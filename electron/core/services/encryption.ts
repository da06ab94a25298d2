import { closeSync, fsyncSync, openSync, renameSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import type { BackupReason } from '../../../shared/domain/backupRotation';
import type { PasswordChange } from '../../../shared/ipc/encryption';
import type { CoreContext } from '../app/context';
import { autoBackup, checkBackupFile } from '../backup/backups';
import { deriveRawKey, formatRecoveryKey, keyCandidates, rawKeyForm } from '../db/cipher';
import { looksEncrypted, looksLikeLedgerFile, readSalt } from '../db/fileHeader';
import { keyOf, openReadOnlyFile, rekeyFile } from '../db/open';
import { AppError } from '../errors';
import type { LedgerSession } from '../ledger/session';
import { openLedgerAt } from './ledgers';

/**
 * 设置密码 / 修改密码 / 取消密码 on the open ledger.
 *
 * Never in place: the ledger is copied (VACUUM INTO, one consistent snapshot), the copy is rekeyed and checked, and
 * only then renamed over the ledger. SQLite3MultipleCiphers could rekey the ledger itself, but only after leaving
 * WAL mode, and a crash during an in-place rekey leaves a file half in one key and half in the other for the
 * rollback journal to repair — with the journal itself written under the cipher being changed. With the copy, a
 * crash or failure at any step leaves the untouched ledger (plus a stray temporary file, removed next time), and
 * the rename — atomic on one file system — switches to a copy that has already passed its check.
 */

/** For tests: a failure or a kill at the step where a crash matters most (the copy ready, not yet swapped in). */
export interface ReencryptHooks {
  beforeSwap?: (tmp: string) => void;
}

export function setPassword(ctx: CoreContext, password: string, hooks: ReencryptHooks = {}): PasswordChange {
  const session = writableSession(ctx);
  if (session.key) throw new AppError('CONFLICT', '此台账已设置密码；如需更换，请使用“修改密码”');
  return reencrypt(ctx, session, password, 'before-encryption', hooks);
}

export function changePassword(
  ctx: CoreContext,
  old: string,
  password: string,
  hooks: ReencryptHooks = {},
): PasswordChange {
  const session = writableSession(ctx);
  if (!session.key) throw new AppError('CONFLICT', '此台账尚未设置密码，请使用“设置密码”');
  if (!matchesKey(session, old)) throw new AppError('PASSWORD', '原密码不正确', 'old');
  return reencrypt(ctx, session, password, 'before-encryption', hooks);
}

export function removePassword(ctx: CoreContext, password: string, hooks: ReencryptHooks = {}): PasswordChange {
  const session = writableSession(ctx);
  if (!session.key) throw new AppError('CONFLICT', '此台账没有设置密码');
  if (!matchesKey(session, password)) throw new AppError('PASSWORD', '当前密码不正确', 'password');
  return reencrypt(ctx, session, null, 'before-decryption', hooks);
}

function writableSession(ctx: CoreContext): LedgerSession {
  const session = ctx.requireLedger();
  if (session.damaged) throw new AppError('DAMAGED', '台账文件已损坏，不能更改密码。请先恢复备份。');
  if (session.readOnly) throw new AppError('READ_ONLY', '台账以只读方式打开，不能更改密码');
  return session;
}

/** Is `secret` (password or recovery key) the key the open ledger was opened with? One key derivation at most. */
function matchesKey(session: LedgerSession, secret: string): boolean {
  return keyCandidates(secret).some((candidate) =>
    candidate.startsWith("x'")
      ? candidate === session.key
      : rawKeyForm(deriveRawKey(candidate, readSalt(session.path))) === session.key,
  );
}

function reencrypt(
  ctx: CoreContext,
  session: LedgerSession,
  password: string | null,
  reason: BackupReason,
  hooks: ReencryptHooks,
): PasswordChange {
  const backup = autoBackup(ctx, reason);
  const path = session.path;
  const tmp = `${path}.rekey.tmp`;
  const removeTmp = () => {
    for (const suffix of ['', '-journal', '-wal', '-shm']) rmSync(tmp + suffix, { force: true });
  };
  removeTmp();
  let newKey: string | null;
  try {
    session.db.prepare('VACUUM INTO ?').run(tmp);
    rekeyFile(tmp, session.key, password);
    newKey = checkCopy(tmp, password);
    fsyncPath(tmp, true);
    hooks.beforeSwap?.(tmp);
  } catch (e) {
    removeTmp();
    if (e instanceof AppError) throw e;
    throw new AppError('FILE', `更改密码失败，台账未做任何改动：${e instanceof Error ? e.message : String(e)}`);
  }

  // The old session closes cleanly (its log checkpointed into the old file, now to be replaced), so no -wal is left
  // for SQLite to replay onto the new file.
  ctx.setLedger(null);
  for (const suffix of ['-wal', '-shm']) rmSync(path + suffix, { force: true });
  try {
    renameSync(tmp, path);
  } catch (e) {
    removeTmp();
    openLedgerAt(ctx, path, false, session.key);
    throw new AppError('FILE', `更改密码失败，台账未做任何改动：${e instanceof Error ? e.message : String(e)}`);
  }
  fsyncPath(dirname(path));
  // Reopened with the raw key: proves once more that the recovery key opens the file.
  const opened = openLedgerAt(ctx, path, false, newKey);
  return { opened, recoveryKey: newKey ? formatRecoveryKey(newKey.slice(2, -1)) : null, backup };
}

/**
 * The rekeyed copy must be a whole ledger (application_id, data version, quick_check) under the new key — and,
 * when encrypted, open with the recovery key alone and not without a key; when decrypted, have a plain header.
 * Returns the raw key form that opens it, or null for a plain copy.
 */
function checkCopy(tmp: string, password: string | null): string | null {
  if (password === null) {
    if (!looksLikeLedgerFile(tmp)) throw new AppError('FILE', '取消密码后的台账副本校验未通过，台账未做任何改动');
    checkBackupFile(tmp);
    return null;
  }
  if (!looksEncrypted(tmp)) throw new AppError('FILE', '加密后的台账副本校验未通过，台账未做任何改动');
  const db = openReadOnlyFile(tmp, password);
  const key = keyOf(db);
  db.close();
  if (!key) throw new AppError('FILE', '加密后的台账副本校验未通过，台账未做任何改动');
  checkBackupFile(tmp, false, key);
  return key;
}

/** Flushes a file (strict: its failure stops the change) or its folder (best effort, so the rename is durable). */
function fsyncPath(path: string, strict = false): void {
  try {
    const fd = openSync(path, strict ? 'r+' : 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch (e) {
    // Windows cannot open a folder to flush it; the rename is still atomic there.
    if (strict) throw e;
  }
}
