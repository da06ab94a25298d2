import type { z } from 'zod';
import { localDate } from '../../../shared/domain/enterpriseRules';
import { isOpen, PLAN_STATUSES, type Milestone, type Plan, type PlanDetail } from '../../../shared/domain/plans';
import type { planInput } from '../../../shared/ipc/plans';
import { write, type Tx, type Writer } from '../db/changeLog';
import type { Db } from '../db/open';
import { campaignName } from '../db/repos/campaigns';
import { nameOf } from '../db/repos/lookups';
import { milestonesOf, openPlanOf, planDetail, planRecord } from '../db/repos/plans';
import { milestonesTable, plansTable } from '../db/tables';
import { AppError } from '../errors';

export type PlanValues = z.output<typeof planInput>;

const fieldError = (field: string, message: string) => new AppError('VALIDATION', message, `input.${field}`);

export function requirePlan(db: Db, id: number): Plan {
  const plan = planRecord(db, id);
  if (!plan) throw new AppError('NOT_FOUND', `找不到编号为 ${id} 的方案，可能已被删除`);
  return plan;
}

/** A plan is called by its enterprise: 方案“××有限公司”. */
export function planTitle(db: Db, plan: Pick<Plan, 'enterpriseId'>): string {
  return `方案“${nameOf(db, 'enterprises', plan.enterpriseId) ?? `（已删除的企业）`}”`;
}

/**
 * The refusal for a second open plan, naming the enterprise and the plan it already has: the partial unique
 * indexes would refuse it too, but with a message no clerk can read.
 */
export function assertNoOtherOpenPlan(
  db: Db,
  p: { enterpriseId: number; campaignId: number | null; year: number },
  exceptId: number | null,
  field: string,
): void {
  const other = openPlanOf(db, p.enterpriseId, p.campaignId, p.year, exceptId);
  if (!other) return;
  const enterprise = nameOf(db, 'enterprises', p.enterpriseId);
  const scope =
    p.campaignId === null ? `${p.year}年度（不属于专项行动）` : `专项行动“${campaignName(db, p.campaignId)}”中`;
  throw new AppError(
    'VALIDATION',
    `“${enterprise}”在${scope}已有未完成的方案（编号${other.id}，${PLAN_STATUSES[other.status]}），` +
      '同一企业只能有一个未完成的方案；请在原方案上修改，或先将其完成或搁置',
    field,
  );
}

/** 具体措施 as entries: each trimmed, blank ones dropped (an empty line of the form is not a measure). */
export const cleanMeasures = (measures: readonly string[]) => measures.map((m) => m.trim()).filter((m) => m !== '');

/** Everything the schema cannot check: the other records, today's date, the plan's state. */
function validate(db: Db, today: string, values: PlanValues, current: Plan | null, measures: string[]): void {
  if (nameOf(db, 'enterprises', values.enterpriseId) === null) {
    throw fieldError('enterpriseId', '所选企业已不存在，请重新选择');
  }
  if (current && current.enterpriseId !== values.enterpriseId) {
    throw fieldError('enterpriseId', '方案的企业不能更改；为其他企业制定方案请新建');
  }
  if (values.campaignId !== null && campaignName(db, values.campaignId) === null) {
    throw fieldError('campaignId', '所选专项行动已不存在，请重新选择');
  }
  if (values.workGroupId !== null && nameOf(db, 'work_groups', values.workGroupId) === null) {
    throw fieldError('workGroupId', '所选推进组已不存在，请重新选择');
  }
  const own = new Set(current ? milestonesOf(db, current.id).map((m) => m.id) : []);
  values.milestones.forEach((m, i) => {
    if (m.id !== undefined && !own.has(m.id)) {
      throw fieldError(`milestones.${i}.id`, `节点“${m.name}”已不在本方案中（可能已被删除），请刷新后重试`);
    }
    if (m.dueOn < values.startOn) {
      throw fieldError(
        `milestones.${i}.dueOn`,
        `节点“${m.name}”的期限（${m.dueOn}）不能早于方案的开始日期（${values.startOn}）`,
      );
    }
    if (m.doneOn !== null && m.doneOn > today) {
      throw fieldError(`milestones.${i}.doneOn`, `节点“${m.name}”的完成日期（${m.doneOn}）不能晚于今天`);
    }
  });
  const status = current?.status ?? 'draft';
  if (status === 'approved' || status === 'in_progress') {
    // What approval required stays true while the plan is carried out.
    if (values.method === null) throw fieldError('method', '方案已批准，组建对策不能清空');
    if (measures.length === 0) throw fieldError('measures', '方案已批准，至少保留一条具体措施');
    if (current!.approvedOn !== null && values.startOn > current!.approvedOn) {
      throw fieldError('startOn', `开始日期不能晚于方案的审批日期（${current!.approvedOn}）`);
    }
  }
  if (isOpen(status)) assertNoOtherOpenPlan(db, values, current?.id ?? null, 'input.enterpriseId');
}

type StoredFields = Omit<Plan, 'id' | 'status' | 'approvedOn' | 'doneOn' | 'shelvedReason' | 'createdAt' | 'updatedAt'>;

function storedFields(values: PlanValues, measures: string[]): Omit<StoredFields, 'measures'> & { measures: string } {
  const { milestones: _m, ...rest } = values;
  return { ...rest, measures: JSON.stringify(measures) };
}

/**
 * A 已完成 plan is the record of what was done: only its 备注 may still change (a later remark), everything
 * else is refused, naming the first field that differs.
 */
function assertOnlyNoteChanged(db: Db, current: Plan, values: PlanValues, measures: string[]): void {
  const stored = { ...current, measures: JSON.stringify(current.measures) } as Record<string, unknown>;
  const next = storedFields(values, measures) as Record<string, unknown>;
  const differing = Object.keys(next).find((k) => k !== 'note' && next[k] !== stored[k]);
  const milestones = milestonesOf(db, current.id);
  const sameMilestones =
    milestones.length === values.milestones.length &&
    values.milestones.every((m, i) => {
      const was = milestones[i]!;
      return m.id === was.id && m.name === was.name && m.dueOn === was.dueOn && m.doneOn === was.doneOn;
    });
  if (differing !== undefined || !sameMilestones) {
    throw fieldError(differing ?? 'milestones', '方案已完成，只能修改备注；如需重新推进，请新建方案');
  }
}

/** Milestones as the form lists them: kept ones updated, new ones added, missing ones deleted, order as given. */
function saveMilestones(tx: Tx, planId: number, was: Milestone[], given: PlanValues['milestones']): void {
  const kept = new Set(given.flatMap((m) => (m.id === undefined ? [] : [m.id])));
  for (const m of was) if (!kept.has(m.id)) tx.remove(milestonesTable, m.id);
  given.forEach((m, sortOrder) => {
    const row = { name: m.name, dueOn: m.dueOn, doneOn: m.doneOn, sortOrder };
    if (m.id === undefined) tx.insert(milestonesTable, { planId, ...row });
    else tx.update(milestonesTable, m.id, row);
  });
}

/**
 * Creates (as 草拟) or edits a plan with its milestones in one step. The status never moves here — only through
 * plans:transition, which checks where it may go and logs the move as its own step.
 */
export function savePlan(db: Db, writer: Writer, id: number | undefined, values: PlanValues): PlanDetail {
  const today = localDate(writer.now());
  const current = id === undefined ? null : requirePlan(db, id);
  const measures = cleanMeasures(values.measures);
  validate(db, today, values, current, measures);
  if (current?.status === 'done') assertOnlyNoteChanged(db, current, values, measures);
  const fields = storedFields(values, measures);
  const title = `方案“${nameOf(db, 'enterprises', values.enterpriseId)}”`;
  const planId = write(db, writer, current ? `修改${title}` : `新建${title}`, (tx) => {
    if (!current) {
      const newId = tx.insert(plansTable, {
        ...fields,
        status: 'draft',
        approvedOn: null,
        doneOn: null,
        shelvedReason: '',
        createdAt: tx.at,
        updatedAt: tx.at,
      });
      saveMilestones(tx, newId, [], values.milestones);
      return newId;
    }
    if (current.status === 'done') {
      tx.update(plansTable, current.id, { note: fields.note });
      return current.id;
    }
    tx.update(plansTable, current.id, fields);
    saveMilestones(tx, current.id, milestonesOf(db, current.id), values.milestones);
    return current.id;
  });
  return planDetail(db, planId)!;
}

/** Only a 草拟 or 搁置 plan goes, with its milestones; one that was agreed or carried out is shelved instead. */
export function deletePlan(db: Db, writer: Writer, id: number): void {
  const plan = requirePlan(db, id);
  if (plan.status !== 'draft' && plan.status !== 'shelved') {
    throw new AppError(
      'CONFLICT',
      `${planTitle(db, plan)}当前为“${PLAN_STATUSES[plan.status]}”，只能删除草拟或搁置的方案；不再推进的方案请搁置并写明原因`,
    );
  }
  const milestones = milestonesOf(db, id);
  write(db, writer, `删除${planTitle(db, plan)}`, (tx) => {
    for (const m of milestones) tx.remove(milestonesTable, m.id);
    tx.remove(plansTable, id);
  });
}
