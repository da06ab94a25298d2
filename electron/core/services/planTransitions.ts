import { localDate } from '../../../shared/domain/enterpriseRules';
import { hasOrg } from '../db/repos/formation';
import {
  PLAN_ACTIONS,
  PLAN_STATUSES,
  transition,
  type Plan,
  type PlanAction,
  type PlanDetail,
} from '../../../shared/domain/plans';
import { write, type Writer } from '../db/changeLog';
import type { Db } from '../db/open';
import { enterpriseRow } from '../db/repos/enterprises';
import { planDetail } from '../db/repos/plans';
import { plansTable } from '../db/tables';
import { AppError } from '../errors';
import { linkEnterpriseToOrg } from './enterprises';
import { assertNoOtherOpenPlan, planTitle, requirePlan } from './plans';

export interface TransitionRequest {
  id: number;
  action: PlanAction;
  /** 审批日期 (approve) or 完成日期 (complete); today when absent. */
  on?: string | undefined;
  /** 搁置原因. */
  reason?: string | undefined;
  /** The enterprise's organisation once the plan's formation is done. */
  partyOrgId?: number | undefined;
}

const refuse = (field: string, message: string) => new AppError('VALIDATION', message, field);

/** 审批日期 and 完成日期: a day that has come, not before the plan started. */
function dateOf(plan: Plan, on: string | undefined, today: string, what: string): string {
  const date = on ?? today;
  if (date > today) throw refuse('on', `${what}（${date}）不能晚于今天`);
  if (date < plan.startOn) throw refuse('on', `${what}（${date}）不能早于方案的开始日期（${plan.startOn}）`);
  return date;
}

/**
 * What the move writes besides the status. `before` is written ahead of the status and `after` behind it, so
 * every intermediate row — and every row undo passes through, which replays the fields in reverse — satisfies the
 * table's checks (an approved plan always has its 审批日期, a shelved one its reason).
 */
type MoveFields = Partial<Pick<Plan, 'approvedOn' | 'doneOn' | 'shelvedReason'>>;

interface Move {
  before: MoveFields;
  after: MoveFields;
  /** Links the enterprise to its new organisation when the plan completes. */
  orgId: number | null;
}

function moveFor(db: Db, plan: Plan, req: TransitionRequest, today: string): Move {
  switch (req.action) {
    case 'approve':
      // The 领导小组 agrees a plan that says what will be done and how.
      if (plan.method === null) throw refuse('method', '批准前请先填写组建对策');
      if (plan.measures.length === 0) throw refuse('measures', '批准前请至少填写一条具体措施');
      return { before: { approvedOn: dateOf(plan, req.on, today, '审批日期') }, after: {}, orgId: null };
    case 'shelve':
      if (!req.reason) throw refuse('reason', '搁置方案请填写搁置原因');
      return { before: { shelvedReason: req.reason }, after: {}, orgId: null };
    case 'resume':
      // Back to 草拟: it is agreed again from the start; the old dates and reason stay in the history.
      assertNoOtherOpenPlan(db, plan, plan.id, 'action');
      return { before: {}, after: { shelvedReason: '', approvedOn: null, doneOn: null }, orgId: null };
    case 'complete': {
      const doneOn = dateOf(plan, req.on, today, '完成日期');
      if (plan.approvedOn !== null && doneOn < plan.approvedOn) {
        throw refuse('on', `完成日期（${doneOn}）不能早于审批日期（${plan.approvedOn}）`);
      }
      const enterprise = enterpriseRow(db, plan.enterpriseId);
      if (!enterprise) throw new AppError('NOT_FOUND', '方案所属企业已不存在');
      if (req.partyOrgId === undefined && !hasOrg(enterprise.orgSetting)) {
        throw refuse('partyOrgId', `“${enterprise.name}”尚未建立党组织，完成方案前请选择其组建（或加入）的党组织`);
      }
      return { before: { doneOn }, after: {}, orgId: req.partyOrgId ?? null };
    }
    default:
      return { before: {}, after: {}, orgId: null };
  }
}

/**
 * Moves a plan on, only from where PLAN_ACTIONS allows, as one logged step named e.g. 方案“××有限公司”：批准.
 * Completing it points the enterprise at its organisation in that same step, as an edit of the enterprise would
 * (组织设置 follows), so the coverage indicators move with it and one 撤销 takes both back.
 */
export function transitionPlan(db: Db, writer: Writer, req: TransitionRequest): PlanDetail {
  const plan = requirePlan(db, req.id);
  const to = transition(plan.status, req.action);
  const label = PLAN_ACTIONS[req.action].label;
  if (to === null) {
    throw new AppError('CONFLICT', `方案当前为“${PLAN_STATUSES[plan.status]}”，不能“${label}”`, 'action');
  }
  const move = moveFor(db, plan, req, localDate(writer.now()));
  write(db, writer, `${planTitle(db, plan)}：${label}`, (tx) => {
    tx.update(plansTable, plan.id, move.before);
    tx.update(plansTable, plan.id, { status: to });
    tx.update(plansTable, plan.id, move.after);
    if (move.orgId !== null) linkEnterpriseToOrg(tx, plan.enterpriseId, move.orgId, 'partyOrgId');
  });
  return planDetail(db, plan.id)!;
}
