import type { Db } from '../../electron/core/db/open';
import { APPLICATION_ID } from '../../electron/core/db/fileHeader';
import { MIGRATIONS } from '../../electron/core/db/migrations';

/**
 * Brings a fresh database to schema `version` as that version of the program left it: the ledger's mark and each
 * migration up to it with its user_version, one transaction each, as migrate() runs them. For testing upgrades.
 */
export function migrateUpTo(db: Db, version: number): void {
  db.pragma(`application_id = ${APPLICATION_ID}`);
  for (const m of MIGRATIONS.slice(0, version)) {
    db.transaction(() => {
      m.up(db);
      db.pragma(`user_version = ${m.version}`);
    })();
  }
}
