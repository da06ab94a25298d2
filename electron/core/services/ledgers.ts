import { existsSync, renameSync, rmSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { basename, extname } from 'node:path';
import { defaultDocBanner, type LedgerSettings } from '../../../shared/domain/ledger';
import type { LedgerSettingsInput, OpenLedger } from '../../../shared/ipc/ledgers';
import type { CoreContext } from '../app/context';
import { freshLedgerPath } from '../app/dataDir';
import { ledgerId } from '../app/recent';
import { write, type Tx } from '../db/changeLog';
import { getSettings } from '../db/repos/settings';
import { settingsTable } from '../db/tables';
import { AppError } from '../errors';
import { autoBackup } from '../backup/backups';
import { looksEncrypted, looksLikeLedgerFile } from '../db/fileHeader';
import { keyOf, openReadOnlyFile } from '../db/open';
import { scheduleDaily } from '../ledger/daily';
import { checkBeforeUse, checkStateOf, damageOf, isCorruption, markDamaged } from '../ledger/integrity';
import { assertLocalLocation } from '../ledger/location';
import {
  closeLedgerSession,
  migrateSession,
  openLedgerSession,
  summarize,
  type LedgerSession,
} from '../ledger/session';

export function describeOpen(session: LedgerSession): OpenLedger {
  return {
    id: ledgerId(session.path),
    fileName: session.fileName,
    settings: getSettings(session.db),
    summary: summarize(session),
    readOnly: session.readOnly,
    notice: session.notice,
    damaged: session.damaged,
    encrypted: session.key !== null,
  };
}

/**
 * Opens a ledger for the screens: refuses network and cloud-sync places, backs an older ledger up before
 * migrating it, checks it fully after an unclean shutdown (a damaged one opens read-only with the newest backup
 * offered), and leaves the day's quick_check and backup to the background.
 */
export function openLedgerAt(ctx: CoreContext, path: string, readOnly = false, key?: string | null): OpenLedger {
  if (!existsSync(path)) throw new AppError('NOT_FOUND', '台账文件不存在，可能已被移动或删除');
  assertLocalLocation(path);
  const session = openOrDamaged(ctx, path, readOnly, key);
  try {
    // Checked before anything is written to it, the migration included.
    checkBeforeUse(ctx, session);
    if (session.pendingMigrationFrom !== null) {
      // A damaged file is never migrated, and the screens cannot show one left at an older version.
      if (session.damaged) {
        const problem = checkStateOf(ctx.dataDir, path).problem ?? '';
        throw new AppError('DAMAGED', damageOf(ctx, path, problem, false).message);
      }
      // The only moment a file's structure is rewritten: keep the file as it was, checked, before touching it.
      backupBeforeMigration(ctx, session);
      migrateSession(session);
    }
    const opened = describeOpen(session);
    ctx.setLedger(session);
    ctx.recent.touch(path, opened.settings.township, ctx.writer.now());
    scheduleDaily(ctx, session);
    return opened;
  } catch (e) {
    closeLedgerSession(session);
    if (isCorruption(e)) throw damagedBeyondOpening(ctx, path, e);
    throw e;
  }
}

/**
 * A file whose pages SQLite rejects while opening (SQLITE_CORRUPT, or NOTADB past a good header) is opened once
 * more without any migration, read-only, so the clerk can still see what is readable and restore a backup.
 */
function openOrDamaged(ctx: CoreContext, path: string, readOnly: boolean, key?: string | null): LedgerSession {
  try {
    return openLedgerSession(path, { readOnly, deferMigration: true, key });
  } catch (e) {
    if (!isCorruption(e)) throw e;
    let session: LedgerSession;
    try {
      session = openLedgerSession(path, { readOnly: true, key });
    } catch {
      throw damagedBeyondOpening(ctx, path, e);
    }
    markDamaged(ctx, session, e instanceof Error ? e.message : String(e));
    return session;
  }
}

function damagedBeyondOpening(ctx: CoreContext, path: string, e: unknown): AppError {
  return new AppError('DAMAGED', damageOf(ctx, path, e instanceof Error ? e.message : String(e), false).message);
}

function backupBeforeMigration(ctx: CoreContext, session: LedgerSession): void {
  try {
    // From the session's own connection: the file as it is, before the first migration statement.
    autoBackup(session, 'before-migration', { dataDir: ctx.dataDir, now: ctx.writer.now() });
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    throw new AppError(
      'FILE',
      `此台账需要升级到新的数据版本（${session.pendingMigrationFrom} → 当前），升级前的自动备份未能完成（${why}），为保护数据暂不升级。请检查备份文件夹是否可写后再打开。`,
    );
  }
}

/**
 * 复制到本机: a ledger refused for its location is copied (SQLite's own consistent copy, so a -wal beside it is
 * included) into the local ledgers folder and opened from there; the original is left exactly as it was.
 */
export function copyToLocal(ctx: CoreContext, source: string, key?: string | null): OpenLedger {
  if (!existsSync(source)) throw new AppError('NOT_FOUND', '台账文件不存在，可能已被移动或删除');
  if (!looksLikeLedgerFile(source) && !looksEncrypted(source))
    throw new AppError('NOT_A_LEDGER', '该文件不是“一企一策”台账文件');
  const target = freshLedgerPath(ctx.ledgersDir, basename(source, extname(source)));
  const tmp = `${target}.${process.pid}.copying`;
  // An encrypted ledger's copy stays encrypted with the same key (VACUUM INTO keeps the cipher and the salt).
  const db = openReadOnlyFile(source, key);
  const copyKey = keyOf(db);
  try {
    db.prepare('VACUUM INTO ?').run(tmp);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw new AppError('FILE', `复制台账失败：${e instanceof Error ? e.message : String(e)}`);
  } finally {
    db.close();
  }
  renameSync(tmp, target);
  return openLedgerAt(ctx, target, false, copyKey);
}

export function openRecent(ctx: CoreContext, id: string, key?: string | null): OpenLedger {
  return openLedgerAt(ctx, recentPath(ctx, id), false, key);
}

export function recentPath(ctx: CoreContext, id: string): string {
  const path = ctx.recent.pathOf(id);
  if (!path) throw new AppError('NOT_FOUND', '最近打开的列表中没有这个台账');
  return path;
}

export function settingsFromInput(input: LedgerSettingsInput): LedgerSettings {
  return {
    township: input.township,
    committee: input.committee,
    docCode: input.docCode,
    docBanner: input.docBanner || defaultDocBanner(input.committee),
    superiorUnit: input.superiorUnit ?? '',
    docPrintedBy: input.docPrintedBy ?? '',
  };
}

/**
 * Creates a ledger file and fills it through `fill` in the same change-log batch as its settings. The file is
 * created only if it does not exist, and removed again if anything fails, so no half-made ledger is left behind.
 */
export function createLedgerAt(
  ctx: CoreContext,
  path: string,
  settings: LedgerSettings,
  action: string,
  fill: (tx: Tx) => void = () => {},
): OpenLedger {
  if (existsSync(path)) throw new AppError('CONFLICT', `文件“${path}”已存在，为免覆盖，请换一个文件名`);
  assertLocalLocation(path);
  let session: LedgerSession | null = null;
  try {
    session = openLedgerSession(path, { create: true });
    write(session.db, ctx.writer, action, (tx) => {
      // A caller's settings made before 印发机关 existed (a sample's) store it blank: the committee's 办公室.
      const docPrintedBy = settings.docPrintedBy ?? '';
      tx.insert(settingsTable, { ...settings, docPrintedBy, ledgerUid: randomUUID(), createdAt: tx.at });
      fill(tx);
    });
    const opened = describeOpen(session);
    ctx.setLedger(session);
    ctx.recent.touch(path, settings.township, ctx.writer.now());
    return opened;
  } catch (e) {
    if (session) closeLedgerSession(session);
    for (const suffix of ['', '-wal', '-shm', '-journal', '.open']) rmSync(path + suffix, { force: true });
    throw e;
  }
}
