import { INDUSTRY_SECTIONS, ORG_SETTINGS, OWNERSHIPS, FORMATION_METHODS } from '../../../../shared/domain/labels';
import { maskPhone } from '../../../../shared/domain/masking';
import { PLAN_STATUSES, type Milestone, type PlanDetail } from '../../../../shared/domain/plans';
import type { Db } from '../../db/open';
import { planDetail } from '../../db/repos/plans';
import { prepared } from '../../db/statements';
import { AppError } from '../../errors';
import { ledgerRecords } from '../../reports/ledger';
import type { LedgerRecord } from '../../reports/ledgerColumns';
import type { CardField, PlanMilestoneLine, PlanSheet } from './model';
import { bandOf, count, namesCut } from './text';

/**
 * The 一企一策方案 as the sheet prints it: the enterprise from the ledger as it stands, the plan as the clerk wrote
 * it. `today` (the clerk's calendar day) marks milestones past their date as 逾期; without it none is.
 */
export function planSheetOf(db: Db, planId: number, today?: string): PlanSheet {
  const plan = planDetail(db, planId);
  if (!plan) throw new AppError('NOT_FOUND', '该方案已不存在，可能已被删除，请刷新', 'planId');
  const [e] = ledgerRecords(db, [plan.enterpriseId]);
  if (!e) throw new AppError('NOT_FOUND', '方案所属企业已不存在，请刷新', 'planId');
  const campaign = plan.campaignName ?? `${plan.year}年度`;
  return {
    planId: plan.id,
    enterpriseName: e.name,
    uscc: e.uscc ?? '',
    areaName: e.areaName,
    campaign,
    basics: basicsOf(e),
    situation: situationOf(e, plan),
    problems: plan.problems,
    method: plan.method ? FORMATION_METHODS[plan.method] : '',
    suggestion: plan.suggestion ? `${FORMATION_METHODS[plan.suggestion.method]}（${plan.suggestion.reason}）` : '',
    measures: plan.measures,
    milestones: plan.milestones.map((m) => milestoneLine(m, today)),
    responsible: plan.responsible,
    workGroup: plan.workGroupName ?? '',
    workGroupMembers: plan.workGroupId === null ? '' : groupMembers(db, plan.workGroupId),
    approval: approvalOf(plan),
    note: plan.note,
  };
}

function basicsOf(e: LedgerRecord): CardField[] {
  const contact = [e.contactName, e.contactPhone ? maskPhone(e.contactPhone) : ''].filter(Boolean).join('\u3000');
  return [
    { label: '企业名称', value: e.name, wide: true },
    { label: '统一社会信用代码', value: e.uscc ?? '' },
    { label: '所在区域', value: e.areaName },
    { label: '法定代表人/负责人', value: e.ownerName },
    { label: '联系人及电话', value: contact },
    { label: '行业', value: e.industry ? INDUSTRY_SECTIONS[e.industry] : '' },
    { label: '企业性质', value: e.ownership ? OWNERSHIPS[e.ownership] : '' },
    { label: '从业人员', value: e.employees === null ? '不详' : `${e.employees}人` },
    { label: '规模类别', value: bandOf(e) },
    { label: '地址', value: e.address, wide: true },
  ];
}

function situationOf(e: LedgerRecord, plan: PlanDetail): CardField[] {
  const organisation =
    e.orgSetting === 'none' ? '未建立' : [ORG_SETTINGS[e.orgSetting], e.partyOrgName ?? ''].join('\u3000').trim();
  return [
    {
      label: '党员',
      value: `正式${e.fullMembers}名\u3000预备${e.probationaryMembers}名\u3000流动${count(e.membersFloating)}名\u3000入党积极分子${e.activists}名`,
      wide: true,
    },
    { label: '党组织', value: organisation },
    { label: '隶属关系', value: e.superiorOrgName ?? '' },
    { label: '党建工作指导员', value: e.instructorName ?? '' },
    { label: '联系领导', value: e.leaderName ?? '' },
    { label: '现状说明', value: plan.situation, wide: true },
  ];
}

function milestoneLine(m: Milestone, today: string | undefined): PlanMilestoneLine {
  const status = m.doneOn !== null ? '已完成' : today !== undefined && m.dueOn < today ? '逾期' : '未完成';
  return { name: m.name, dueOn: m.dueOn, doneOn: m.doneOn ?? '', status };
}

function approvalOf(plan: PlanDetail): CardField[] {
  const status =
    plan.status === 'shelved' && plan.shelvedReason
      ? `${PLAN_STATUSES.shelved}（${plan.shelvedReason}）`
      : PLAN_STATUSES[plan.status];
  const fields: CardField[] = [
    { label: '方案状态', value: status },
    { label: '审批日期', value: plan.approvedOn ?? '' },
  ];
  if (plan.reply) {
    const reply = [plan.reply.orgName, plan.reply.docNo, plan.reply.doneOn ?? ''].filter(Boolean).join('\u3000');
    fields.push({ label: '成立批复', value: reply, wide: true });
  }
  return fields;
}

/** 组长 and members of the 推进组, cut with 等N人 so the sheet keeps to its page. */
function groupMembers(db: Db, workGroupId: number): string {
  const row = prepared(
    db,
    'print:planGroup',
    () => `SELECT g.leader_name AS leader,
             (SELECT group_concat(m.name, '、') FROM (SELECT name FROM work_group_members WHERE work_group_id = g.id
               ORDER BY id) m) AS members
           FROM work_groups g WHERE g.id = ?`,
  ).get(workGroupId) as { leader: string; members: string | null } | undefined;
  if (!row) return '';
  const leader = row.leader ? `组长：${row.leader}` : '';
  const members = row.members ? `成员：${namesCut(row.members, 8)}` : '';
  return [leader, members].filter(Boolean).join('；');
}
