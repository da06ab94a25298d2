import type { UndoableStep } from '../../../shared/ipc/changes';
import { AppError } from '../errors';
import { write, type Writer } from './changeLog';
import type { Db } from './open';
import { prepared } from './statements';
import { toDbValue, type TableSpec } from './tableSpec';
import { TABLES_BY_ENTITY } from './tables';

/**
 * Undo reads the change log backwards: the newest step that is neither an undo itself nor already undone.
 * The ledger's creation (the batch that wrote its settings) is never offered: it cannot be taken back; nor is
 * anything before a schema upgrade's barrier, which was written for another shape of the ledger.
 */
export function lastUndoable(db: Db): UndoableStep | null {
  const row = prepared(
    db,
    'undo:last',
    () => `SELECT b.id AS batchId, b.action, b.at, b.actor,
             (SELECT count(DISTINCT l.entity || ':' || l.entity_id) FROM change_log l WHERE l.batch_id = b.id) AS records
           FROM change_batches b
           WHERE b.undoes_batch_id IS NULL AND b.barrier = 0
             AND b.id > coalesce((SELECT max(x.id) FROM change_batches x WHERE x.barrier = 1), 0)
             AND NOT EXISTS (SELECT 1 FROM change_batches u WHERE u.undoes_batch_id = b.id)
             AND NOT EXISTS (SELECT 1 FROM change_log c WHERE c.batch_id = b.id AND c.entity = 'settings' AND c.op = 'insert')
           ORDER BY b.id DESC LIMIT 1`,
  ).get() as UndoableStep | undefined;
  return row ?? null;
}

interface LogRow {
  entity: string;
  entityId: number;
  op: 'insert' | 'update' | 'delete';
  field: string | null;
  oldValue: string | null;
  newValue: string | null;
}

/**
 * Takes back step `batchId`, which must be the one lastUndoable names (the screen shows it before the clerk
 * clicks, so a step that changed meanwhile is refused rather than a different one undone). The undo is a new
 * step in the change log, in one transaction: history stays complete and undo itself is undoable later (redo).
 */
export function undoStep(db: Db, writer: Writer, batchId: number): UndoableStep {
  const step = lastUndoable(db);
  if (!step || step.batchId !== batchId) {
    throw new AppError('CONFLICT', '要撤销的操作已不是最近一步（可能已被撤销或有新的修改），请刷新后重试');
  }
  const entries = prepared(
    db,
    'undo:entries',
    () => `SELECT entity, entity_id AS entityId, op, field, old_value AS oldValue, new_value AS newValue
           FROM change_log WHERE batch_id = ? ORDER BY id DESC`,
  ).all(batchId) as LogRow[];

  write(
    db,
    writer,
    `撤销：${step.action}`,
    (tx) => {
      for (const entry of entries) {
        const spec = TABLES_BY_ENTITY[entry.entity];
        if (!spec) throw new Error(`undo: no table for entity ${entry.entity}`);
        if (entry.op === 'insert') tx.remove(spec, entry.entityId);
        else if (entry.op === 'delete') {
          const { id: _id, ...row } = parse(entry.oldValue) as Record<string, unknown>;
          tx.insert(spec, row as Omit<{ id: number }, 'id'>, entry.entityId);
        } else {
          const field = entry.field!;
          assertUnchangedSince(db, spec, entry.entityId, field, parse(entry.newValue));
          tx.update(spec, entry.entityId, { [field]: parse(entry.oldValue) });
        }
      }
    },
    batchId,
  );
  return step;
}

function parse(json: string | null): unknown {
  return json === null ? null : JSON.parse(json);
}

/** Guards against undoing over a value someone changed after the step (e.g. by editing the file elsewhere). */
function assertUnchangedSince(db: Db, spec: TableSpec<{ id: number }>, id: number, field: string, logged: unknown) {
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
    throw new AppError('CONFLICT', '该步骤修改过的记录已被删除，无法撤销');
  }
  if (current !== toDbValue(col.kind, logged)) {
    throw new AppError('CONFLICT', '该步骤之后记录又被修改过，无法撤销');
  }
}
