import type { Db } from './open';
import { prepared } from './statements';
import { rowFromDb, type TableSpec } from './tableSpec';

/** One stored record of a table, as its spec maps it (no joined names), or null when there is none. */
export function recordById<R extends { id: number }>(db: Db, spec: TableSpec<R>, id: number): R | null {
  const row = prepared(db, `select:${spec.table}`, () => `SELECT * FROM ${spec.table} WHERE id = ?`).get(id);
  return row ? rowFromDb(spec, row as Record<string, unknown>) : null;
}
