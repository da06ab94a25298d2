import type { Enterprise } from '../../../shared/domain/enterprise';
import { ENTERPRISE_FIELD_LABELS, type EnterpriseValues } from '../../../shared/domain/enterpriseInput';
import { checkEnterprise, localDate } from '../../../shared/domain/enterpriseRules';
import { ENTERPRISE_KINDS, OPERATING_STATUSES, PARTY_ORG_TYPES } from '../../../shared/domain/labels';
import { coversManyEnterprises, orgSettingOf } from '../../../shared/domain/partyRules';
import type { BulkPatch, SaveResult } from '../../../shared/ipc/enterprises';
import { write, type Tx, type Writer } from '../db/changeLog';
import type { Db } from '../db/open';
import { assignmentIdsOf, countWorkLogsOf, enterpriseRow, existingIds, findByUscc } from '../db/repos/enterprises';
import { enterprisesLinkedTo, linkTarget } from '../db/repos/formation';
import { nameOf } from '../db/repos/lookups';
import { countMembersOf, rosterCounts } from '../db/repos/members';
import { orgCoverage, partyOrgRow } from '../db/repos/partyOrgs';
import { assignmentsTable, enterprisesTable } from '../db/tables';
import { AppError } from '../errors';
import { setCurrentInstructor } from './currentInstructor';
import { keepStoredPersonal } from './personal';

/** Field errors point at the request's `input.<field>`, which is where the form shows them. */
const fieldError = (field: string, message: string) => new AppError('VALIDATION', message, `input.${field}`);

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
  if (values.leaderId !== null && nameOf(db, 'leaders', values.leaderId) === null) {
    throw fieldError('leaderId', '所选联系领导已不存在，请重新选择');
  }
  if (values.partyOrgId !== null) checkOrgTakes(db, values.partyOrgId, id);
  checkFormationLinks(db, values, id);
  return warnings;
}

const ASSOCIATION = ENTERPRISE_FIELD_LABELS.associationId;
const LEAD = ENTERPRISE_FIELD_LABELS.leadEnterpriseId;

/**
 * 所属商会/行业协会 is another enterprise record of kind 社会团体, 龙头企业 another of kind 企业: the formation rule
 * reads them as such (行业统建, 龙头领建). An enterprise others point at keeps the kind that makes those links true.
 */
export function checkFormationLinks(db: Db, values: EnterpriseValues, id: number | null): void {
  if (values.associationId !== null) {
    const target = linkTarget(db, values.associationId);
    if (!target) throw fieldError('associationId', `所选${ASSOCIATION}已不存在，请重新选择`);
    if (values.associationId === id) throw fieldError('associationId', `${ASSOCIATION}不能是本单位自己`);
    if (target.kind !== 'social-group') {
      throw fieldError(
        'associationId',
        `${ASSOCIATION}须为单位类型是“社会团体”的商会或行业协会，“${target.name}”是${ENTERPRISE_KINDS[target.kind]}`,
      );
    }
  }
  if (values.leadEnterpriseId !== null) {
    const target = linkTarget(db, values.leadEnterpriseId);
    if (!target) throw fieldError('leadEnterpriseId', `所选${LEAD}已不存在，请重新选择`);
    if (values.leadEnterpriseId === id) throw fieldError('leadEnterpriseId', `${LEAD}不能是本企业自己`);
    if (target.kind !== 'enterprise') {
      throw fieldError(
        'leadEnterpriseId',
        `${LEAD}须为单位类型是“企业”的单位，“${target.name}”是${ENTERPRISE_KINDS[target.kind]}`,
      );
    }
  }
  if (id === null) return;
  const linked = enterprisesLinkedTo(db, id);
  const refuse = (others: { name: string }[], role: string, kind: string) => {
    const names = others
      .slice(0, 3)
      .map((o) => `“${o.name}”`)
      .join('、');
    const more = others.length > 3 ? `等${others.length}家企业` : '';
    throw fieldError(
      'kind',
      `${names}${more}以本单位为${role}，单位类型须为“${kind}”；如需改为其他类型，请先在这些企业中改选或清除${role}`,
    );
  };
  if (values.kind !== 'social-group' && linked.association.length > 0)
    refuse(linked.association, ASSOCIATION, '社会团体');
  if (values.kind !== 'enterprise' && linked.lead.length > 0) refuse(linked.lead, LEAD, '企业');
}

/** A 单独建立 organisation covers one enterprise: a second one is pointed at a 联合 organisation instead. */
function checkOrgTakes(db: Db, orgId: number, enterpriseId: number | null, field = 'input.partyOrgId'): void {
  const org = partyOrgRow(db, orgId);
  if (!org) throw new AppError('VALIDATION', '所选党组织已不存在，请重新选择', field);
  if (coversManyEnterprises(org.host, org.type)) return;
  const other = orgCoverage(db, orgId).find((e) => e.id !== enterpriseId);
  if (other) {
    throw new AppError(
      'VALIDATION',
      `“${org.name}”是${PARTY_ORG_TYPES[org.type]}（单独建立），已覆盖“${other.name}”，不能再覆盖其他企业；多家企业共建请选择联合党组织`,
      field,
    );
  }
}

function orgSettingFor(db: Db, orgId: number | null): Enterprise['orgSetting'] {
  return orgSettingOf(orgId === null ? null : partyOrgRow(db, orgId));
}

/**
 * Points an enterprise at an organisation inside another step's write (a plan's completion), with the same check
 * and the same 组织设置 as saving the enterprise, so the indicators move exactly as if the clerk had edited it.
 * `field` is where a refusal points in the caller's request. Returns whether anything changed.
 */
export function linkEnterpriseToOrg(tx: Tx, enterpriseId: number, orgId: number, field: string): boolean {
  checkOrgTakes(tx.db, orgId, enterpriseId, field);
  return tx.update(enterprisesTable, enterpriseId, { partyOrgId: orgId, orgSetting: orgSettingFor(tx.db, orgId) }) > 0;
}

export function createEnterprise(db: Db, writer: Writer, given: EnterpriseValues): SaveResult {
  const values = keepStoredPersonal(db, 'enterprise', null, given);
  const warnings = validate(db, writer, values, null);
  const { instructorId, ...rest } = values;
  const id = write(db, writer, `新增企业“${values.name}”`, (tx) => {
    const newId = tx.insert(enterprisesTable, {
      ...rest,
      instructorId: null,
      orgSetting: orgSettingFor(db, values.partyOrgId),
      rosterKept: false,
      createdAt: tx.at,
      updatedAt: tx.at,
    });
    // The instructor is the one of the current assignment: choosing one on the form starts it today.
    if (instructorId !== null) setCurrentInstructor(tx, newId, instructorId, localDate(writer.now()));
    return newId;
  });
  return { id, warnings };
}

export function updateEnterprise(db: Db, writer: Writer, id: number, given: EnterpriseValues): SaveResult {
  const current = enterpriseRow(db, id);
  if (!current) throw new AppError('NOT_FOUND', `找不到编号为 ${id} 的企业，可能已被删除`);
  const values = keepStoredPersonal(db, 'enterprise', id, given);
  // A kept roster's counts are the roster's: whatever the form sent for them is replaced before any check.
  const effective: EnterpriseValues = current.rosterKept ? { ...values, ...rosterCounts(db, id) } : values;
  const warnings = validate(db, writer, effective, id);
  const { instructorId, ...rest } = effective;
  write(db, writer, `修改企业“${values.name}”`, (tx) => {
    tx.update(enterprisesTable, id, { ...rest, orgSetting: orgSettingFor(db, effective.partyOrgId) });
    if (instructorId !== current.instructorId) {
      setCurrentInstructor(tx, id, instructorId, localDate(writer.now()));
    }
  });
  return { id, warnings };
}

/**
 * Refused while a roster or work logs hang off the enterprise: those are records of people and visits the
 * ledger keeps, and a closed enterprise is 注销 or 迁出, not deleted. Its instructor assignments go with it, and
 * enterprises that named it as their 商会/行业协会 or 龙头企业 no longer do — in the same step, so 撤销 puts the
 * links back with it; the step's name says how many were cleared.
 */
export function deleteEnterprise(db: Db, writer: Writer, id: number): void {
  const name = requireEnterprise(db, id);
  const members = countMembersOf(db, id);
  const logs = countWorkLogsOf(db, id);
  if (members > 0 || logs > 0) {
    const held = [members > 0 ? `党员名册中有${members}名党员` : '', logs > 0 ? `有${logs}条工作记录` : '']
      .filter(Boolean)
      .join('，');
    throw new AppError(
      'CONFLICT',
      `“${name}”${held}，不能删除。企业已关闭或迁走的，请将经营状况改为“注销”或“迁出”；党员可先转接到其他企业`,
    );
  }
  const assignments = assignmentIdsOf(db, id);
  const linked = enterprisesLinkedTo(db, id);
  const cleared = [
    linked.association.length > 0 ? `${linked.association.length}家企业的${ASSOCIATION}` : '',
    linked.lead.length > 0 ? `${linked.lead.length}家企业的${LEAD}` : '',
  ].filter(Boolean);
  const action = `删除企业“${name}”${cleared.length > 0 ? `（同时清除${cleared.join('和')}）` : ''}`;
  write(db, writer, action, (tx) => {
    for (const e of linked.association) tx.update(enterprisesTable, e.id, { associationId: null });
    for (const e of linked.lead) tx.update(enterprisesTable, e.id, { leadEnterpriseId: null });
    for (const a of assignments) tx.remove(assignmentsTable, a);
    tx.remove(enterprisesTable, id);
  });
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
  const action = describeBulk(db, patch);
  const today = localDate(writer.now());
  return write(db, writer, `${action}（${unique.length}家）`, (tx) => {
    let changed = 0;
    for (const id of unique) {
      if ('instructorId' in patch) {
        // Assignments follow: the current one ends today and the new one starts, enterprise by enterprise.
        if (enterpriseRow(db, id)!.instructorId === patch.instructorId) continue;
        setCurrentInstructor(tx, id, patch.instructorId, today);
        changed++;
      } else if (tx.update(enterprisesTable, id, patch) > 0) changed++;
    }
    return changed;
  });
}

function describeBulk(db: Db, patch: BulkPatch): string {
  if ('areaId' in patch) {
    const name = nameOf(db, 'areas', patch.areaId);
    if (name === null) throw new AppError('VALIDATION', '所选区域已不存在，请重新选择', 'patch.areaId');
    return `批量修改所在区域为“${name}”`;
  }
  if ('workGroupId' in patch) {
    if (patch.workGroupId === null) return '批量设为未分组';
    const name = nameOf(db, 'work_groups', patch.workGroupId);
    if (name === null) throw new AppError('VALIDATION', '所选推进组已不存在，请重新选择', 'patch.workGroupId');
    return `批量修改推进组为“${name}”`;
  }
  if ('instructorId' in patch) {
    if (patch.instructorId === null) return '批量清除党建工作指导员';
    const name = nameOf(db, 'instructors', patch.instructorId);
    if (name === null) throw new AppError('VALIDATION', '所选指导员已不存在，请重新选择', 'patch.instructorId');
    return `批量修改${ENTERPRISE_FIELD_LABELS.instructorId}为“${name}”`;
  }
  if ('leaderId' in patch) {
    if (patch.leaderId === null) return '批量清除联系领导';
    const name = nameOf(db, 'leaders', patch.leaderId);
    if (name === null) throw new AppError('VALIDATION', '所选联系领导已不存在，请重新选择', 'patch.leaderId');
    return `批量修改${ENTERPRISE_FIELD_LABELS.leaderId}为“${name}”`;
  }
  if ('keyCultivation' in patch) return patch.keyCultivation ? '批量设为重点培育' : '批量取消重点培育';
  return `批量修改经营状况为“${OPERATING_STATUSES[patch.operatingStatus]}”`;
}
