import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { localDate } from '../../../shared/domain/enterpriseRules';
import { writeFileAtomic } from '../app/atomicFile';
import type { CoreContext } from '../app/context';
import { ledgerId } from '../app/recent';
import { countBackups, listBackups } from '../backup/backups';
import { readBackupSettings } from '../backup/settings';
import { runCheck, type CheckKind } from '../db/check';
import { APPLICATION_ID, looksEncrypted, looksLikeLedgerFile } from '../db/fileHeader';
import { applicationId, schemaVersion } from '../db/migrate';
import { openReadOnlyFile } from '../db/open';
import { AppError } from '../errors';
import { makeReadOnly, type Damage, type LedgerSession } from './session';

/**
 * Integrity as engineering.md §4 says: after an unclean shutdown a full integrity_check before use; otherwise a
 * quick_check at most once a day, in the background after opening so the first screen is not delayed. A failed
 * check turns the session read-only and offers the newest backup; nothing is deleted or repaired automatically.
 * The daily background work itself (its own thread, the backup after it) is in daily.ts.
 */

export const isCorruption = (e: unknown): boolean =>
  e instanceof Error && 'code' in e && ['SQLITE_CORRUPT', 'SQLITE_NOTADB'].includes(String(e.code));

export function damageMessage(problem: string, newestBackup: string | null, opened = true): string {
  const offer = newestBackup
    ? `可以恢复最新的备份“${newestBackup}”（恢复前会先备份当前文件，恢复本身也能撤回）。`
    : '没有找到这个台账的备份，请不要删除或覆盖该文件，联系技术人员协助修复。';
  return (
    `台账文件已损坏（数据库完整性检查发现问题：${problem}）。` +
    (opened ? '为防止损坏扩大，现以只读方式打开：可以查看和导出，不能修改。' : '文件已无法打开。') +
    `${offer}原文件不会被删除。`
  );
}

/** The newest of this ledger's backups (each was checked when written), or null when there is none. */
export function newestBackupName(ctx: CoreContext, path: string): string | null {
  return listBackups(readBackupSettings(ctx.dataDir).folder, path)[0]?.name ?? null;
}

export function damageOf(ctx: CoreContext, path: string, problem: string, opened = true): Damage {
  let newest: string | null = null;
  try {
    newest = newestBackupName(ctx, path);
  } catch {
    // An unreadable backup folder must not hide the damage itself.
  }
  return { message: damageMessage(problem, newest, opened), newestBackup: newest };
}

/** Marks a session damaged and read-only from here on. */
export function markDamaged(ctx: CoreContext, session: LedgerSession, problem: string): void {
  session.damaged = damageOf(ctx, session.path, problem);
  makeReadOnly(session);
}

// --- what is remembered per ledger, in the data folder (never in the ledger: a damaged file cannot hold it) ---

export interface LedgerCheckState {
  /** Local date of the last completed check, and what it found. */
  checkedOn?: string;
  problem?: string | null;
  /** Local date of the last daily backup. */
  backedUpOn?: string;
}

const STATE_FILE = 'integrity-state.json';

function readStates(dataDir: string): Record<string, LedgerCheckState> {
  const file = join(dataDir, STATE_FILE);
  if (!existsSync(file)) return {};
  try {
    const parsed: unknown = JSON.parse(readFileSync(file, 'utf8'));
    return parsed && typeof parsed === 'object' ? (parsed as Record<string, LedgerCheckState>) : {};
  } catch {
    return {};
  }
}

export function checkStateOf(dataDir: string, path: string): LedgerCheckState {
  return readStates(dataDir)[ledgerId(path)] ?? {};
}

export function recordCheckState(dataDir: string, path: string, patch: LedgerCheckState): void {
  const all = readStates(dataDir);
  all[ledgerId(path)] = { ...all[ledgerId(path)], ...patch };
  writeFileAtomic(join(dataDir, STATE_FILE), JSON.stringify(all, null, 2));
}

/**
 * Before use: a full integrity_check when the last writer crashed or the last check found damage (it may have
 * been repaired or replaced since). Returns what was run, for the record, or null when nothing was needed.
 */
export function checkBeforeUse(ctx: CoreContext, session: LedgerSession): CheckKind | null {
  const state = checkStateOf(ctx.dataDir, session.path);
  if (!session.uncleanShutdown && !state.problem) return null;
  const result = runCheck(session.db, 'integrity_check');
  const today = localDate(ctx.writer.now());
  recordCheckState(ctx.dataDir, session.path, { checkedOn: today, problem: result === 'ok' ? null : result });
  if (result !== 'ok') markDamaged(ctx, session, result);
  return 'integrity_check';
}

export interface FileCheck {
  integrity: string;
  schemaVersion: number;
  encrypted: boolean;
  backups: number;
}

/**
 * `check`: the full integrity_check of a ledger file through a read-only connection that sets no pragmas, so
 * checking never migrates or otherwise writes it — a damaged or older ledger is checked as it is. The result is
 * remembered like any other check, so a damaged file is checked again before its next use.
 */
export function checkLedgerFile(ctx: CoreContext, path: string, key?: string | null): FileCheck {
  if (!existsSync(path)) throw new AppError('NOT_FOUND', '台账文件不存在，可能已被移动或删除');
  const encrypted = looksEncrypted(path);
  if (!looksLikeLedgerFile(path) && !encrypted && !existsSync(`${path}-wal`))
    throw new AppError('NOT_A_LEDGER', '该文件不是“一企一策”台账文件');
  // An encrypted ledger is checked through its password; without one it is refused (PASSWORD), not judged damaged.
  const db = openReadOnlyFile(path, key);
  try {
    const integrity = runCheck(db, 'integrity_check');
    let version = 0;
    try {
      if (applicationId(db) !== APPLICATION_ID) throw new AppError('NOT_A_LEDGER', '该文件不是“一企一策”台账文件');
      version = schemaVersion(db);
    } catch (e) {
      if (e instanceof AppError || integrity === 'ok') throw e;
    }
    recordCheckState(ctx.dataDir, path, {
      checkedOn: localDate(ctx.writer.now()),
      problem: integrity === 'ok' ? null : integrity,
    });
    return { integrity, schemaVersion: version, encrypted, backups: countBackups(path, ctx.dataDir) };
  } finally {
    db.close();
  }
}
