import type { Statement } from 'better-sqlite3-multiple-ciphers';
import type { Db } from './open';

const cache = new WeakMap<Db, Map<string, Statement>>();

/**
 * Prepares a statement once per connection. `sql` is called only on a miss; it may join identifiers from
 * code constants (table specs, literal ORDER BY clauses) but never values — values are always bound.
 */
export function prepared(db: Db, key: string, sql: () => string): Statement {
  let byKey = cache.get(db);
  if (!byKey) cache.set(db, (byKey = new Map()));
  let stmt = byKey.get(key);
  if (!stmt) byKey.set(key, (stmt = db.prepare(sql())));
  return stmt;
}
