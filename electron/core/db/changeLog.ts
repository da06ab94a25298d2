import type { Statement } from 'better-sqlite3-multiple-ciphers';
import { AppError } from '../errors';
import type { Db } from './open';
import { prepared } from './statements';
import { fieldsOf, toDbValue, type ColumnKind, type TableSpec } from './tableSpec';
import { recordById } from './records';

/** Who is writing and what time it is: given by the caller so tests can fix the clock. */
export interface Writer {
  actor: string;
  now: () => Date;
}

export interface Tx {
  readonly db: Db;
  readonly at: string;
  /** `id` is given only to put back a deleted record as it was, under its old id (undo). */
  insert<R extends { id: number }>(spec: TableSpec<R>, row: Omit<R, 'id'>, id?: number): number;
  /** Writes only the fields that differ and logs each; returns how many changed. */
  update<R extends { id: number }>(spec: TableSpec<R>, id: number, patch: Partial<Omit<R, 'id'>>): number;
  remove<R extends { id: number }>(spec: TableSpec<R>, id: number): void;
  /**
   * A new record whose write waits in this transaction's queue, so that a long import writes its rows in runs
   * rather than one between each row's checks: SQLite's work on a row's table, indexes and search index then comes
   * in one stretch, about a sixth of an import's time less over 50,000 rows. The id is the one SQLite would give
   * (the table's highest, counting those queued, plus one); the values and their change-log entry are fixed now.
   * Until written the record is not in the ledger: the caller runs `flush` before reading that table back. Any
   * other write, and the end of the transaction, runs it first. Only for tables without AUTOINCREMENT.
   */
  insertLater<R extends { id: number }>(spec: TableSpec<R>, row: Omit<R, 'id'>): number;
  /** Writes the queued records, in order. */
  flush(): void;
}

interface Statements {
  batch: Statement;
  log: Statement;
}

function logStatements(db: Db): Statements {
  return {
    batch: prepared(
      db,
      'log:batch',
      () => 'INSERT INTO change_batches (at, actor, action, undoes_batch_id) VALUES (?, ?, ?, ?)',
    ),
    log: prepared(
      db,
      'log:entry',
      () =>
        'INSERT INTO change_log (batch_id, entity, entity_id, op, field, old_value, new_value) VALUES (?, ?, ?, ?, ?, ?, ?)',
    ),
  };
}

function json(value: unknown): string | null {
  return value === undefined ? null : JSON.stringify(value);
}

/** Refuses before anything is attempted on a ledger opened read-only (a newer program's, or by request). */
export function assertWritable(db: Db): void {
  if (db.readonly || (db.pragma('query_only', { simple: true }) as number) === 1) {
    throw new AppError('READ_ONLY', '台账以只读方式打开，不能修改');
  }
}

/**
 * The only way to change a ledger: runs `fn` in one transaction and records every insert, changed field and
 * delete in the change log in that same transaction, under one batch named by `action` (e.g. 新增企业).
 * If anything throws, nothing — neither the data nor its log — is written.
 */
export function write<T>(db: Db, writer: Writer, action: string, fn: (tx: Tx) => T, undoesBatchId?: number): T {
  assertWritable(db);
  return db.transaction(() => {
    const tx = openTx(db, writer, action, undoesBatchId);
    const result = fn(tx);
    tx.flush();
    return result;
  })();
}

/**
 * `write` for work too long to hold the thread (an import of thousands of rows): the same one transaction and one
 * change batch — so one 撤销 undoes it all and a failure or a cancel leaves nothing — but `fn` may await between
 * chunks so progress questions and a cancel are answered. The core's worker runs one request at a time, so no
 * other write can slip into the open transaction while it waits.
 */
export async function writeLong<T>(db: Db, writer: Writer, action: string, fn: (tx: Tx) => Promise<T>): Promise<T> {
  assertWritable(db);
  if (db.inTransaction) throw new Error('writeLong cannot run inside another transaction');
  db.exec('BEGIN IMMEDIATE');
  try {
    const tx = openTx(db, writer, action);
    const result = await fn(tx);
    tx.flush();
    db.exec('COMMIT');
    return result;
  } catch (e) {
    if (db.inTransaction) db.exec('ROLLBACK');
    throw e;
  }
}

/** The writing half of a transaction the caller has begun: every change goes with its change-log entry. */
function openTx(db: Db, writer: Writer, action: string, undoesBatchId?: number): Tx {
  const stmts = logStatements(db);
  const at = writer.now().toISOString();
  let batchId: number | null = null;
  const log = (entity: string, id: number, op: string, field: string | null, oldV: unknown, newV: unknown) => {
    batchId ??= Number(stmts.batch.run(at, writer.actor, action, undoesBatchId ?? null).lastInsertRowid);
    stmts.log.run(batchId, entity, id, op, field, json(oldV), json(newV));
  };

  // Records written later (insertLater), in order, and the next id of each table that has some queued.
  const queue: { stmt: Statement; values: unknown[]; entity: string; id: number }[] = [];
  const nextIds = new Map<string, number>();
  const flush = () => {
    for (const q of queue) {
      q.stmt.run(q.values);
      log(q.entity, q.id, 'insert', null, undefined, undefined);
    }
    queue.length = 0;
  };
  // Before any other write: it may read or refer to a queued record, and SQLite numbers its own inserts anew.
  const writeNow = () => {
    flush();
    nextIds.clear();
  };
  // `fresh`: a new record, which gets the write's time; one put back by undo keeps its own timestamps.
  const insertValues = <R extends { id: number }>(
    spec: TableSpec<R>,
    row: Omit<R, 'id'>,
    id: number | null,
    fresh: boolean,
  ) => {
    const plan = insertPlan(spec);
    const record = row as Record<string, unknown>;
    const values: unknown[] = plan.fields.map(({ field, kind, touched }) =>
      touched && fresh ? at : toDbValue(kind, record[field]),
    );
    if (spec.derived) values.push(...spec.derived.compute(row));
    values.push(id);
    return { stmt: prepared(db, `insert:${spec.table}`, () => plan.sql), values };
  };

  return {
    db,
    at,
    insert(spec, row, givenId) {
      writeNow();
      const { stmt, values } = insertValues(spec, row, givenId ?? null, givenId === undefined);
      const id = Number(stmt.run(values).lastInsertRowid);
      log(spec.entity, id, 'insert', null, undefined, undefined);
      return id;
    },
    insertLater(spec, row) {
      const id =
        nextIds.get(spec.table) ??
        (prepared(db, `max:${spec.table}`, () => `SELECT coalesce(max(id), 0) + 1 FROM ${spec.table}`)
          .pluck()
          .get() as number);
      nextIds.set(spec.table, id + 1);
      const { stmt, values } = insertValues(spec, row, id, true);
      queue.push({ stmt, values, entity: spec.entity, id });
      return id;
    },
    flush,
    update(spec, id, patch) {
      writeNow();
      const before = readRow(db, spec, id);
      let changed = 0;
      for (const [field, col] of fieldsOf(spec)) {
        if (!(field in patch)) continue;
        const next = (patch as Record<string, unknown>)[field as string];
        const prev = (before as Record<string, unknown>)[field as string];
        if (toDbValue(col.kind, next) === toDbValue(col.kind, prev)) continue;
        setColumn(db, spec.table, col.column, toDbValue(col.kind, next), id);
        log(spec.entity, id, 'update', String(field), prev, next);
        changed++;
      }
      if (changed === 0) return 0;
      const updated = spec.touch?.updated;
      if (updated) setColumn(db, spec.table, spec.columns[updated].column, at, id);
      if (spec.derived) updateDerived(db, spec, id, before, patch);
      return changed;
    },
    remove(spec, id) {
      writeNow();
      const before = readRow(db, spec, id);
      prepared(db, `delete:${spec.table}`, () => `DELETE FROM ${spec.table} WHERE id = ?`).run(id);
      log(spec.entity, id, 'delete', null, before, undefined);
    },
  };
}

interface InsertPlan {
  sql: string;
  fields: { field: string; kind: ColumnKind; touched: boolean }[];
}

const insertPlans = new WeakMap<object, InsertPlan>();

/** Worked out once per table: imports and sample ledgers insert hundreds of thousands of rows. */
function insertPlan<R extends { id: number }>(spec: TableSpec<R>): InsertPlan {
  let plan = insertPlans.get(spec);
  if (!plan) {
    const fields = fieldsOf(spec).map(([field, col]) => ({
      field: String(field),
      kind: col.kind,
      touched: !!spec.touch && (field === spec.touch.created || field === spec.touch.updated),
    }));
    const cols = [...fieldsOf(spec).map(([, c]) => c.column), ...(spec.derived?.columns ?? []), 'id'];
    const sql = `INSERT INTO ${spec.table} (${cols.join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`;
    insertPlans.set(spec, (plan = { sql, fields }));
  }
  return plan;
}

/** Only derived columns whose value moves are written: an unchanged search key must not reindex the row. */
function updateDerived<R extends { id: number }>(
  db: Db,
  spec: TableSpec<R>,
  id: number,
  before: R,
  patch: Partial<Omit<R, 'id'>>,
): void {
  const derived = spec.derived!;
  const old = derived.compute(before);
  const next = derived.compute({ ...before, ...patch });
  derived.columns.forEach((column, i) => {
    if (old[i] !== next[i]) setColumn(db, spec.table, column, next[i], id);
  });
}

function setColumn(db: Db, table: string, column: string, value: unknown, id: number): void {
  prepared(db, `set:${table}.${column}`, () => `UPDATE ${table} SET ${column} = ? WHERE id = ?`).run(value, id);
}

function readRow<R extends { id: number }>(db: Db, spec: TableSpec<R>, id: number): R {
  const row = recordById(db, spec, id);
  if (!row) throw new AppError('NOT_FOUND', `要修改的记录不存在（${spec.entity} #${id}）`);
  return row;
}

/** 'reveal' records that a full personal value was shown or exported; it changes nothing and is never undone. */
export type ChangeOp = 'insert' | 'update' | 'delete' | 'reveal';

export interface RevealEntry {
  entity: string;
  entityId: number;
  /** Which field (or, for an export, which kinds of data) was shown in full. */
  field: string;
}

/**
 * Records that full personal data left the program, in a batch of its own (action e.g. 显示完整身份证号). No value
 * is stored: the log must not become a second copy of the data. Refused on a read-only ledger, like any write.
 */
export function recordReveal(db: Db, writer: Writer, action: string, entries: readonly RevealEntry[]): void {
  assertWritable(db);
  const stmts = logStatements(db);
  db.transaction(() => {
    const batchId = Number(stmts.batch.run(writer.now().toISOString(), writer.actor, action, null).lastInsertRowid);
    for (const e of entries) stmts.log.run(batchId, e.entity, e.entityId, 'reveal', e.field, null, null);
  })();
}

export interface ChangeEntry {
  batchId: number;
  at: string;
  actor: string;
  action: string;
  entity: string;
  entityId: number;
  op: ChangeOp;
  field: string | null;
  oldValue: unknown;
  newValue: unknown;
}

/** The history of one record, newest first. */
export function historyOf(db: Db, entity: string, entityId: number): ChangeEntry[] {
  const rows = prepared(
    db,
    'log:history',
    () => `SELECT b.id AS batchId, b.at, b.actor, b.action, l.entity, l.entity_id AS entityId, l.op, l.field,
             l.old_value AS oldValue, l.new_value AS newValue
           FROM change_log l JOIN change_batches b ON b.id = l.batch_id
           WHERE l.entity = ? AND l.entity_id = ? ORDER BY l.id DESC`,
  ).all(entity, entityId) as (Omit<ChangeEntry, 'oldValue' | 'newValue'> & {
    oldValue: string | null;
    newValue: string | null;
  })[];
  return rows.map((r) => ({
    ...r,
    oldValue: r.oldValue === null ? null : JSON.parse(r.oldValue),
    newValue: r.newValue === null ? null : JSON.parse(r.newValue),
  }));
}
