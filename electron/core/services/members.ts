import { localDate } from '../../../shared/domain/enterpriseRules';
import { checkMemberFields } from '../../../shared/domain/memberRules';
import type { Saved } from '../../../shared/ipc/fields';
import type { MemberValues } from '../../../shared/ipc/members';
import { write, type Tx, type Writer } from '../db/changeLog';
import type { Db } from '../db/open';
import { enterpriseRow } from '../db/repos/enterprises';
import { memberByIdNumber, memberRow, rosterCounts } from '../db/repos/members';
import { enterprisesTable, membersTable } from '../db/tables';
import { AppError } from '../errors';
import { keepStoredPersonal } from './personal';

const fieldError = (field: string, message: string) => new AppError('VALIDATION', message, field);

/**
 * Puts a kept roster's counts on its enterprise inside the caller's step (logged as ordinary enterprise
 * updates, so undo takes them back with the member change). Does nothing for an enterprise that keeps no
 * roster: its counts are typed. Returns whether the enterprise keeps one.
 */
export function recountRoster(tx: Tx, enterpriseId: number): boolean {
  const e = enterpriseRow(tx.db, enterpriseId);
  if (!e?.rosterKept) return false;
  tx.update(enterprisesTable, enterpriseId, rosterCounts(tx.db, enterpriseId));
  return true;
}

function requireEnterprise(db: Db, id: number, field: string) {
  const e = enterpriseRow(db, id);
  if (!e) throw fieldError(field, '所选企业已不存在（可能已被删除），请重新选择');
  return e;
}

function requireMember(db: Db, id: number) {
  const m = memberRow(db, id);
  if (!m) throw new AppError('NOT_FOUND', `找不到编号为 ${id} 的党员，可能已被删除`);
  return m;
}

/** What the schema cannot know: today, the other rosters, and whether the 身份证号 agrees with the form. */
function checkMember(db: Db, writer: Writer, id: number | null, input: MemberValues): Saved['warnings'] {
  const { errors, warnings } = checkMemberFields(input, localDate(writer.now()));
  const first = errors[0];
  if (first) throw fieldError(`input.${first.field}`, first.message);
  if (input.idNumber) {
    const holder = memberByIdNumber(db, input.idNumber, id);
    if (holder) {
      throw fieldError(
        'input.idNumber',
        `身份证号已登记在“${holder.enterpriseName}”的名册中（${holder.name}），同一人不能登记两次；如已调动，请用组织关系转接`,
      );
    }
  }
  return warnings.map((w) => ({ field: `input.${w.field}`, message: w.message }));
}

/**
 * Adds or changes a member as one step, with the roster's counts following on the enterprise. The first
 * member added starts the enterprise's roster. Moving a member to another enterprise is a transfer.
 */
export function saveMember(db: Db, writer: Writer, req: { id?: number | undefined; input: MemberValues }): Saved {
  const id = req.id ?? null;
  const input = keepStoredPersonal(db, 'member', id, req.input);
  const before = id === null ? null : requireMember(db, id);
  if (before && before.enterpriseId !== input.enterpriseId) {
    throw fieldError('input.enterpriseId', '党员调到其他企业请使用“组织关系转接”，以便在修改记录中留下转接');
  }
  const enterprise = requireEnterprise(db, input.enterpriseId, 'input.enterpriseId');
  const warnings = checkMember(db, writer, id, input);
  if (!enterprise.rosterKept) {
    warnings.push({
      field: 'input.enterpriseId',
      message: `已为“${enterprise.name}”建立党员名册，该企业的党员人数今后由名册统计`,
    });
  }
  const action = before
    ? `修改党员“${before.name}”（${enterprise.name}）`
    : `新增党员“${input.name}”（${enterprise.name}）`;
  const savedId = write(db, writer, action, (tx) => {
    const memberId = id === null ? tx.insert(membersTable, { ...input, createdAt: tx.at, updatedAt: tx.at }) : id;
    if (id !== null) tx.update(membersTable, id, input);
    tx.update(enterprisesTable, input.enterpriseId, { rosterKept: true });
    recountRoster(tx, input.enterpriseId);
    return memberId;
  });
  return { id: savedId, warnings };
}

export function deleteMember(db: Db, writer: Writer, id: number): void {
  const member = requireMember(db, id);
  const enterprise = enterpriseRow(db, member.enterpriseId)!;
  write(db, writer, `删除党员“${member.name}”（${enterprise.name}）`, (tx) => {
    tx.remove(membersTable, id);
    recountRoster(tx, member.enterpriseId);
  });
}

/** 组织关系转接: one step moving the member and recounting both rosters, named so the change log reads it. */
export function transferMember(
  db: Db,
  writer: Writer,
  req: { id: number; toEnterpriseId: number; on: string | null },
): void {
  const member = requireMember(db, req.id);
  const from = enterpriseRow(db, member.enterpriseId)!;
  const to = requireEnterprise(db, req.toEnterpriseId, 'toEnterpriseId');
  if (to.id === from.id)
    throw fieldError('toEnterpriseId', `“${member.name}”已在“${to.name}”的名册中，请选择其他转入企业`);
  if (!to.rosterKept) {
    throw fieldError(
      'toEnterpriseId',
      `“${to.name}”没有建立党员名册，不能转入。请先在该企业的党员名册中开始记录名册，再办理转接`,
    );
  }
  const today = localDate(writer.now());
  if (req.on && req.on > today) throw fieldError('on', `转接日期不能晚于今天（${today}）`);
  const when = req.on ? `，${req.on}` : '';
  write(db, writer, `组织关系转接：${member.name}（${from.name} → ${to.name}${when}）`, (tx) => {
    tx.update(membersTable, member.id, { enterpriseId: to.id });
    recountRoster(tx, from.id);
    recountRoster(tx, to.id);
  });
}

/**
 * Starts keeping a roster (the counts come from it at once) or stops (the last counts stay as typed values;
 * the members stay listed, and the counts follow them again when the roster is restarted).
 */
export function setRoster(db: Db, writer: Writer, enterpriseId: number, kept: boolean): void {
  const e = requireEnterprise(db, enterpriseId, 'enterpriseId');
  if (e.rosterKept === kept) return;
  write(db, writer, kept ? `开始记录党员名册（${e.name}）` : `停止记录党员名册（${e.name}）`, (tx) => {
    tx.update(enterprisesTable, enterpriseId, { rosterKept: kept });
    recountRoster(tx, enterpriseId);
  });
}
