import { existsSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import type { LedgerSummary } from '../../../shared/domain/ledger';
import { migrate, schemaVersion } from '../db/migrate';
import { LATEST_SCHEMA_VERSION } from '../db/migrations';
import { openDatabase, type Db } from '../db/open';
import { countAreas } from '../db/repos/areas';
import { countEnterprises } from '../db/repos/enterprises';
import { looksLikeLedgerFile } from '../db/fileHeader';
import { applicationId } from '../db/migrate';
import { APPLICATION_ID } from '../db/open';
import { AppError } from '../errors';

const NOT_A_LEDGER_MESSAGE = '该文件不是“一企一策”台账文件';

function hasWal(path: string): boolean {
  return existsSync(`${path}-wal`) && statSync(`${path}-wal`).size > 0;
}

/** An open ledger file: its one connection and whether it may be written. */
export interface LedgerSession {
  readonly db: Db;
  readonly path: string;
  readonly fileName: string;
  readonly readOnly: boolean;
  readonly notice: string | null;
}

export const NEWER_VERSION_NOTICE = (version: number) =>
  `此台账由较新版本的软件保存（数据版本 ${version}，本软件支持到 ${LATEST_SCHEMA_VERSION}）。为保护数据，现以只读方式打开；如需修改，请先升级软件。`;

export const OLDER_VERSION_MESSAGE = (version: number) =>
  `此台账由旧版本软件保存（数据版本 ${version}，当前为 ${LATEST_SCHEMA_VERSION}），不能以只读方式查看。请先以正常方式打开一次，程序会自动把它升级到当前版本。`;

/**
 * Opens a ledger for use: migrates it forward when writable, and opens a file from a newer program read-only
 * (SQLite's query_only), never migrating or touching its data.
 */
export function openLedgerSession(path: string, options: { create?: boolean; readOnly?: boolean } = {}): LedgerSession {
  // Read the header before opening: opening sets WAL mode, which would leave a foreign SQLite file (or an empty
  // file) changed even though it is refused. A ledger with a write-ahead log may not have its header written
  // back yet; SQLite itself answers for it after opening (below).
  if (!options.create && existsSync(path) && !hasWal(path) && !looksLikeLedgerFile(path)) {
    throw new AppError('NOT_A_LEDGER', NOT_A_LEDGER_MESSAGE);
  }
  const db = openDatabase(path, { create: options.create });
  try {
    let readOnly = options.readOnly === true;
    let notice: string | null = null;
    // Only a ledger being created may start empty: never turn a foreign or empty file into a half-made ledger.
    if (!options.create && applicationId(db) !== APPLICATION_ID)
      throw new AppError('NOT_A_LEDGER', NOT_A_LEDGER_MESSAGE);
    if (readOnly) {
      const version = schemaVersion(db);
      if (version > LATEST_SCHEMA_VERSION) notice = NEWER_VERSION_NOTICE(version);
      // Upgrading writes the file, which a read-only open promises not to do; the screens need the new shape.
      if (version < LATEST_SCHEMA_VERSION) throw new AppError('OLD_VERSION', OLDER_VERSION_MESSAGE(version));
    } else if (migrate(db) === 'newer') {
      readOnly = true;
      notice = NEWER_VERSION_NOTICE(schemaVersion(db));
    }
    if (readOnly) db.pragma('query_only = ON');
    return { db, path, fileName: basename(path), readOnly, notice };
  } catch (e) {
    db.close();
    throw e;
  }
}

export function closeLedgerSession(session: LedgerSession): void {
  if (session.db.open) session.db.close();
}

export function summarize(session: LedgerSession): LedgerSummary {
  return {
    enterprises: countEnterprises(session.db),
    areas: countAreas(session.db),
    schemaVersion: schemaVersion(session.db),
  };
}
