import type { UndoableStep } from '../../../shared/ipc/changes';
import { AppError } from '../errors';
import { write, type Writer } from './changeLog';
import type { Db } from './open';
import { prepared } from './statements';
import { toDbValue, type TableSpec } from './tableSpec';
import { TABLES_BY_ENTITY } from './tables';

/*
 * Undo and redo are both read from the change log; neither keeps a stack of its own. Every batch is one of:
 *  - a "doing" step: an ordinary change (undoes_batch_id NULL) or a redo (a batch that reverses an undo);
 *  - an undo: a batch that reverses a doing step.
 * So a batch's kind is the parity of its undoes_batch_id chain. 撤销 takes back the newest doing step not yet
 * undone; 重做 reverses the newest undo not yet redone — but only while no ordinary change came after it (a new
 * edit ends the redo chain, as in every editor). A schema upgrade's barrier ends both: older steps were written
 * for another shape of the ledger.
 */

interface BatchRow {
  id: number;
  action: string;
  at: string;
  actor: string;
  undoes: number | null;
  barrier: number;
}

type Kind = 'do' | 'undo';

/** Walks batches newest first, a page at a time (an open iterator would block the lookups made meanwhile). */
function* newestFirst(db: Db): Generator<BatchRow> {
  const page = prepared(
    db,
    'undo:page',
    () => `SELECT id, action, at, actor, undoes_batch_id AS undoes, barrier FROM change_batches
           WHERE id < ? ORDER BY id DESC LIMIT 64`,
  );
  let before = Number.MAX_SAFE_INTEGER;
  for (;;) {
    const rows = page.all(before) as BatchRow[];
    if (rows.length === 0) return;
    for (const row of rows) yield row;
    before = rows[rows.length - 1]!.id;
  }
}

function batchById(db: Db, id: number): BatchRow | undefined {
  return prepared(
    db,
    'undo:batch',
    () => `SELECT id, action, at, actor, undoes_batch_id AS undoes, barrier FROM change_batches WHERE id = ?`,
  ).get(id) as BatchRow | undefined;
}

/** The chain back to the ordinary change: its length's parity gives the kind, its end the clerk's own words. */
function origin(db: Db, batch: BatchRow): { kind: Kind; action: string } {
  let kind: Kind = 'do';
  let current = batch;
  while (current.undoes !== null) {
    kind = kind === 'do' ? 'undo' : 'do';
    const target = batchById(db, current.undoes);
    if (!target) throw new Error(`undo: batch ${current.undoes} is missing`);
    current = target;
  }
  return { kind, action: current.action };
}

function isReversed(db: Db, batchId: number): boolean {
  return (
    prepared(db, 'undo:reversed', () => 'SELECT 1 FROM change_batches WHERE undoes_batch_id = ? LIMIT 1').get(
      batchId,
    ) !== undefined
  );
}

/** The batch that wrote the new ledger's settings: the ledger's creation cannot be taken back. */
function isCreation(db: Db, batchId: number): boolean {
  return (
    prepared(
      db,
      'undo:creation',
      () => "SELECT 1 FROM change_log WHERE batch_id = ? AND entity = 'settings' AND op = 'insert' LIMIT 1",
    ).get(batchId) !== undefined
  );
}

/** A record that full personal data was shown: it changed nothing, so there is nothing to undo or redo. */
function isReveal(db: Db, batchId: number): boolean {
  return (
    prepared(db, 'undo:reveal', () => "SELECT 1 FROM change_log WHERE batch_id = ? AND op = 'reveal' LIMIT 1").get(
      batchId,
    ) !== undefined
  );
}

function stepOf(db: Db, batch: BatchRow, action: string): UndoableStep {
  const records = prepared(
    db,
    'undo:records',
    () => `SELECT count(DISTINCT entity || ':' || entity_id) FROM change_log WHERE batch_id = ?`,
  )
    .pluck()
    .get(batch.id) as number;
  return { batchId: batch.id, action, at: batch.at, actor: batch.actor, records };
}

/** The step 撤销 would take back: the newest doing step (an edit, an import, a redo) not yet undone. */
export function lastUndoable(db: Db): UndoableStep | null {
  for (const batch of newestFirst(db)) {
    if (batch.barrier === 1) return null;
    if (batch.undoes === null && isReveal(db, batch.id)) continue;
    const { kind, action } = origin(db, batch);
    if (kind === 'undo' || isReversed(db, batch.id)) continue;
    if (isCreation(db, batch.id)) continue;
    return stepOf(db, batch, action);
  }
  return null;
}

/**
 * The step 重做 would bring back: the newest undo not yet redone, unless an ordinary change was made after it.
 * `batchId` names the undo batch (the one a redo reverses); `action` is the clerk's original step.
 */
export function lastRedoable(db: Db): UndoableStep | null {
  for (const batch of newestFirst(db)) {
    if (batch.barrier === 1) return null;
    // Showing a value is not a change: it neither ends the redo chain nor is itself redone.
    if (batch.undoes === null && isReveal(db, batch.id)) continue;
    if (batch.undoes === null) return null;
    const { kind, action } = origin(db, batch);
    if (kind === 'do' || isReversed(db, batch.id)) continue;
    return stepOf(db, batch, action);
  }
  return null;
}

/**
 * Takes back step `batchId`, which must be the one lastUndoable names (the screen shows it before the clerk
 * clicks, so a step that changed meanwhile is refused rather than a different one undone). The undo is a new
 * step in the change log, in one transaction: history stays complete and the undo can itself be redone.
 */
export function undoStep(db: Db, writer: Writer, batchId: number): UndoableStep {
  const step = lastUndoable(db);
  if (!step || step.batchId !== batchId) {
    throw new AppError('CONFLICT', '要撤销的操作已不是最近一步（可能已被撤销或有新的修改），请刷新后重试');
  }
  reverse(db, writer, batchId, `撤销：${step.action}`, '撤销');
  return step;
}

/** Brings back the step lastRedoable names by reversing its undo; afterwards the step is undoable again. */
export function redoStep(db: Db, writer: Writer, batchId: number): UndoableStep {
  const step = lastRedoable(db);
  if (!step || step.batchId !== batchId) {
    throw new AppError('CONFLICT', '要重做的操作已不是最近撤销的一步（可能已被重做或有新的修改），请刷新后重试');
  }
  reverse(db, writer, batchId, `重做：${step.action}`, '重做');
  return step;
}

interface LogRow {
  entity: string;
  entityId: number;
  op: 'insert' | 'update' | 'delete' | 'reveal';
  field: string | null;
  oldValue: string | null;
  newValue: string | null;
}

/** Applies batch `batchId`'s entries backwards as a new batch that names it in undoes_batch_id. */
function reverse(db: Db, writer: Writer, batchId: number, action: string, verb: string): void {
  const entries = prepared(
    db,
    'undo:entries',
    () => `SELECT entity, entity_id AS entityId, op, field, old_value AS oldValue, new_value AS newValue
           FROM change_log WHERE batch_id = ? ORDER BY id DESC`,
  ).all(batchId) as LogRow[];

  write(
    db,
    writer,
    action,
    (tx) => {
      for (const entry of entries) {
        if (entry.op === 'reveal') continue;
        const spec = TABLES_BY_ENTITY[entry.entity];
        if (!spec) throw new Error(`undo: no table for entity ${entry.entity}`);
        if (entry.op === 'insert') tx.remove(spec, entry.entityId);
        else if (entry.op === 'delete') {
          const { id: _id, ...row } = parse(entry.oldValue) as Record<string, unknown>;
          tx.insert(spec, row as Omit<{ id: number }, 'id'>, entry.entityId);
        } else {
          const field = entry.field!;
          assertUnchangedSince(db, spec, entry.entityId, field, parse(entry.newValue), verb);
          tx.update(spec, entry.entityId, { [field]: parse(entry.oldValue) });
        }
      }
    },
    batchId,
  );
}

function parse(json: string | null): unknown {
  return json === null ? null : JSON.parse(json);
}

/** Guards against reversing over a value someone changed after the step (e.g. by editing the file elsewhere). */
function assertUnchangedSince(
  db: Db,
  spec: TableSpec<{ id: number }>,
  id: number,
  field: string,
  logged: unknown,
  verb: string,
) {
  const col = (spec.columns as Record<string, { column: string; kind: 'text' | 'int' | 'real' | 'bool' }>)[field];
  if (!col) throw new Error(`undo: unknown field ${spec.entity}.${field}`);
  const current = prepared(
    db,
    `undo:get:${spec.table}.${col.column}`,
    () => `SELECT ${col.column} FROM ${spec.table} WHERE id = ?`,
  )
    .pluck()
    .get(id);
  if (current === undefined) {
    throw new AppError('CONFLICT', `该步骤修改过的记录已被删除，无法${verb}`);
  }
  if (current !== toDbValue(col.kind, logged)) {
    throw new AppError('CONFLICT', `该步骤之后记录又被修改过，无法${verb}`);
  }
}
