import { localDate } from '../../../shared/domain/enterpriseRules';
import { WORK_LOG_KINDS } from '../../../shared/domain/labels';
import type { Saved } from '../../../shared/ipc/fields';
import type { WorkLogValues } from '../../../shared/ipc/workLogs';
import { write, type Writer } from '../db/changeLog';
import type { Db } from '../db/open';
import { nameOf } from '../db/repos/lookups';
import { getWorkLog } from '../db/repos/workLogs';
import { workLogsTable } from '../db/tables';
import { AppError } from '../errors';
import { removeAttachmentsOf } from './attachments';

/** 工作记录: visits, meetings, activities, help given and training at an enterprise. */

const fieldError = (field: keyof WorkLogValues, message: string) =>
  new AppError('VALIDATION', message, `input.${field}`);

function requireLog(db: Db, id: number) {
  const found = getWorkLog(db, id);
  if (!found) throw new AppError('NOT_FOUND', `找不到编号为 ${id} 的工作记录，可能已被删除`);
  return found;
}

function validate(
  db: Db,
  writer: Writer,
  input: WorkLogValues,
): { enterpriseName: string; warnings: Saved['warnings'] } {
  const enterpriseName = nameOf(db, 'enterprises', input.enterpriseId);
  if (enterpriseName === null) throw fieldError('enterpriseId', '所选企业已不存在，请重新选择');
  if (input.instructorId !== null && nameOf(db, 'instructors', input.instructorId) === null) {
    throw fieldError('instructorId', '所选党建工作指导员已不存在，请重新选择');
  }
  if (input.followUpOn !== null && input.followUpOn < input.heldOn) {
    throw fieldError('followUpOn', `跟进期限（${input.followUpOn}）不能早于记录日期（${input.heldOn}）`);
  }
  const today = localDate(writer.now());
  const warnings: Saved['warnings'] = [];
  if (input.heldOn > today) {
    warnings.push({ field: 'heldOn', message: `记录日期（${input.heldOn}）晚于今天，请核对是否为计划中的安排` });
  }
  return { enterpriseName, warnings };
}

export function saveWorkLog(db: Db, writer: Writer, id: number | undefined, input: WorkLogValues): Saved {
  const before = id === undefined ? null : requireLog(db, id);
  const { enterpriseName, warnings } = validate(db, writer, input);
  const what = `${enterpriseName} ${input.heldOn} ${WORK_LOG_KINDS[input.kind]}`;
  const savedId = before
    ? write(db, writer, `修改工作记录：${what}`, (tx) => {
        tx.update(workLogsTable, before.id, input);
        return before.id;
      })
    : write(db, writer, `新增工作记录：${what}`, (tx) =>
        tx.insert(workLogsTable, { ...input, createdAt: tx.at, updatedAt: tx.at }),
      );
  return { id: savedId, warnings };
}

/** The log goes with its attachments in one step; one 撤销 brings both back. */
export function deleteWorkLog(db: Db, writer: Writer, id: number): void {
  const log = requireLog(db, id);
  write(db, writer, `删除工作记录：${log.enterpriseName} ${log.heldOn} ${WORK_LOG_KINDS[log.kind]}`, (tx) => {
    removeAttachmentsOf(tx, { workLogId: id });
    tx.remove(workLogsTable, id);
  });
}
