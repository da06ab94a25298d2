import { existsSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import type { LedgerSummary } from '../../../shared/domain/ledger';
import { migrate, schemaVersion } from '../db/migrate';
import { LATEST_SCHEMA_VERSION } from '../db/migrations';
import { openDatabase, type Db } from '../db/open';
import { countAreas } from '../db/repos/areas';
import { countEnterprises } from '../db/repos/enterprises';
import { APPLICATION_ID, looksEncrypted, looksLikeLedgerFile } from '../db/fileHeader';
import { applicationId } from '../db/migrate';
import { keyOf } from '../db/open';
import { AppError } from '../errors';
import { leftByCrash, removeMarker, writeMarker } from './marker';

/** Connections that wrote the file's open-marker, so a clean close removes it (and only theirs). */
const markedBy = new WeakSet<Db>();

const NOT_A_LEDGER_MESSAGE = '该文件不是“一企一策”台账文件';

function hasWal(path: string): boolean {
  return existsSync(`${path}-wal`) && statSync(`${path}-wal`).size > 0;
}

/** What is known to be wrong with a ledger's file, and the backup that would put it right. */
export interface Damage {
  message: string;
  newestBackup: string | null;
}

/** An open ledger file: its one connection and whether it may be written. */
export interface LedgerSession {
  readonly db: Db;
  readonly path: string;
  readonly fileName: string;
  /** Set later too: a background check that finds damage turns the session read-only. */
  readOnly: boolean;
  readonly notice: string | null;
  damaged: Damage | null;
  /** A writable session that still has to migrate (openLedgerSession's deferMigration): the version it is at. */
  pendingMigrationFrom: number | null;
  /** The previous writer did not close the file (its marker was left behind): integrity_check before use. */
  readonly uncleanShutdown: boolean;
  /** An encrypted ledger's raw key (`x'…'`, never the password itself); null for a plain ledger. */
  readonly key: string | null;
}

export const NEWER_VERSION_NOTICE = (version: number) =>
  `此台账由较新版本的软件保存（数据版本 ${version}，本软件支持到 ${LATEST_SCHEMA_VERSION}）。为保护数据，现以只读方式打开；如需修改，请先升级软件。`;

export const OLDER_VERSION_MESSAGE = (version: number) =>
  `此台账由旧版本软件保存（数据版本 ${version}，当前为 ${LATEST_SCHEMA_VERSION}），不能以只读方式查看。请先以正常方式打开一次，程序会自动把它升级到当前版本。`;

/**
 * Opens a ledger for use: migrates it forward when writable (with `deferMigration`, leaves that to migrateSession
 * so the caller can back the file up first), and opens a file from a newer program read-only (SQLite's query_only),
 * never migrating or touching its data. A writable open leaves its marker beside the file until a clean close.
 */
export function openLedgerSession(
  path: string,
  options: { create?: boolean; readOnly?: boolean; deferMigration?: boolean; key?: string | null } = {},
): LedgerSession {
  // Read the header before opening: opening sets WAL mode, which would leave a foreign SQLite file (or an empty
  // file) changed even though it is refused. A ledger with a write-ahead log may not have its header written
  // back yet; SQLite itself answers for it after opening (below). An encrypted file has no readable header: its
  // password decides (openDatabase refuses it with code PASSWORD), and the application_id is checked after.
  if (!options.create && existsSync(path) && !hasWal(path) && !looksLikeLedgerFile(path) && !looksEncrypted(path)) {
    throw new AppError('NOT_A_LEDGER', NOT_A_LEDGER_MESSAGE);
  }
  // Read before this open writes its own marker: a marker whose process is gone means the last writer crashed.
  const uncleanShutdown = !options.create && leftByCrash(path);
  const db = openDatabase(path, { create: options.create, key: options.key });
  try {
    let readOnly = options.readOnly === true;
    let notice: string | null = null;
    let pendingMigrationFrom: number | null = null;
    // Only a ledger being created may start empty: never turn a foreign or empty file into a half-made ledger.
    if (!options.create && applicationId(db) !== APPLICATION_ID)
      throw new AppError('NOT_A_LEDGER', NOT_A_LEDGER_MESSAGE);
    if (readOnly) {
      const version = schemaVersion(db);
      if (version > LATEST_SCHEMA_VERSION) notice = NEWER_VERSION_NOTICE(version);
      // Upgrading writes the file, which a read-only open promises not to do; the screens need the new shape.
      if (version < LATEST_SCHEMA_VERSION) throw new AppError('OLD_VERSION', OLDER_VERSION_MESSAGE(version));
    } else if (options.deferMigration && !options.create && schemaVersion(db) < LATEST_SCHEMA_VERSION) {
      // The caller backs the file up first, then calls migrateSession.
      pendingMigrationFrom = schemaVersion(db);
    } else if (migrate(db) === 'newer') {
      readOnly = true;
      notice = NEWER_VERSION_NOTICE(schemaVersion(db));
    }
    if (readOnly) db.pragma('query_only = ON');
    else {
      writeMarker(path);
      markedBy.add(db);
    }
    const fileName = basename(path);
    const key = keyOf(db);
    return { db, path, fileName, readOnly, notice, damaged: null, pendingMigrationFrom, uncleanShutdown, key };
  } catch (e) {
    db.close();
    throw e;
  }
}

/** Finishes a deferred migration (after the caller's backup). */
export function migrateSession(session: LedgerSession): void {
  if (session.pendingMigrationFrom === null) return;
  migrate(session.db);
  session.pendingMigrationFrom = null;
}

/** Stops writing for good in this session: a damaged file must not be written further. */
export function makeReadOnly(session: LedgerSession): void {
  session.readOnly = true;
  if (session.db.open) session.db.pragma('query_only = ON');
}

/** A clean close: the connection checkpoints and closes, then the marker goes, so the next open trusts the file. */
export function closeLedgerSession(session: LedgerSession): void {
  if (!session.db.open) return;
  session.db.close();
  if (markedBy.delete(session.db)) removeMarker(session.path);
}

export function summarize(session: LedgerSession): LedgerSummary {
  return {
    enterprises: countEnterprises(session.db),
    areas: countAreas(session.db),
    schemaVersion: schemaVersion(session.db),
  };
}
