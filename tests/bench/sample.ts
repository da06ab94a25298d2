import Database, { type Statement } from 'better-sqlite3-multiple-ciphers';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { localDate } from '../../shared/domain/enterpriseRules';
import { CoreContext } from '../../electron/core/app/context';
import { migrate } from '../../electron/core/db/migrate';
import { openDatabase } from '../../electron/core/db/open';
import { generateSample, type SampleLedger } from '../../electron/core/sample/generate';
import { createSampleAt, fillSample } from '../../electron/core/services/sample';
import type { Tx } from '../../electron/core/db/changeLog';
import { toDbValue, type ColumnSpec, type TableSpec } from '../../electron/core/db/tableSpec';
import { figure, type Figure } from './report';

function time<T>(fn: () => T): { ms: number; value: T } {
  const start = performance.now();
  const value = fn();
  return { ms: Math.round(performance.now() - start), value };
}

/**
 * The reference: the same records inserted the plainest way — one prepared INSERT per table, no change log,
 * no derived keys, no row mapping beyond the column list — into the same schema, in one transaction. The
 * sample is laid out by the product's own fillSample against this bare writer, so both sides store the same
 * records in the same order.
 */
function rawInsert(path: string, sample: SampleLedger): void {
  const setup = openDatabase(path, { create: true });
  migrate(setup);
  setup.close();
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  const statements = new Map<string, Statement>();
  const stmt = (key: string, sql: () => string) => {
    let s = statements.get(key);
    if (!s) statements.set(key, (s = db.prepare(sql())));
    return s;
  };
  const values = (spec: TableSpec<{ id: number }>, row: Record<string, unknown>, fields: string[]) =>
    fields.map((f) => toDbValue((spec.columns as Record<string, ColumnSpec>)[f]!.kind, row[f]));
  const bare = {
    db: db as unknown as Tx['db'],
    at: new Date().toISOString(),
    insert(spec, row) {
      const fields = Object.keys(spec.columns);
      const cols = fields.map((f) => (spec.columns as Record<string, ColumnSpec>)[f]!.column);
      const insert = stmt(
        `i:${spec.table}`,
        () => `INSERT INTO ${spec.table} (${cols.join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`,
      );
      return Number(insert.run(values(spec as never, row as Record<string, unknown>, fields)).lastInsertRowid);
    },
    update(spec, id, patch) {
      const fields = Object.keys(patch);
      const sets = fields.map((f) => `${(spec.columns as Record<string, ColumnSpec>)[f]!.column} = ?`);
      stmt(`u:${spec.table}:${fields.join()}`, () => `UPDATE ${spec.table} SET ${sets.join(', ')} WHERE id = ?`).run(
        ...values(spec as never, patch as Record<string, unknown>, fields),
        id,
      );
      return fields.length;
    },
    remove() {
      throw new Error('the sample only inserts');
    },
    insertLater(spec, row) {
      return this.insert(spec, row);
    },
    flush() {},
  } satisfies Tx;
  db.transaction(() => fillSample(bare, sample))();
  db.close();
}

const RECORD_TABLES = [
  'enterprises',
  'party_orgs',
  'formation_steps',
  'party_members',
  'instructors',
  'instructor_assignments',
  'instructor_trainings',
  'leaders',
  'work_group_members',
  'work_logs',
];

/** A ratio means something only if both sides stored the same records. */
function assertSameRecords(referencePath: string, productPath: string): void {
  const counts = (path: string) => {
    const db = new Database(path, { readonly: true });
    try {
      return RECORD_TABLES.map((t) => `${t}=${String(db.prepare(`SELECT count(*) FROM ${t}`).pluck().get())}`).join(
        ' ',
      );
    } finally {
      db.close();
    }
  };
  const [reference, product] = [counts(referencePath), counts(productPath)];
  if (reference !== product) throw new Error(`sample.create: reference stored ${reference}, product ${product}`);
}

export function benchSample(size: number): Figure[] {
  const dir = mkdtempSync(join(tmpdir(), 'yqyc-bench-'));
  try {
    const ctx = new CoreContext({ dataDir: join(dir, 'data') });
    // The product draws the sample for its own today (reminders fall due around it); so must the reference, or the
    // two store different records.
    const today = localDate(ctx.writer.now());
    const generated = time(() => generateSample({ enterprises: size, seed: 1, today }));
    const raw = time(() => rawInsert(join(dir, 'raw.yqyc'), generated.value));
    const product = time(() => createSampleAt(ctx, join(dir, 'product.yqyc'), { enterprises: size, seed: 1 }));
    ctx.close();
    assertSameRecords(join(dir, 'raw.yqyc'), join(dir, 'product.yqyc'));
    return [
      figure({
        id: 'sample.generate',
        size,
        value: generated.ms,
        unit: 'ms',
        target: null,
        reference: null,
        ratioTarget: null,
      }),
      // The product's figure includes generating the rows; the reference starts from rows already made.
      figure({
        id: 'sample.create',
        size,
        value: product.ms,
        unit: 'ms',
        target: null,
        reference: raw.ms + generated.ms,
        ratioTarget: 2,
      }),
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
