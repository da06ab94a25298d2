import { basename } from 'node:path';
import type { LedgerSummary } from '../../../shared/domain/ledger';
import { migrate, schemaVersion } from '../db/migrate';
import { LATEST_SCHEMA_VERSION } from '../db/migrations';
import { openDatabase, type Db } from '../db/open';
import { countAreas } from '../db/repos/areas';
import { countEnterprises } from '../db/repos/enterprises';
import { applicationId } from '../db/migrate';
import { APPLICATION_ID } from '../db/open';
import { AppError } from '../errors';

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

/**
 * Opens a ledger for use: migrates it forward when writable, and opens a file from a newer program read-only
 * (SQLite's query_only), never migrating or touching its data.
 */
export function openLedgerSession(path: string, options: { create?: boolean; readOnly?: boolean } = {}): LedgerSession {
  const db = openDatabase(path, { create: options.create });
  try {
    let readOnly = options.readOnly === true;
    let notice: string | null = null;
    if (readOnly) {
      if (schemaVersion(db) === 0 || applicationId(db) !== APPLICATION_ID) {
        throw new AppError('NOT_A_LEDGER', '该文件不是“一企一策”台账文件');
      }
      if (schemaVersion(db) > LATEST_SCHEMA_VERSION) notice = NEWER_VERSION_NOTICE(schemaVersion(db));
    } else {
      // Only a ledger being created may start empty: opening an existing empty or foreign file must not turn it
      // into a half-made ledger (tables but no settings).
      if (!options.create && applicationId(db) !== APPLICATION_ID) {
        throw new AppError('NOT_A_LEDGER', '该文件不是“一企一策”台账文件');
      }
      if (migrate(db) === 'newer') {
        readOnly = true;
        notice = NEWER_VERSION_NOTICE(schemaVersion(db));
      }
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
