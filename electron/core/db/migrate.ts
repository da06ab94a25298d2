import { AppError } from '../errors';
import { MIGRATIONS, LATEST_SCHEMA_VERSION } from './migrations';
import { APPLICATION_ID } from './fileHeader';
import type { Db } from './open';

export type SchemaState = 'current' | 'migrated' | 'newer';

export function schemaVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number;
}

export function applicationId(db: Db): number {
  return db.pragma('application_id', { simple: true }) as number;
}

function isEmpty(db: Db): boolean {
  const row = db.prepare("SELECT count(*) AS n FROM sqlite_schema WHERE name NOT LIKE 'sqlite_%'").get() as {
    n: number;
  };
  return row.n === 0;
}

/**
 * Brings a ledger to the latest schema: each migration runs with its user_version bump in one transaction,
 * so a crash leaves the file at a whole version. A file from a newer program is left untouched.
 */
export function migrate(db: Db): SchemaState {
  const fresh = isEmpty(db) && schemaVersion(db) === 0;
  if (fresh) {
    db.pragma(`application_id = ${APPLICATION_ID}`);
  } else if (applicationId(db) !== APPLICATION_ID) {
    throw new AppError('NOT_A_LEDGER', '该文件不是“一企一策”台账文件');
  }
  const from = schemaVersion(db);
  if (from > LATEST_SCHEMA_VERSION) return 'newer';
  if (from === LATEST_SCHEMA_VERSION) return 'current';
  for (const m of MIGRATIONS) {
    if (m.version <= from) continue;
    db.transaction(() => {
      m.up(db);
      db.pragma(`user_version = ${Number(m.version)}`);
    })();
  }
  return 'migrated';
}
