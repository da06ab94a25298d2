import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { localDate } from '../../../shared/domain/enterpriseRules';
import { writeFileAtomic } from '../app/atomicFile';
import type { CoreContext } from '../app/context';
import { ledgerId } from '../app/recent';
import { autoBackup, countBackups, listBackups } from '../backup/backups';
import { readBackupSettings } from '../backup/settings';
import { APPLICATION_ID, looksEncrypted, looksLikeLedgerFile } from '../db/fileHeader';
import { applicationId, schemaVersion } from '../db/migrate';
import { openReadOnlyFile, type Db } from '../db/open';
import { AppError } from '../errors';
import { makeReadOnly, type Damage, type LedgerSession } from './session';

/**
 * Integrity as engineering.md §4 says: after an unclean shutdown a full integrity_check before use; otherwise a
 * quick_check at most once a day, in the background after opening so the first screen is not delayed. A failed
 * check turns the session read-only and offers the newest backup; nothing is deleted or repaired automatically.
 */

export type CheckKind = 'integrity_check' | 'quick_check';

/** 'ok', or SQLite's first complaint (a corrupt file can also throw instead of answering). */
export function runCheck(db: Db, kind: CheckKind): string {
  try {
    // (1): stop at the first problem — a badly damaged file can list thousands, and one is enough to know.
    const rows = db.pragma(`${kind}(1)`) as Record<string, string>[];
    const first = rows.length ? Object.values(rows[0]!)[0] : 'ok';
    return String(first ?? 'ok');
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
}

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

// --- the daily background work: a quick_check, then (if it passed) the daily backup ---

export interface DailyOutcome {
  check: string | null;
  backup: 'made' | 'skipped' | 'failed';
}

/** Delay before the background work starts: the first screen's queries go first. */
export const DAILY_DELAY_MS = 3000;

const pending = new WeakMap<LedgerSession, { timer: NodeJS.Timeout | null; run: () => Promise<DailyOutcome> }>();

async function daily(ctx: CoreContext, session: LedgerSession): Promise<DailyOutcome> {
  // The clerk may have closed or switched ledgers meanwhile: never check or back up a file no longer in use.
  if (!session.db.open || ctx.ledger !== session) return { check: null, backup: 'skipped' };
  const today = localDate(ctx.writer.now());
  let state = checkStateOf(ctx.dataDir, session.path);
  let check: string | null = null;
  if (state.checkedOn !== today) {
    check = runCheck(session.db, 'quick_check');
    recordCheckState(ctx.dataDir, session.path, { checkedOn: today, problem: check === 'ok' ? null : check });
    if (check !== 'ok') {
      markDamaged(ctx, session, check);
      return { check, backup: 'skipped' };
    }
    state = checkStateOf(ctx.dataDir, session.path);
  }
  // A damaged or read-only ledger is not backed up over the good copies (rotation would push them out).
  if (session.damaged || session.readOnly || state.backedUpOn === today) return { check, backup: 'skipped' };
  try {
    autoBackup(ctx, 'daily');
    recordCheckState(ctx.dataDir, session.path, { backedUpOn: today });
    return { check, backup: 'made' };
  } catch {
    // Tried again on the next open; the ledger itself is fine.
    return { check, backup: 'failed' };
  }
}

/** Schedules the day's check and backup after the open has answered. */
export function scheduleDaily(ctx: CoreContext, session: LedgerSession, delayMs = DAILY_DELAY_MS): void {
  let started: Promise<DailyOutcome> | null = null;
  const run = () => (started ??= daily(ctx, session));
  const entry: { timer: NodeJS.Timeout | null; run: typeof run } = { timer: null, run };
  // Whether the work came due while a long job held the ledger: it then waits a full delay after the job as well.
  let waitedForJob = false;
  const fire = () => {
    // A long job (an import) keeps its write transaction open while it yields between chunks: a check then would
    // read its half-written rows, and VACUUM INTO cannot run inside a transaction. Wait until it is done.
    if (session.db.open && session.db.inTransaction) {
      waitedForJob = true;
      return arm();
    }
    // Then not at once: what follows the job goes first — the screens re-reading the list and figures after an
    // import, the command line's close and exit — rather than waiting behind a check and a copy of the whole ledger.
    if (waitedForJob) {
      waitedForJob = false;
      return arm();
    }
    entry.timer = null;
    void run();
  };
  const arm = () => {
    entry.timer = setTimeout(fire, delayMs);
    // A command-line run that finishes first exits without waiting for it.
    entry.timer.unref();
  };
  arm();
  pending.set(session, entry);
}

/** Runs a session's scheduled daily work now (or awaits it if already running): for tests and the CLI's check. */
export function settleDaily(session: LedgerSession): Promise<DailyOutcome | null> {
  const p = pending.get(session);
  if (!p) return Promise.resolve(null);
  if (p.timer) clearTimeout(p.timer);
  p.timer = null;
  return p.run();
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
