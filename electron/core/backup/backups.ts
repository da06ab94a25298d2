import {
  closeSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
} from 'node:fs';
import { basename, join } from 'node:path';
import {
  BACKUP_REASONS,
  backupFileName,
  backupStamp,
  backupsToKeep,
  compareNewestFirst,
  parseBackupFileName,
  stampToDisplay,
  type BackupName,
  type BackupReason,
  type RotationPolicy,
} from '../../../shared/domain/backupRotation';
import type { BackupItem } from '../../../shared/ipc/backups';
import type { CoreContext } from '../app/context';
import { defaultDataDir } from '../app/dataDir';
import { APPLICATION_ID } from '../db/fileHeader';
import { keyOf, openDatabase, openReadOnlyFile, type Db } from '../db/open';
import { AppError } from '../errors';
import { readBackupSettings, type BackupSettings } from './settings';

/** The ledger's name as backups carry it: the file name without .yqyc. */
export function ledgerStem(ledgerPath: string): string {
  return basename(ledgerPath).replace(/\.yqyc$/i, '');
}

function itemOf(folder: string, file: string, parsed: BackupName): BackupItem {
  return {
    name: file,
    takenAt: stampToDisplay(parsed.stamp),
    reason: parsed.reason,
    reasonLabel: BACKUP_REASONS[parsed.reason],
    size: statSync(join(folder, file)).size,
  };
}

/** This ledger's backups in the folder, newest first; a missing folder has none. */
function parsedBackups(folder: string, ledgerPath: string): (BackupName & { file: string })[] {
  if (!existsSync(folder)) return [];
  const stem = ledgerStem(ledgerPath);
  const found: (BackupName & { file: string })[] = [];
  for (const file of readdirSync(folder)) {
    const parsed = parseBackupFileName(file);
    if (parsed && parsed.ledger === stem) found.push({ ...parsed, file });
  }
  return found.sort(compareNewestFirst);
}

export function listBackups(folder: string, ledgerPath: string): BackupItem[] {
  return parsedBackups(folder, ledgerPath).map((b) => itemOf(folder, b.file, b));
}

/** For B2's `check` command: how many backups the ledger has in the folder the app settings name. */
export function countBackups(ledgerPath: string, dataDir: string = defaultDataDir()): number {
  return parsedBackups(readBackupSettings(dataDir).folder, ledgerPath).length;
}

/**
 * Opens a copy read-only and checks it is a whole ledger: our application_id, a schema version, and SQLite's own
 * check (`quick_check` for a copy just written, the full `integrity_check` before a restore trusts a file).
 */
export function checkBackupFile(path: string, thorough = false, key?: string | null): void {
  let db: Db;
  try {
    db = openReadOnlyFile(path, key);
  } catch (e) {
    // An encrypted backup without its password is not a damaged one.
    if (e instanceof AppError && e.code === 'PASSWORD') throw e;
    throw new AppError('DAMAGED', `备份文件“${basename(path)}”无法打开，不能使用`);
  }
  try {
    // Read here rather than through db/migrate.ts, so the daily thread (which checks its copies) does not load
    // every migration with it.
    if (db.pragma('application_id', { simple: true }) !== APPLICATION_ID)
      throw new AppError('DAMAGED', `文件“${basename(path)}”不是“一企一策”台账备份`);
    if (!((db.pragma('user_version', { simple: true }) as number) > 0))
      throw new AppError('DAMAGED', `备份文件“${basename(path)}”缺少数据版本，可能不完整`);
    const result = db.pragma(thorough ? 'integrity_check(1)' : 'quick_check(1)', { simple: true });
    if (result !== 'ok')
      throw new AppError('DAMAGED', `备份文件“${basename(path)}”校验未通过（${String(result)}），不能使用`);
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw new AppError('DAMAGED', `备份文件“${basename(path)}”已损坏（${describe(e)}），不能使用`);
  } finally {
    db.close();
  }
}

function isCorrupt(e: unknown): boolean {
  const code = e instanceof Error && 'code' in e ? String((e as { code: unknown }).code) : '';
  return code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB';
}

function describe(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

function fsyncFile(path: string): void {
  const fd = openSync(path, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** The temporary name a copy is written under, beside its final name: never one the backup list shows. */
export const tmpCopyPath = (target: string): string => `${target}.${process.pid}.tmp`;

/**
 * Writes a checked copy of the ledger to `target`: VACUUM INTO a temporary name in the same folder, flush, check,
 * then rename. A crash or a failed check leaves no file under a backup's name (and the temporary one is removed),
 * so every listed backup is one that passed its check.
 *
 * VACUUM INTO rather than better-sqlite3's backup(): it is synchronous, so the backup before a migration can run
 * inside the (synchronous) open, it reads one consistent snapshot in one statement while the ledger stays usable,
 * and it works on an encrypted ledger (backup() does not), keeping the copy encrypted with the same key and salt.
 * The copy carries user_version and application_id.
 */
export function writeCheckedCopy(db: Db, target: string): void {
  const tmp = tmpCopyPath(target);
  writeCopy(db, tmp);
  moveIntoPlace(tmp, target);
}

/**
 * The part of a backup that reads the whole ledger: VACUUM INTO `tmp`, flush, check the copy. On failure `tmp` is
 * removed and an AppError thrown. The daily backup runs this on a thread of its own (ledger/dailyWorker.ts),
 * through a read-only connection, which VACUUM INTO accepts (SQLite 3.53, plain and encrypted alike).
 */
export function writeCopy(db: Db, tmp: string): void {
  rmSync(tmp, { force: true });
  // A read-only session runs with query_only, which refuses VACUUM INTO even though the ledger itself is not
  // written; lift it for this one statement.
  const queryOnly = db.pragma('query_only', { simple: true }) === 1;
  try {
    if (queryOnly) db.pragma('query_only = OFF');
    try {
      db.prepare('VACUUM INTO ?').run(tmp);
    } finally {
      if (queryOnly) db.pragma('query_only = ON');
    }
    fsyncFile(tmp);
    // An encrypted ledger's copy is encrypted with the same key and salt: checking it needs that key.
    checkBackupFile(tmp, false, keyOf(db));
  } catch (e) {
    rmSync(tmp, { force: true });
    throw backupFailure(e);
  }
}

/** The checked copy under its final name (a rename within one folder: atomic, never half a file). */
export function moveIntoPlace(tmp: string, target: string): void {
  try {
    renameSync(tmp, target);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw backupFailure(e);
  }
}

function backupFailure(e: unknown): AppError {
  if (e instanceof AppError) return e;
  if (isCorrupt(e))
    return new AppError('DAMAGED', `台账文件已损坏，无法做出完好的备份（${describe(e)}）。已有的备份未受影响。`);
  return new AppError('FILE', `备份失败：${describe(e)}。台账本身未受影响。`);
}

function freeName(folder: string, ledgerPath: string, reason: BackupReason, at: Date): string {
  const base = { ledger: ledgerStem(ledgerPath), stamp: backupStamp(at), reason };
  for (let seq = 1; ; seq++) {
    const file = backupFileName({ ...base, seq });
    if (!existsSync(join(folder, file))) return file;
  }
}

/**
 * Removes this ledger's backups beyond the policy. Only files named like this ledger's backups are considered;
 * `keep` (the backup just made) is never removed, even when a clock set back makes it look older than others.
 */
export function rotateBackups(
  folder: string,
  ledgerPath: string,
  policy: RotationPolicy,
  today: Date,
  keep?: string,
): string[] {
  const all = parsedBackups(folder, ledgerPath);
  const kept = new Set(backupsToKeep(all, today, policy).map((b) => b.file));
  const removed: string[] = [];
  for (const b of all) {
    if (kept.has(b.file) || b.file === keep) continue;
    rmSync(join(folder, b.file), { force: true });
    removed.push(b.file);
  }
  return removed;
}

export interface BackupPlace {
  db: Db;
  /** The ledger file's path: names the backup and finds its siblings. */
  path: string;
}

/** Where a backup into the folder of the app settings goes: the folder (made if missing) and a free name in it. */
export interface BackupSpot {
  settings: BackupSettings;
  file: string;
  target: string;
}

export function backupSpot(dataDir: string, ledgerPath: string, reason: BackupReason, now: Date): BackupSpot {
  const settings = readBackupSettings(dataDir);
  try {
    mkdirSync(settings.folder, { recursive: true });
  } catch (e) {
    throw new AppError('FILE', `无法创建备份文件夹“${settings.folder}”：${describe(e)}`);
  }
  const file = freeName(settings.folder, ledgerPath, reason, now);
  return { settings, file, target: join(settings.folder, file) };
}

/** A copy written (and checked) at `tmp` becomes the backup at `spot`; then the folder is rotated. */
export function placeBackup(
  tmp: string,
  spot: BackupSpot,
  ledgerPath: string,
  now: Date,
): BackupItem & { file: string } {
  moveIntoPlace(tmp, spot.target);
  rotateBackups(spot.settings.folder, ledgerPath, spot.settings, now, spot.file);
  return { ...itemOf(spot.settings.folder, spot.file, parseBackupFileName(spot.file)!), file: spot.target };
}

/** A checked backup into the folder of the app settings, then rotation. Returns what was written. */
export function backupInto(
  place: BackupPlace,
  dataDir: string,
  reason: BackupReason,
  now: Date,
): BackupItem & { file: string } {
  const spot = backupSpot(dataDir, place.path, reason, now);
  const tmp = tmpCopyPath(spot.target);
  writeCopy(place.db, tmp);
  return placeBackup(tmp, spot, place.path, now);
}

/** A checked copy written to a chosen file (CLI `--out`, a save dialog): never over an existing file, no rotation. */
export function backupTo(place: BackupPlace, target: string, now: Date): BackupItem & { file: string } {
  if (existsSync(target)) throw new AppError('CONFLICT', `文件“${target}”已存在，为免覆盖，请换一个文件名`);
  writeCheckedCopy(place.db, target);
  return {
    name: basename(target),
    takenAt: stampToDisplay(backupStamp(now)),
    reason: 'manual',
    reasonLabel: BACKUP_REASONS.manual,
    size: statSync(target).size,
    file: target,
  };
}

/**
 * The automatic backup: before every import (the import calls it), before a migration and daily on first open
 * (the ledger session calls it). Given the context, it backs up the open ledger; given a path (a ledger not yet
 * handed to a context), it opens its own connection for the copy and closes it again — the data folder then
 * defaults to the one this process runs with. Throws an AppError when the backup cannot be made: a caller that
 * must not be stopped by that (the daily backup) catches it.
 */
export function autoBackup(
  source: CoreContext | string | BackupPlace,
  reason: BackupReason,
  options: { dataDir?: string; now?: Date; key?: string | null } = {},
): BackupItem & { file: string } {
  if (typeof source === 'string') {
    const db = openDatabase(source, { key: options.key });
    try {
      return backupInto({ db, path: source }, options.dataDir ?? defaultDataDir(), reason, options.now ?? new Date());
    } finally {
      db.close();
    }
  }
  if ('db' in source) {
    return backupInto(source, options.dataDir ?? defaultDataDir(), reason, options.now ?? new Date());
  }
  const ledger = source.requireLedger();
  return backupInto(ledger, options.dataDir ?? source.dataDir, reason, options.now ?? source.writer.now());
}
