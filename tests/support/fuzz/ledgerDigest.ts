import { createHash } from 'node:crypto';
import Database from 'better-sqlite3-multiple-ciphers';

export interface LedgerDigest {
  /** Table name → sha256 of its rows in rowid (or primary key) order, every column. */
  tables: Record<string, string>;
  changeLogLength: number;
}

/**
 * What a ledger file really holds, read through a second, read-only connection (the core keeps its own writer
 * open): a digest of every table's rows, record for record, and the change log's length. Two equal digests mean
 * nothing was written, whatever table a faulty handler might have touched.
 */
export function ledgerDigest(path: string): LedgerDigest {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    const names = (
      db
        .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
        .all() as { name: string }[]
    ).map((r) => r.name);
    const tables: Record<string, string> = {};
    for (const name of names) {
      const hash = createHash('sha256');
      // Names come from sqlite_schema of the file under test, quoted; ORDER BY 1.. keeps WITHOUT ROWID tables stable.
      const quoted = `"${name.replace(/"/g, '""')}"`;
      const columns = (db.prepare(`SELECT count(*) AS n FROM pragma_table_info(?)`).get(name) as { n: number }).n;
      const order = Array.from({ length: Math.max(columns, 1) }, (_, i) => i + 1).join(', ');
      const rows = db.prepare(`SELECT * FROM ${quoted} ORDER BY ${order}`).raw().iterate() as Iterable<unknown[]>;
      for (const row of rows) hash.update(JSON.stringify(row.map(encode))).update('\n');
      tables[name] = hash.digest('hex');
    }
    const changeLogLength = (db.prepare('SELECT count(*) AS n FROM change_log').get() as { n: number }).n;
    return { tables, changeLogLength };
  } finally {
    db.close();
  }
}

/** Blobs and big integers have no JSON form of their own. */
function encode(v: unknown): unknown {
  if (Buffer.isBuffer(v)) return `blob:${v.toString('base64')}`;
  if (typeof v === 'bigint') return `bigint:${v}`;
  return v;
}
