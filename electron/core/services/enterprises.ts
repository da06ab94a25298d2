import type { Enterprise } from '../../../shared/domain/enterprise';
import { ENTERPRISE_FIELD_LABELS, type EnterpriseValues } from '../../../shared/domain/enterpriseInput';
import { checkEnterprise, localDate } from '../../../shared/domain/enterpriseRules';
import { OPERATING_STATUSES } from '../../../shared/domain/labels';
import type { BulkPatch, SaveResult } from '../../../shared/ipc/enterprises';
import { write, type Writer } from '../db/changeLog';
import type { Db } from '../db/open';
import { existingIds, findByUscc } from '../db/repos/enterprises';
import { nameOf } from '../db/repos/lookups';
import { enterprisesTable } from '../db/tables';
import { AppError } from '../errors';

/** Field errors point at the request's `input.<field>`, which is where the form shows them. */
const fieldError = (field: keyof EnterpriseValues, message: string) =>
  new AppError('VALIDATION', message, `input.${field}`);

/** Everything the schema cannot know: today's date, the other enterprises, the ledger's lists. */
function validate(db: Db, writer: Writer, values: EnterpriseValues, id: number | null): SaveResult['warnings'] {
  const { errors, warnings } = checkEnterprise(values, localDate(writer.now()));
  const first = errors[0];
  if (first) throw fieldError(first.field, first.message);
  if (values.uscc) {
    const holder = findByUscc(db, values.uscc, id);
    if (holder) throw fieldError('uscc', `统一社会信用代码已被“${holder.name}”使用，同一代码不能登记两次`);
  }
  if (nameOf(db, 'areas', values.areaId) === null) throw fieldError('areaId', '所选区域已不存在，请重新选择所在区域');
  if (values.workGroupId !== null && nameOf(db, 'work_groups', values.workGroupId) === null) {
    throw fieldError('workGroupId', '所选推进组已不存在，请重新选择');
  }
  if (values.instructorId !== null && nameOf(db, 'instructors', values.instructorId) === null) {
    throw fieldError('instructorId', '所选党建工作指导员已不存在，请重新选择');
  }
  return warnings;
}

export function createEnterprise(db: Db, writer: Writer, values: EnterpriseValues): SaveResult {
  const warnings = validate(db, writer, values, null);
  const id = write(db, writer, `新增企业“${values.name}”`, (tx) =>
    tx.insert(enterprisesTable, { ...values, createdAt: tx.at, updatedAt: tx.at }),
  );
  return { id, warnings };
}

export function updateEnterprise(db: Db, writer: Writer, id: number, values: EnterpriseValues): SaveResult {
  requireEnterprise(db, id);
  const warnings = validate(db, writer, values, id);
  write(db, writer, `修改企业“${values.name}”`, (tx) => tx.update(enterprisesTable, id, values));
  return { id, warnings };
}

export function deleteEnterprise(db: Db, writer: Writer, id: number): void {
  const name = requireEnterprise(db, id);
  write(db, writer, `删除企业“${name}”`, (tx) => tx.remove(enterprisesTable, id));
}

function requireEnterprise(db: Db, id: number): string {
  const name = nameOf(db, 'enterprises', id);
  if (name === null) throw new AppError('NOT_FOUND', `找不到编号为 ${id} 的企业，可能已被删除`);
  return name;
}

/**
 * One field set on many enterprises as one step: one transaction, one batch in the change log, so one 撤销
 * takes all of it back. Every id must exist, or nothing is changed.
 */
export function bulkUpdate(db: Db, writer: Writer, ids: readonly number[], patch: BulkPatch): number {
  const unique = [...new Set(ids)];
  const found = existingIds(db, unique);
  const missing = unique.filter((id) => !found.has(id));
  if (missing.length > 0) {
    throw new AppError('NOT_FOUND', `所选企业中有${missing.length}家已不存在（可能已被删除），请刷新后重新选择`);
  }
  const { action, values } = describeBulk(db, patch);
  return write(db, writer, `${action}（${unique.length}家）`, (tx) => {
    let changed = 0;
    for (const id of unique) if (tx.update(enterprisesTable, id, values) > 0) changed++;
    return changed;
  });
}

function describeBulk(db: Db, patch: BulkPatch): { action: string; values: Partial<Enterprise> } {
  if ('areaId' in patch) {
    const name = nameOf(db, 'areas', patch.areaId);
    if (name === null) throw new AppError('VALIDATION', '所选区域已不存在，请重新选择', 'patch.areaId');
    return { action: `批量修改所在区域为“${name}”`, values: patch };
  }
  if ('workGroupId' in patch) {
    if (patch.workGroupId === null) return { action: '批量设为未分组', values: patch };
    const name = nameOf(db, 'work_groups', patch.workGroupId);
    if (name === null) throw new AppError('VALIDATION', '所选推进组已不存在，请重新选择', 'patch.workGroupId');
    return { action: `批量修改推进组为“${name}”`, values: patch };
  }
  if ('instructorId' in patch) {
    if (patch.instructorId === null) return { action: '批量清除党建工作指导员', values: patch };
    const name = nameOf(db, 'instructors', patch.instructorId);
    if (name === null) throw new AppError('VALIDATION', '所选指导员已不存在，请重新选择', 'patch.instructorId');
    return { action: `批量修改${ENTERPRISE_FIELD_LABELS.instructorId}为“${name}”`, values: patch };
  }
  return { action: `批量修改经营状况为“${OPERATING_STATUSES[patch.operatingStatus]}”`, values: patch };
}
