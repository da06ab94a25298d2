import type { z } from 'zod';
import type { InstructorAssignment } from '../../../shared/domain/party';
import type { assignmentInput } from '../../../shared/ipc/people';
import { write, type Tx, type Writer } from '../db/changeLog';
import type { Db } from '../db/open';
import { nameOf } from '../db/repos/lookups';
import { assignmentsTable, enterprisesTable } from '../db/tables';
import { AppError } from '../errors';
import { currentAssignment } from './currentInstructor';
import { recordById } from '../db/records';

export type AssignmentValues = z.output<typeof assignmentInput>;

/** 派驻: an instructor covers an enterprise from a date (to a date). enterprises.instructor_id follows the current one. */

export function getAssignment(db: Db, id: number): InstructorAssignment | null {
  return recordById(db, assignmentsTable, id);
}

function requireAssignment(db: Db, id: number): InstructorAssignment {
  const found = getAssignment(db, id);
  if (!found) throw new AppError('NOT_FOUND', '该派驻记录已不存在，可能已被删除，请刷新');
  return found;
}

/** The enterprise's instructor is whoever its current assignment names (or nobody). */
function syncEnterprise(tx: Tx, enterpriseId: number): void {
  tx.update(enterprisesTable, enterpriseId, {
    instructorId: currentAssignment(tx, enterpriseId)?.instructorId ?? null,
  });
}

export function saveAssignment(db: Db, writer: Writer, input: AssignmentValues): InstructorAssignment {
  const instructorName = nameOf(db, 'instructors', input.instructorId);
  if (instructorName === null) {
    throw new AppError('VALIDATION', '所选党建工作指导员已不存在，请重新选择', 'instructorId');
  }
  const enterpriseName = nameOf(db, 'enterprises', input.enterpriseId);
  if (enterpriseName === null) throw new AppError('VALIDATION', '所选企业已不存在，请重新选择', 'enterpriseId');
  if (input.endedOn !== null && input.endedOn < input.startedOn) {
    throw new AppError('VALIDATION', `结束日期（${input.endedOn}）不能早于派驻日期（${input.startedOn}）`, 'endedOn');
  }
  const before = input.id === undefined ? null : requireAssignment(db, input.id);
  const values = {
    instructorId: input.instructorId,
    enterpriseId: input.enterpriseId,
    startedOn: input.startedOn,
    endedOn: input.endedOn,
    note: input.note,
  };
  // A current assignment takes over from the enterprise's current one, which ends the day this one starts.
  const previous = input.endedOn === null ? currentAssignment({ db }, input.enterpriseId) : null;
  const takesOver = previous !== null && previous.id !== before?.id ? previous : null;
  if (takesOver) {
    const previousName = nameOf(db, 'instructors', takesOver.instructorId) ?? '';
    if (takesOver.instructorId === input.instructorId) {
      throw new AppError(
        'VALIDATION',
        `${instructorName}自${takesOver.startedOn}起已派驻在${enterpriseName}，不必重复派驻`,
        'instructorId',
      );
    }
    if (takesOver.startedOn >= input.startedOn) {
      throw new AppError(
        'VALIDATION',
        `${enterpriseName}现任指导员${previousName}自${takesOver.startedOn}起派驻，新的派驻日期应晚于该日期（前任在新派驻日期当天结束）`,
        'startedOn',
      );
    }
  }
  const action = before
    ? `修改指导员派驻：${instructorName} — ${enterpriseName}`
    : `派驻党建工作指导员：${instructorName} → ${enterpriseName}`;
  const id = write(db, writer, action, (tx) => {
    if (takesOver) tx.update(assignmentsTable, takesOver.id, { endedOn: input.startedOn });
    let id: number;
    if (before) {
      tx.update(assignmentsTable, before.id, values);
      id = before.id;
    } else {
      id = tx.insert(assignmentsTable, values);
    }
    if (before && before.enterpriseId !== input.enterpriseId) syncEnterprise(tx, before.enterpriseId);
    syncEnterprise(tx, input.enterpriseId);
    return id;
  });
  return getAssignment(db, id)!;
}

/** Deleting the current assignment leaves the enterprise without an instructor (no earlier one comes back). */
export function deleteAssignment(db: Db, writer: Writer, id: number): void {
  const a = requireAssignment(db, id);
  const instructorName = nameOf(db, 'instructors', a.instructorId) ?? '';
  const enterpriseName = nameOf(db, 'enterprises', a.enterpriseId) ?? '';
  write(db, writer, `删除指导员派驻：${instructorName} — ${enterpriseName}`, (tx) => {
    tx.remove(assignmentsTable, id);
    syncEnterprise(tx, a.enterpriseId);
  });
}
