import type { z } from 'zod';
import { gradeOf, totalOf, type Assessment, type HardChecks } from '../../../shared/domain/assessments';
import { localDate } from '../../../shared/domain/enterpriseRules';
import type { assessmentInput } from '../../../shared/ipc/plans';
import { write, type Writer } from '../db/changeLog';
import type { Db } from '../db/open';
import { recordById } from '../db/records';
import { assessmentById, assessmentIdFor, assessmentOf, ledgerHardChecks } from '../db/repos/assessments';
import { nameOf } from '../db/repos/lookups';
import { assessmentsTable, type AssessmentRecord } from '../db/tables';
import { AppError } from '../errors';

/** 双强评价 (domain.md §2 Assessment): the clerk gives the scores and hard indicators; the core works out the rest. */

export type AssessmentValues = z.output<typeof assessmentInput>;

const fieldError = (field: string, message: string) => new AppError('VALIDATION', message, `input.${field}`);

const actionName = (enterpriseName: string, year: number) => `双强评价“${enterpriseName}”${year}年`;

function requireAssessment(db: Db, id: number) {
  const found = assessmentById(db, id);
  if (!found) throw new AppError('NOT_FOUND', `找不到编号为 ${id} 的双强评价，可能已被删除`);
  return found;
}

/** The refusals the contract cannot make alone: they need the ledger or today's date. */
function check(db: Db, writer: Writer, id: number | null, input: AssessmentValues): string {
  const enterpriseName = nameOf(db, 'enterprises', input.enterpriseId);
  if (enterpriseName === null) throw fieldError('enterpriseId', '所选企业已不存在，请重新选择');
  if (assessmentIdFor(db, input.enterpriseId, input.year, id) !== null) {
    throw fieldError(
      'enterpriseId',
      `“${enterpriseName}”${input.year}年已有双强评价，每家企业每年只评价一次，请修改原有的评价`,
    );
  }
  const today = localDate(writer.now());
  if (input.assessedOn !== null && input.assessedOn > today) {
    throw fieldError('assessedOn', `评价日期（${input.assessedOn}）不能晚于今天（${today}）`);
  }
  return enterpriseName;
}

/** The record as stored: scores and checks flat, total and grade derived here so no caller can send its own. */
function recordOf(input: AssessmentValues): Omit<AssessmentRecord, 'id'> {
  const total = totalOf(input.scores);
  return {
    enterpriseId: input.enterpriseId,
    year: input.year,
    ...input.scores,
    ...input.hard,
    total,
    grade: gradeOf(total, input.hard),
    assessedOn: input.assessedOn,
    note: input.note,
  };
}

/** Adds (no id) or changes an assessment; one step in the change log either way, undone by one 撤销. */
export function saveAssessment(db: Db, writer: Writer, id: number | undefined, input: AssessmentValues): Assessment {
  if (id !== undefined) requireAssessment(db, id);
  const enterpriseName = check(db, writer, id ?? null, input);
  const record = recordOf(input);
  const what = actionName(enterpriseName, input.year);
  const savedId =
    id !== undefined
      ? write(db, writer, `修改${what}`, (tx) => {
          tx.update(assessmentsTable, id, record);
          return id;
        })
      : write(db, writer, `新增${what}`, (tx) => tx.insert(assessmentsTable, record));
  return assessmentOf(recordById(db, assessmentsTable, savedId)!);
}

export function deleteAssessment(db: Db, writer: Writer, id: number): void {
  const found = requireAssessment(db, id);
  write(db, writer, `删除${actionName(found.enterpriseName, found.year)}`, (tx) => tx.remove(assessmentsTable, id));
}

export function prefillAssessment(db: Db, enterpriseId: number): HardChecks {
  const checks = ledgerHardChecks(db, enterpriseId);
  if (!checks) throw new AppError('NOT_FOUND', `找不到编号为 ${enterpriseId} 的企业，可能已被删除`, 'enterpriseId');
  return checks;
}
