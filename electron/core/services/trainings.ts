import type { z } from 'zod';
import type { Training } from '../../../shared/domain/party';
import type { trainingInput } from '../../../shared/ipc/people';
import { write, type Writer } from '../db/changeLog';
import type { Db } from '../db/open';
import { nameOf } from '../db/repos/lookups';
import { trainingsTable } from '../db/tables';
import { AppError } from '../errors';
import { recordById } from '../db/records';

/** An instructor's 培训记录. */

function getTraining(db: Db, id: number): Training | null {
  return recordById(db, trainingsTable, id);
}

function requireTraining(db: Db, id: number): Training {
  const found = getTraining(db, id);
  if (!found) throw new AppError('NOT_FOUND', '该培训记录已不存在，可能已被删除，请刷新');
  return found;
}

export function saveTraining(db: Db, writer: Writer, input: z.output<typeof trainingInput>): Training {
  const instructorName = nameOf(db, 'instructors', input.instructorId);
  if (instructorName === null) {
    throw new AppError('VALIDATION', '所选党建工作指导员已不存在，请重新选择', 'instructorId');
  }
  const { id, ...values } = input;
  if (id !== undefined) requireTraining(db, id);
  const savedId =
    id === undefined
      ? write(db, writer, `新增培训记录：${instructorName}“${input.title}”`, (tx) => tx.insert(trainingsTable, values))
      : write(db, writer, `修改培训记录：${instructorName}“${input.title}”`, (tx) => {
          tx.update(trainingsTable, id, values);
          return id;
        });
  return getTraining(db, savedId)!;
}

export function deleteTraining(db: Db, writer: Writer, id: number): void {
  const t = requireTraining(db, id);
  const instructorName = nameOf(db, 'instructors', t.instructorId) ?? '';
  write(db, writer, `删除培训记录：${instructorName}“${t.title}”`, (tx) => tx.remove(trainingsTable, id));
}
