import { FORMATION_METHODS, type FormationMethod } from '../../../shared/domain/labels';
import { maskPhone } from '../../../shared/domain/masking';
import { isOverdue, nextMilestone, PLAN_STATUSES, type PlanStatus } from '../../../shared/domain/plans';
import type { ReportColumn, ReportModel, ReportRow } from '../../../shared/excel/reportModel';
import { formationCandidates, formationSuggestionOf } from '../db/repos/formation';
import { prepared } from '../db/statements';
import type { Db } from '../db/open';
import { reportHead, SCOPE_SQL, scopeParams, type ReportInput } from './context';

interface PlanFacts {
  status: PlanStatus;
  method: FormationMethod | null;
  workGroupName: string | null;
  responsible: string;
  milestones: { name: string; dueOn: string; doneOn: string | null; sortOrder: number }[];
}

/** The enterprise's plan that speaks for it now: an open one first, else the latest of any state. */
export function currentPlanOf(db: Db, enterpriseId: number): PlanFacts | null {
  const plan = prepared(
    db,
    'reports:currentPlan',
    () => `SELECT p.id, p.status, p.method, g.name AS workGroupName, p.responsible FROM plans p
           LEFT JOIN work_groups g ON g.id = p.work_group_id WHERE p.enterprise_id = ?
           ORDER BY p.status IN ('draft', 'submitted', 'approved', 'in_progress') DESC, p.year DESC, p.id DESC LIMIT 1`,
  ).get(enterpriseId) as (Omit<PlanFacts, 'milestones'> & { id: number }) | undefined;
  if (!plan) return null;
  const milestones = prepared(
    db,
    'reports:planMilestones',
    () =>
      `SELECT name, due_on AS dueOn, done_on AS doneOn, sort_order AS sortOrder FROM plan_milestones
       WHERE plan_id = ? ORDER BY sort_order, id`,
  ).all(plan.id) as PlanFacts['milestones'];
  return { ...plan, milestones };
}

/**
 * 有党员未建党组织企业名册: the same enterprises, order and rule suggestion as the 名册 screen (repos/formation.ts),
 * with each one's plan — its 组建对策, status, the next milestone (red when overdue) — and who to call.
 */
export function unorganisedReport(input: ReportInput): ReportModel {
  const { db, scope, unmask, today } = input;
  const inScope = new Set(
    prepared(db, 'reports:scopeIds', () => `SELECT e.id FROM enterprises e WHERE ${SCOPE_SQL}`)
      .pluck()
      .all(...scopeParams(scope)) as number[],
  );
  const candidates = formationCandidates(db, 'members-no-org', {}).filter((c) => inScope.has(c.id));
  const contact = prepared(
    db,
    'reports:unorganisedContact',
    () => `SELECT e.owner_name AS ownerName, e.contact_name AS contactName, e.contact_phone AS contactPhone,
             i.name AS instructorName FROM enterprises e LEFT JOIN instructors i ON i.id = e.instructor_id
           WHERE e.id = ?`,
  );
  const rows: ReportRow[] = candidates.map((c, i) => {
    const suggestion = formationSuggestionOf(c, c)!;
    const plan = currentPlanOf(db, c.id);
    const next = plan ? nextMilestone(plan.milestones) : null;
    const overdue = plan !== null && isOverdue(plan.status, next, today);
    const who = contact.get(c.id) as {
      ownerName: string;
      contactName: string;
      contactPhone: string;
      instructorName: string | null;
    };
    return {
      cells: [
        i + 1,
        c.area_name,
        c.name,
        c.employees,
        c.fullMembers,
        c.probationaryMembers,
        who.ownerName,
        who.contactName,
        unmask ? who.contactPhone : maskPhone(who.contactPhone),
        who.instructorName,
        FORMATION_METHODS[suggestion.method],
        plan?.method
          ? FORMATION_METHODS[plan.method]
          : c.formationDirection
            ? FORMATION_METHODS[c.formationDirection]
            : null,
        plan ? PLAN_STATUSES[plan.status] : '未制定方案',
        plan?.workGroupName ?? null,
        next ? `${next.name}（${next.due}）${overdue ? ' 逾期' : ''}` : null,
      ],
      alert: overdue ? [14] : undefined,
    };
  });
  const columns: ReportColumn[] = [
    { key: 'no', header: '序号', width: 2, kind: 'int' },
    { key: 'area', header: '所在区域', width: 5, kind: 'text' },
    { key: 'name', header: '企业名称', width: 12, kind: 'text' },
    { key: 'employees', header: '从业人员数', width: 3, kind: 'int' },
    { key: 'full', header: '正式党员', width: 3, kind: 'int', sum: true },
    { key: 'probationary', header: '预备党员', width: 3, kind: 'int', sum: true },
    { key: 'owner', header: '业主/法定代表人', width: 4, kind: 'text' },
    { key: 'contact', header: '联系人', width: 4, kind: 'text' },
    { key: 'phone', header: '联系电话', width: 6, kind: 'text' },
    { key: 'instructor', header: '党建工作指导员', width: 4, kind: 'text' },
    {
      key: 'suggested',
      header: '建议组建方式',
      width: 5,
      kind: 'text',
      note: '按镇党委确定的七种组建方式规则，由台账情况得出',
    },
    {
      key: 'method',
      header: '组建对策',
      width: 5,
      kind: 'text',
      note: '一企一策方案中确定的对策；未制定方案的，为台账登记的组建方向',
    },
    { key: 'status', header: '方案状态', width: 4, kind: 'text' },
    { key: 'group', header: '责任推进组', width: 7, kind: 'text' },
    { key: 'next', header: '下一节点（期限）', width: 12, kind: 'text' },
  ];
  return {
    ...reportHead(input, 'unorganised'),
    sheetName: '有党员未建党组织企业名册',
    scope: scope.text,
    header: columns.map((c) => c.key),
    columns,
    rows,
    total: { label: '合计' },
    notes: [
      '说明：名册为有党员（正式或预备）、尚未建立党组织（含联合、挂靠）的在册企业和个体工商户；红色为已逾期的节点。',
    ],
    freezeColumns: 3,
  };
}
