import { existsSync, realpathSync, rmSync, statSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { LATEST_SCHEMA_VERSION } from '../db/migrations';
import { applicationId, schemaVersion } from '../db/migrate';
import { APPLICATION_ID, looksEncrypted, looksLikeLedgerFile } from '../db/fileHeader';
import { openReadOnlyFile, type Db } from '../db/open';
import { getSettingsRow } from '../db/repos/settings';
import { AppError } from '../errors';
import { OLDER_VERSION_MESSAGE } from '../ledger/session';

/** One township's ledger, opened read-only for the county: nothing the county does may write a township's file. */
export interface TownshipLedger {
  path: string;
  /** The file's name, which every message names: the clerk knows the files by what the townships sent. */
  file: string;
  township: string;
  ledgerUid: string;
  /** Opened with the password given: the view says which files were encrypted. */
  encrypted: boolean;
  db: Db;
  /** The -wal/-shm files SQLite made beside the file for this read (none were there): removed again on close. */
  sideFiles: string[];
}

/**
 * Opens every township ledger read-only, or none: the first refusal closes those already open and names the file.
 * One password serves every encrypted ledger (a county that encrypts sets one for all); a plain ledger ignores it.
 */
export function openTownships(paths: readonly string[], password?: string | null): TownshipLedger[] {
  const opened: TownshipLedger[] = [];
  try {
    const seen = new Map<string, string>();
    for (const raw of paths) {
      const path = resolve(raw);
      const real = realPath(path);
      const file = basename(path);
      const twice = seen.get(real);
      if (twice !== undefined)
        throw new AppError(
          'CONFLICT',
          twice === file
            ? `台账文件“${file}”给出了两次，请每个文件只给一次`
            : `“${twice}”和“${file}”是同一个文件，请每个文件只给一次`,
        );
      seen.set(real, file);
      const ledger = openTownship(path, password);
      opened.push(ledger);
      const same = opened.find((o) => o !== ledger && o.ledgerUid === ledger.ledgerUid);
      if (same)
        throw new AppError(
          'CONFLICT',
          `${both(same, ledger)}是同一本台账（其中一个是另一个的副本或备份），请只保留一个`,
        );
      const namesake = opened.find((o) => o !== ledger && o.township === ledger.township);
      if (namesake)
        throw new AppError(
          'CONFLICT',
          `${both(namesake, ledger)}都是“${ledger.township}”的台账，请核对是否给错了文件，或乡镇名称填错`,
        );
    }
    return opened;
  } catch (e) {
    closeTownships(opened);
    throw e;
  }
}

/** “甲.yqyc”和“乙.yqyc”; two files of one name in different folders are told apart by their paths. */
function both(a: TownshipLedger, b: TownshipLedger): string {
  return a.file === b.file ? `“${a.path}”和“${b.path}”` : `“${a.file}”和“${b.file}”`;
}

export function closeTownships(ledgers: readonly TownshipLedger[]): void {
  for (const l of ledgers) {
    if (l.db.open) l.db.close();
    removeSideFiles(l.sideFiles);
  }
}

/**
 * A read-only connection to a WAL ledger makes an empty -wal and a -shm beside it and, unable to write, leaves them
 * at close: the folder of files the townships sent would fill with them. Only those this read made, and only while
 * the -wal is still empty (nothing written meanwhile by anyone else), are removed.
 */
function sideFilesOf(path: string): string[] {
  return [`${path}-wal`, `${path}-shm`].filter((p) => !existsSync(p));
}

function removeSideFiles(made: readonly string[]): void {
  if (made.length < 2) return;
  try {
    if (statSync(made[0]!).size !== 0) return;
    for (const p of made) rmSync(p, { force: true });
  } catch {
    // Already gone, or not ours to remove: left as SQLite left it.
  }
}

/** The same file reached by two spellings (a relative path, a link) is the same file. */
function realPath(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}

function openTownship(path: string, password: string | null | undefined): TownshipLedger {
  const file = basename(path);
  // A plain file is told from a ledger by its header before SQLite opens it, so a workbook or a stray database is
  // refused as "not a ledger" rather than by whatever SQLite says about it.
  let encrypted: boolean;
  try {
    encrypted = looksEncrypted(path);
    if (!encrypted && !looksLikeLedgerFile(path)) throw notALedger(file);
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw new AppError('FILE', `无法读取台账文件“${file}”：文件不存在或没有读取权限`);
  }
  let db: Db;
  const sideFiles = sideFilesOf(path);
  try {
    db = openReadOnlyFile(path, password);
  } catch (e) {
    removeSideFiles(sideFiles);
    if (e instanceof AppError) throw new AppError(e.code, `台账“${file}”无法打开：${e.message}`);
    // SQLite's own word for damage (an encrypted file's first page, the password proven on the others).
    const code = (e as { code?: unknown }).code === 'SQLITE_CORRUPT' ? 'DAMAGED' : 'FILE';
    throw new AppError(code, `台账“${file}”无法打开：${e instanceof Error ? e.message : String(e)}`);
  }
  try {
    if (applicationId(db) !== APPLICATION_ID) throw notALedger(file);
    const version = schemaVersion(db);
    // Upgrading would write the township's file; a newer shape may count differently than this program knows.
    if (version < LATEST_SCHEMA_VERSION)
      throw new AppError('OLD_VERSION', `台账“${file}”：${OLDER_VERSION_MESSAGE(version)}`);
    if (version > LATEST_SCHEMA_VERSION)
      throw new AppError(
        'NEWER_VERSION',
        `台账“${file}”由较新版本的软件保存（数据版本 ${version}），请先升级本软件再做全县汇总`,
      );
    const settings = getSettingsRow(db);
    return { path, file, township: settings.township, ledgerUid: settings.ledgerUid, encrypted, db, sideFiles };
  } catch (e) {
    db.close();
    removeSideFiles(sideFiles);
    if (e instanceof AppError && e.message.includes(file)) throw e;
    if (e instanceof AppError) throw new AppError(e.code, `台账“${file}”：${e.message}`);
    throw new AppError(
      'DAMAGED',
      `台账“${file}”无法读取（${e instanceof Error ? e.message : String(e)}），文件可能已损坏`,
    );
  }
}

const notALedger = (file: string) => new AppError('NOT_A_LEDGER', `“${file}”不是“一企一策”台账文件`);
