import { FORMATION_METHODS, type FormationMethod } from '../../../shared/domain/labels';
import { isOpen, isOverdue, nextMilestone, PLAN_STATUSES, type PlanStatus } from '../../../shared/domain/plans';
import type { ReportColumn, ReportModel, ReportRow } from '../../../shared/excel/reportModel';
import { getCampaign } from '../db/repos/campaigns';
import { prepared } from '../db/statements';
import { AppError } from '../errors';
import { reportHead, SCOPE_SQL, scopeParams, type ReportInput } from './context';

interface PlanLine {
  id: number;
  enterprise: string;
  area: string;
  status: PlanStatus;
  method: FormationMethod | null;
  workGroup: string | null;
  responsible: string;
  startOn: string;
  approvedOn: string | null;
  doneOn: string | null;
  shelvedReason: string;
}

/**
 * 一企一策推进情况表: the plans of one 专项行动, or of the year when none is chosen, by area and enterprise; each with
 * its milestones done of all, the next one, and every milestone past its date and not done — in red, marked 逾期.
 */
export function plansReport(input: ReportInput): ReportModel {
  const { db, scope, today } = input;
  const campaign = input.campaignId === null ? null : getCampaign(db, input.campaignId);
  if (input.campaignId !== null && !campaign) {
    throw new AppError('NOT_FOUND', '该专项行动已不存在，可能已被删除，请刷新', 'campaignId');
  }
  const plans = prepared(
    db,
    'reports:plans',
    () => `SELECT p.id, e.name AS enterprise, a.name AS area, p.status, p.method, g.name AS workGroup, p.responsible,
             p.start_on AS startOn, p.approved_on AS approvedOn, p.done_on AS doneOn, p.shelved_reason AS shelvedReason
           FROM plans p JOIN enterprises e ON e.id = p.enterprise_id JOIN areas a ON a.id = e.area_id
             LEFT JOIN work_groups g ON g.id = p.work_group_id
           WHERE (CASE WHEN ? IS NULL THEN p.year = ? ELSE p.campaign_id = ? END) AND ${SCOPE_SQL}
           ORDER BY a.sort_order, a.id, e.name_initials, e.name, p.id`,
  ).all(input.campaignId, input.year, input.campaignId, ...scopeParams(scope)) as PlanLine[];
  const milestonesOf = prepared(
    db,
    'reports:planMilestones',
    () =>
      `SELECT name, due_on AS dueOn, done_on AS doneOn, sort_order AS sortOrder FROM plan_milestones
       WHERE plan_id = ? ORDER BY sort_order, id`,
  );
  let overduePlans = 0;
  const rows: ReportRow[] = plans.map((p, i) => {
    const milestones = milestonesOf.all(p.id) as {
      name: string;
      dueOn: string;
      doneOn: string | null;
      sortOrder: number;
    }[];
    const next = nextMilestone(milestones);
    const overdue = isOverdue(p.status, next, today);
    if (overdue) overduePlans++;
    const late = isOpen(p.status) ? milestones.filter((m) => m.doneOn === null && m.dueOn < today) : [];
    const status = p.status === 'shelved' && p.shelvedReason ? `搁置（${p.shelvedReason}）` : PLAN_STATUSES[p.status];
    return {
      cells: [
        i + 1,
        p.enterprise,
        p.area,
        p.method ? FORMATION_METHODS[p.method] : null,
        status,
        p.workGroup,
        p.responsible,
        p.startOn,
        p.approvedOn,
        `${milestones.filter((m) => m.doneOn !== null).length}/${milestones.length}`,
        next ? `${next.name}（${next.due}）` : null,
        late.length ? `逾期：${late.map((m) => `${m.name}（${m.dueOn}）`).join('；')}` : null,
        p.doneOn,
      ],
      alert: overdue ? [10, 11] : late.length ? [11] : undefined,
    };
  });
  const columns: ReportColumn[] = [
    { key: 'no', header: '序号', width: 2, kind: 'int' },
    { key: 'enterprise', header: '企业名称', width: 12, kind: 'text' },
    { key: 'area', header: '所在区域', width: 5, kind: 'text' },
    { key: 'method', header: '组建对策', width: 5, kind: 'text' },
    { key: 'status', header: '方案状态', width: 4, kind: 'text' },
    { key: 'group', header: '责任推进组', width: 7, kind: 'text' },
    { key: 'responsible', header: '责任人', width: 4, kind: 'text' },
    { key: 'startOn', header: '开始日期', width: 5, kind: 'date' },
    { key: 'approvedOn', header: '审批日期', width: 5, kind: 'date' },
    { key: 'progress', header: '节点完成', width: 3, kind: 'text' },
    { key: 'next', header: '下一节点（期限）', width: 11, kind: 'text' },
    { key: 'overdue', header: '逾期节点', width: 12, kind: 'text' },
    { key: 'doneOn', header: '完成日期', width: 5, kind: 'date' },
  ];
  const what = campaign ? `专项行动：${campaign.name}` : `年度：${input.year}年`;
  return {
    ...reportHead(input, 'plans'),
    sheetName: '一企一策推进情况表',
    scope: [scope.text, what].filter(Boolean).join('　'),
    header: columns.map((c) => c.key),
    columns,
    rows,
    notes: [
      `说明：共${plans.length}个方案，其中${overduePlans}个下一节点已逾期（截至${today}）；红色为逾期节点。节点完成为已完成节点数/节点总数。`,
    ],
    freezeColumns: 2,
  };
}
