import type { FormationSuggestion } from './formationSuggestion';
import type { FormationMethod, LabelMap } from './labels';

/**
 * 一企一策方案 (domain.md §2 Plan): the township's internal plan for one enterprise, agreed by the 领导小组. Its
 * 已批准 is not the formal 批复 of a new branch, which is a 公文 recorded on the organisation's formation steps.
 */

export const PLAN_STATUSES = {
  draft: '草拟',
  submitted: '待审批',
  approved: '已批准',
  in_progress: '实施中',
  done: '已完成',
  shelved: '搁置',
} as const;
export type PlanStatus = keyof typeof PLAN_STATUSES;

/** A plan that is neither 已完成 nor 搁置: at most one per enterprise per campaign (or per year, outside one). */
export const OPEN_PLAN_STATUSES: readonly PlanStatus[] = ['draft', 'submitted', 'approved', 'in_progress'];

export function isOpen(status: PlanStatus): boolean {
  return OPEN_PLAN_STATUSES.includes(status);
}

/** What moves a plan on, the button's label, and from where to where. */
export const PLAN_ACTIONS = {
  submit: { label: '提交审批', from: ['draft'], to: 'submitted' },
  return: { label: '退回修改', from: ['submitted'], to: 'draft' },
  approve: { label: '批准', from: ['submitted'], to: 'approved' },
  start: { label: '开始实施', from: ['approved'], to: 'in_progress' },
  complete: { label: '完成', from: ['in_progress'], to: 'done' },
  shelve: { label: '搁置', from: ['draft', 'submitted', 'approved', 'in_progress'], to: 'shelved' },
  resume: { label: '恢复', from: ['shelved'], to: 'draft' },
} as const satisfies Record<string, { label: string; from: readonly PlanStatus[]; to: PlanStatus }>;
export type PlanAction = keyof typeof PLAN_ACTIONS;

export const PLAN_ACTION_LABELS: LabelMap<PlanAction> = Object.fromEntries(
  Object.entries(PLAN_ACTIONS).map(([k, v]) => [k, v.label]),
) as LabelMap<PlanAction>;

/** Where `action` takes a plan in `status`, or null when it may not be taken from there. */
export function transition(status: PlanStatus, action: PlanAction): PlanStatus | null {
  const a = PLAN_ACTIONS[action];
  return (a.from as readonly PlanStatus[]).includes(status) ? a.to : null;
}

/** The actions a plan in `status` offers, in the order of PLAN_ACTIONS. */
export function actionsFrom(status: PlanStatus): PlanAction[] {
  return (Object.keys(PLAN_ACTIONS) as PlanAction[]).filter((a) => transition(status, a) !== null);
}

/** 节点: a step of the plan with its due date; done when its 完成日期 is set. */
export interface Milestone {
  id: number;
  planId: number;
  name: string;
  dueOn: string;
  doneOn: string | null;
  sortOrder: number;
}

export interface Plan {
  id: number;
  enterpriseId: number;
  /** The 专项行动 it belongs to, or null for a plan of the year alone. */
  campaignId: number | null;
  year: number;
  status: PlanStatus;
  /** 现状, filled from the ledger when the plan is made and edited by the clerk after. */
  situation: string;
  /** 存在问题. */
  problems: string;
  /** 组建对策: the clerk's choice; the rule's suggestion is shown beside it. */
  method: FormationMethod | null;
  /** 具体措施, one per entry. */
  measures: string[];
  /** 责任推进组 and 责任人. */
  workGroupId: number | null;
  responsible: string;
  /** 开始日期: no milestone may fall due before it. */
  startOn: string;
  /** 审批日期, set by 批准. */
  approvedOn: string | null;
  doneOn: string | null;
  shelvedReason: string;
  note: string;
  createdAt: string;
  updatedAt: string;
}

export interface PlanDetail extends Plan {
  enterpriseName: string;
  areaName: string;
  campaignName: string | null;
  workGroupName: string | null;
  milestones: Milestone[];
  /** The rule's suggestion for the enterprise as it is now; null when it has its own organisation. */
  suggestion: FormationSuggestion | null;
  /** The 批复 recorded on the enterprise's organisation's formation steps, once issued. */
  reply: { orgId: number; orgName: string; doneOn: string | null; docNo: string } | null;
}

/** One row of the progress board (推进情况). */
export interface PlanRow {
  id: number;
  enterpriseId: number;
  enterpriseName: string;
  uscc: string | null;
  areaName: string;
  campaignName: string | null;
  year: number;
  status: PlanStatus;
  method: FormationMethod | null;
  workGroupName: string | null;
  responsible: string;
  nextMilestone: { name: string; due: string } | null;
  overdue: boolean;
}

/** The first milestone not yet done, by due date (then order). */
export function nextMilestone(milestones: readonly Pick<Milestone, 'name' | 'dueOn' | 'doneOn' | 'sortOrder'>[]) {
  const open = milestones
    .filter((m) => m.doneOn === null)
    .sort((a, b) => a.dueOn.localeCompare(b.dueOn) || a.sortOrder - b.sortOrder);
  return open[0] ? { name: open[0].name, due: open[0].dueOn } : null;
}

/** Overdue: the next milestone fell due before today, and the plan is still open. */
export function isOverdue(status: PlanStatus, next: { due: string } | null, today: string): boolean {
  return isOpen(status) && next !== null && next.due < today;
}

/** The facts 现状 is written from. */
export interface SituationFacts {
  sizeBandLabel: string;
  employees: number | null;
  fullMembers: number;
  probationaryMembers: number;
  orgSettingLabel: string;
  partyOrgName: string | null;
  instructorName: string | null;
  lastVisitOn: string | null;
}

/** 现状 as the ledger has it, in the words a plan sheet uses. */
export function situationText(f: SituationFacts): string {
  const employees = f.employees === null ? '从业人员不详' : `从业人员${f.employees}人`;
  const org = f.partyOrgName ? `${f.orgSettingLabel}（${f.partyOrgName}）` : f.orgSettingLabel;
  return [
    `${employees}，规模类别：${f.sizeBandLabel}`,
    `正式党员${f.fullMembers}名、预备党员${f.probationaryMembers}名`,
    `组织设置：${org}`,
    `党建工作指导员：${f.instructorName ?? '未选派'}`,
    `最近走访：${f.lastVisitOn ?? '无记录'}`,
  ].join('；');
}

/** The milestones a new formation plan starts with (source 002: 请示 → 批复 → 选举 → 挂牌), editable. */
export const DEFAULT_MILESTONES: readonly { name: string; daysAfterStart: number }[] = [
  { name: '企业提出组建请示', daysAfterStart: 15 },
  { name: '镇党委批复同意组建', daysAfterStart: 30 },
  { name: '召开党员大会选举', daysAfterStart: 45 },
  { name: '党组织挂牌、制度上墙', daysAfterStart: 60 },
];

/** 专项行动 and its phases. */
export interface CampaignPhase {
  id: number;
  campaignId: number;
  name: string;
  startOn: string;
  endOn: string;
  sortOrder: number;
}

export interface Campaign {
  id: number;
  name: string;
  startOn: string;
  endOn: string;
  note: string;
  /** The campaign's own target per indicator key (a rate 0–1); an indicator not named keeps its own target. */
  targets: Record<string, number>;
  phases: CampaignPhase[];
  /** Plans in it, and of them open ones. */
  plans: number;
  openPlans: number;
}

/** The six phases of source 002's 集中攻坚月, as offered when a campaign is made. */
export const CAMPAIGN_PHASE_TEMPLATE: readonly string[] = [
  '调查摸底',
  '制定方案',
  '组建',
  '工作覆盖',
  '选配指导员',
  '总结完善',
];
