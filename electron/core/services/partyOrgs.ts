import { localDate } from '../../../shared/domain/enterpriseRules';
import { FORMATION_STEPS, PARTY_ORG_TYPES } from '../../../shared/domain/labels';
import type { FormationStep } from '../../../shared/domain/party';
import { coversManyEnterprises, orgSettingOf } from '../../../shared/domain/partyRules';
import type { Saved } from '../../../shared/ipc/fields';
import type { OrgDeleteChoice, PartyOrgValues } from '../../../shared/ipc/partyOrgs';
import { write, type Tx, type Writer } from '../db/changeLog';
import type { Db } from '../db/open';
import { existingIds } from '../db/repos/enterprises';
import { nameOf } from '../db/repos/lookups';
import {
  formationStepRow,
  orgCoverage,
  orgIdByName,
  partyOrgRow,
  stepsOf,
  subordinatesOf,
  superiorChain,
} from '../db/repos/partyOrgs';
import { enterprisesTable, formationStepsTable, partyOrgsTable } from '../db/tables';
import { AppError } from '../errors';
import { removeAttachmentsOf } from './attachments';
import { keepStoredPersonal } from './personal';

const fieldError = (field: string, message: string) => new AppError('VALIDATION', message, field);

function requireOrg(db: Db, id: number) {
  const org = partyOrgRow(db, id);
  if (!org) throw new AppError('NOT_FOUND', `找不到编号为 ${id} 的党组织，可能已被删除`);
  return org;
}

function checkOrg(db: Db, writer: Writer, id: number | null, input: PartyOrgValues, enterpriseIds: number[]): void {
  const today = localDate(writer.now());
  if (orgIdByName(db, input.name, id) !== null) {
    throw fieldError('input.name', `已有名为“${input.name}”的党组织，党组织名称不能重复`);
  }
  if (input.areaId !== null && nameOf(db, 'areas', input.areaId) === null) {
    throw fieldError('input.areaId', '所选村（社区、园区）已不存在，请重新选择');
  }
  if (input.foundedOn && input.foundedOn > today) {
    throw fieldError('input.foundedOn', `成立日期不能晚于今天（${today}）`);
  }
  if (input.termStartedOn && input.termStartedOn > today) {
    throw fieldError('input.termStartedOn', `本届选举日期不能晚于今天（${today}）`);
  }
  if (input.foundedOn && input.termStartedOn && input.termStartedOn < input.foundedOn) {
    throw fieldError('input.termStartedOn', `本届选举日期不能早于成立日期（${input.foundedOn}）`);
  }
  if (input.superiorOrgId !== null) {
    if (input.superiorOrgId === id) throw fieldError('input.superiorOrgId', '上级党组织不能是它自己');
    if (!partyOrgRow(db, input.superiorOrgId)) {
      throw fieldError('input.superiorOrgId', '所选上级党组织已不存在，请重新选择');
    }
    if (id !== null && superiorChain(db, input.superiorOrgId).includes(id)) {
      throw fieldError(
        'input.superiorOrgId',
        `“${nameOf(db, 'party_orgs', input.superiorOrgId)}”隶属于本党组织，不能再作为它的上级党组织`,
      );
    }
  }
  const found = existingIds(db, enterpriseIds);
  const missing = enterpriseIds.filter((e) => !found.has(e));
  if (missing.length > 0) {
    throw fieldError('enterpriseIds', `所选覆盖企业中有${missing.length}家已不存在（可能已被删除），请重新选择`);
  }
  if (!coversManyEnterprises(input.host, input.type) && enterpriseIds.length > 1) {
    throw fieldError(
      'enterpriseIds',
      `${PARTY_ORG_TYPES[input.type]}（单独建立）只能覆盖一家企业，现选了${enterpriseIds.length}家；多家企业共建请选择联合党支部、联合党总支或联合党委`,
    );
  }
}

/**
 * Saves an organisation and exactly the enterprises it covers, as one step. Every covered enterprise's 组织设置
 * follows the organisation's type and host; an enterprise taken from another organisation leaves it (a warning
 * says so), one no longer covered becomes 未建立.
 */
export function savePartyOrg(
  db: Db,
  writer: Writer,
  given: { id?: number | undefined; input: PartyOrgValues; enterpriseIds: number[] },
): Saved {
  const id = given.id ?? null;
  const req = { ...given, input: keepStoredPersonal(db, 'partyOrg', id, given.input) };
  const before = id === null ? null : requireOrg(db, id);
  const enterpriseIds = [...new Set(req.enterpriseIds)];
  checkOrg(db, writer, id, req.input, enterpriseIds);
  const warnings = movedInWarnings(db, id, enterpriseIds);
  const action = before ? `修改党组织“${before.name}”` : `新增党组织“${req.input.name}”`;
  const savedId = write(db, writer, action, (tx) => {
    const orgId = id === null ? tx.insert(partyOrgsTable, { ...req.input, createdAt: tx.at, updatedAt: tx.at }) : id;
    if (id !== null) tx.update(partyOrgsTable, id, req.input);
    const setting = orgSettingOf(req.input);
    const keep = new Set(enterpriseIds);
    for (const e of orgCoverage(db, orgId)) {
      if (!keep.has(e.id)) tx.update(enterprisesTable, e.id, { partyOrgId: null, orgSetting: 'none' });
    }
    for (const e of enterpriseIds) tx.update(enterprisesTable, e, { partyOrgId: orgId, orgSetting: setting });
    return orgId;
  });
  return { id: savedId, warnings };
}

function movedInWarnings(db: Db, id: number | null, enterpriseIds: number[]): Saved['warnings'] {
  if (enterpriseIds.length === 0) return [];
  const rows = db
    .prepare(
      `SELECT e.name, o.name AS orgName FROM enterprises e JOIN party_orgs o ON o.id = e.party_org_id
       WHERE e.id IN (SELECT value FROM json_each(?)) AND e.party_org_id IS NOT ? ORDER BY e.id`,
    )
    .all(JSON.stringify(enterpriseIds), id) as { name: string; orgName: string }[];
  return rows.map((r) => ({
    field: 'enterpriseIds',
    message: `“${r.name}”原属“${r.orgName}”，已转入本党组织`,
  }));
}

/**
 * Deletes an organisation as one step: what happens to its enterprises is the clerk's choice (never silent),
 * organisations reporting to it lose their superior, its formation steps go with their attachments.
 */
export function deletePartyOrg(db: Db, writer: Writer, id: number, choice: OrgDeleteChoice | undefined): void {
  const org = requireOrg(db, id);
  const covered = orgCoverage(db, id);
  let action = `删除党组织“${org.name}”`;
  let moveTo: { id: number; setting: ReturnType<typeof orgSettingOf> } | null = null;
  if (covered.length > 0) {
    if (!choice) {
      throw fieldError(
        'enterprises',
        `“${org.name}”还覆盖${covered.length}家企业，删除前请选择这些企业的去向：改为未建立党组织，或转入其他党组织`,
      );
    }
    if (choice.kind === 'move') {
      const target = partyOrgRow(db, choice.orgId);
      if (!target || target.id === id) {
        throw fieldError(
          'enterprises.orgId',
          target ? '转入的党组织不能是要删除的党组织本身' : '所选转入的党组织已不存在',
        );
      }
      const already = orgCoverage(db, target.id).length;
      if (!coversManyEnterprises(target.host, target.type) && already + covered.length > 1) {
        throw fieldError(
          'enterprises.orgId',
          `“${target.name}”是${PARTY_ORG_TYPES[target.type]}（单独建立），只能覆盖一家企业，不能接收这${covered.length}家企业；请选择联合党组织或属地党组织`,
        );
      }
      moveTo = { id: target.id, setting: orgSettingOf(target) };
      action += `，所属${covered.length}家企业转入“${target.name}”`;
    } else {
      action += `，所属${covered.length}家企业改为未建立党组织`;
    }
  }
  const subordinates = subordinatesOf(db, id);
  const steps = stepsOf(db, id);
  write(db, writer, action, (tx) => {
    for (const e of covered) {
      tx.update(
        enterprisesTable,
        e.id,
        moveTo ? { partyOrgId: moveTo.id, orgSetting: moveTo.setting } : { partyOrgId: null, orgSetting: 'none' },
      );
    }
    for (const s of subordinates) tx.update(partyOrgsTable, s.id, { superiorOrgId: null });
    for (const s of steps) removeStep(tx, s.id);
    tx.remove(partyOrgsTable, id);
  });
}

function removeStep(tx: Tx, stepId: number): void {
  removeAttachmentsOf(tx, { formationStepId: stepId });
  tx.remove(formationStepsTable, stepId);
}

const STEP_KINDS = Object.keys(FORMATION_STEPS) as FormationStep['step'][];

/**
 * Records one formation step (saving the same step again updates it). Steps happen in order: a step's date
 * may not be before an earlier step's, nor after a later one's.
 */
export function saveFormationStep(db: Db, writer: Writer, input: Omit<FormationStep, 'id'>): FormationStep {
  const org = requireOrg(db, input.orgId);
  const today = localDate(writer.now());
  if (input.doneOn && input.doneOn > today) throw fieldError('doneOn', `办理日期不能晚于今天（${today}）`);
  const steps = stepsOf(db, input.orgId);
  if (input.doneOn) {
    const at = STEP_KINDS.indexOf(input.step);
    for (const s of steps) {
      if (!s.doneOn || s.step === input.step) continue;
      const other = STEP_KINDS.indexOf(s.step);
      if (other < at && s.doneOn > input.doneOn) {
        throw fieldError(
          'doneOn',
          `办理日期（${input.doneOn}）不能早于前一步骤“${FORMATION_STEPS[s.step]}”的日期（${s.doneOn}）`,
        );
      }
      if (other > at && s.doneOn < input.doneOn) {
        throw fieldError(
          'doneOn',
          `办理日期（${input.doneOn}）不能晚于后一步骤“${FORMATION_STEPS[s.step]}”的日期（${s.doneOn}）`,
        );
      }
    }
  }
  const existing = steps.find((s) => s.step === input.step);
  const label = FORMATION_STEPS[input.step];
  const fields = { doneOn: input.doneOn, docNo: input.docNo, note: input.note };
  const id = existing
    ? write(db, writer, `修改组建步骤“${label}”（${org.name}）`, (tx) => {
        tx.update(formationStepsTable, existing.id, fields);
        return existing.id;
      })
    : write(db, writer, `记录组建步骤“${label}”（${org.name}）`, (tx) =>
        tx.insert(formationStepsTable, { orgId: input.orgId, step: input.step, ...fields }),
      );
  return formationStepRow(db, id)!;
}

export function deleteFormationStep(db: Db, writer: Writer, id: number): void {
  const step = formationStepRow(db, id);
  if (!step) throw new AppError('NOT_FOUND', `找不到编号为 ${id} 的组建步骤，可能已被删除`);
  const org = requireOrg(db, step.orgId);
  write(db, writer, `删除组建步骤“${FORMATION_STEPS[step.step]}”（${org.name}）`, (tx) => removeStep(tx, id));
}
