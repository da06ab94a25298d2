import { FORMATION_METHODS, ORG_SETTINGS, type AreaType, type FormationMethod } from '../../../shared/domain/labels';
import { addDays } from '../../../shared/domain/partyRules';
import {
  CAMPAIGN_PHASE_TEMPLATE,
  DEFAULT_MILESTONES,
  situationText,
  type PlanStatus,
} from '../../../shared/domain/plans';
import { SIZE_BANDS, sizeBand } from '../../../shared/domain/sizeBand';
import { onMembersRoster, sampleSuggestion } from './formationLinks';
import type { Random } from './random';
import type { SampleCampaign, SampleLedger, SamplePlan } from './types';

interface Context {
  rnd: Random;
  today: string;
}

export const SAMPLE_CAMPAIGN_NAME = '非公企业党建集中攻坚月';

/**
 * The 集中攻坚月 of source 002 as the sample's one campaign, stretched around the sample's day so that it holds a
 * branch formed these last months: 调查摸底 and 制定方案 are past, 组建 is under way, the rest to come.
 * Offsets are days from the campaign's start, which lies 110 days before the sample's day.
 */
const PHASE_DAYS: readonly [number, number][] = [
  [0, 14], // 调查摸底
  [15, 24], // 制定方案
  [25, 114], // 组建
  [100, 129], // 工作覆盖
  [90, 119], // 选配指导员
  [130, 150], // 总结完善
];

export function sampleCampaign(today: string): SampleCampaign {
  const start = addDays(today, -110);
  return {
    name: SAMPLE_CAMPAIGN_NAME,
    startOn: start,
    endOn: addDays(start, 150),
    note: '到专项行动结束，有党员的非公有制企业组织覆盖率达到100%；从业80人以上的企业组织覆盖率达到100%。',
    phases: CAMPAIGN_PHASE_TEMPLATE.map((name, i) => ({
      name,
      startOn: addDays(start, PHASE_DAYS[i]![0]),
      endOn: addDays(start, PHASE_DAYS[i]![1]),
    })),
  };
}

/**
 * Where each of the 名册's plans stands, in the order the enterprises are met. The first few cover every open
 * state (so even a small sample has them); overdue ones have a milestone due before the sample's day not done.
 * Eight at most: the rest of the 名册 is left for 批量生成方案.
 */
const STAGES: readonly { status: PlanStatus; overdue: boolean }[] = [
  { status: 'in_progress', overdue: true },
  { status: 'approved', overdue: false },
  { status: 'submitted', overdue: false },
  { status: 'draft', overdue: false },
  { status: 'shelved', overdue: false },
  { status: 'in_progress', overdue: false },
  { status: 'approved', overdue: true },
  { status: 'in_progress', overdue: true },
];

const MEASURES: Record<FormationMethod, readonly string[]> = {
  standalone: ['推进组上门宣讲组建政策，指导企业提出组建请示', '确定党支部书记人选，做好选举准备'],
  'instructor-assisted': ['选派党建工作指导员驻企帮建', '培养入党积极分子，壮大党员队伍', '帮助企业落实活动场所'],
  'park-joint': ['纳入园区联合党支部统一组建', '落实园区党群服务中心活动场所'],
  'industry-joint': ['由行业协会牵头统建党组织', '推进组协调协会与企业做好党员组织关系转接'],
  'leader-led': ['由龙头企业党组织领建，结对共建', '龙头企业党组织书记兼任联络员'],
  'area-joint': ['按区域合建联合党支部', '落实轮值活动和党员教育管理'],
  'village-joint': ['与所在村党组织联建', '村党组织选派委员联系企业党员'],
};

const PROBLEMS = ['党员人数少，企业主对组建积极性不高', '党员多在外跑业务，集中活动难', '企业规模小，缺少活动场所'];

const SHELVED_REASON = '企业经营困难，主要负责人长期在外，经领导小组研究暂缓组建';

type Sample = Pick<
  SampleLedger,
  'enterprises' | 'areas' | 'workGroups' | 'instructors' | 'workLogs' | 'partyOrgs' | 'formationSteps'
>;

/**
 * The campaign's plans: up to eight for enterprises of the 有党员未建党组织企业名册, in every open state and one
 * shelved, some overdue; and one 已完成 for the branch formed these last months (its enterprise has the organisation
 * now, and the plan's milestones were done on its formation steps' days).
 */
export function makePlans(ctx: Context, sample: Sample): SamplePlan[] {
  const { today } = ctx;
  const campaignStart = addDays(today, -110);
  const roster = sample.enterprises.flatMap((e, i) => (onMembersRoster(e) ? [i] : []));
  const plans = roster.slice(0, STAGES.length).map((i, n) => openPlan(ctx, sample, i, STAGES[n]!, campaignStart));
  const done = donePlan(sample, today, campaignStart);
  return done ? [...plans, done] : plans;
}

function situationOf(sample: Sample, i: number, orgSetting = sample.enterprises[i]!.orgSetting): string {
  const e = sample.enterprises[i]!;
  const visits = sample.workLogs.filter((w) => w.enterpriseIndex === i && w.kind === 'visit').map((w) => w.heldOn);
  return situationText({
    sizeBandLabel: SIZE_BANDS[sizeBand(e.employees, e.revenue)],
    employees: e.employees,
    fullMembers: e.fullMembers,
    probationaryMembers: e.probationaryMembers,
    orgSettingLabel: ORG_SETTINGS[orgSetting],
    partyOrgName: null,
    instructorName: e.instructorIndex === null ? null : sample.instructors[e.instructorIndex]!.name,
    lastVisitOn: visits.length > 0 ? visits.reduce((a, b) => (a > b ? a : b)) : null,
  });
}

function openPlan(
  ctx: Context,
  sample: Sample,
  i: number,
  stage: (typeof STAGES)[number],
  campaignStart: string,
): SamplePlan {
  const { rnd, today } = ctx;
  const e = sample.enterprises[i]!;
  const areas = sample.areas as { name: string; type: AreaType }[];
  const method = e.formationDirection ?? sampleSuggestion(sample.enterprises, areas, i).method;
  // An overdue plan was drawn up in the 制定方案 phase and its first milestone is long past; work under way on time
  // has done its first milestone and the next falls due after the sample's day; the rest began days ago.
  const underWay = stage.status === 'in_progress' && !stage.overdue;
  const startOn = stage.overdue
    ? addDays(campaignStart, rnd.int(15, 24))
    : addDays(today, underWay ? -rnd.int(20, 25) : -rnd.int(5, 12));
  const agreed = stage.status === 'approved' || stage.status === 'in_progress';
  const approvedOn = agreed ? addDays(startOn, rnd.int(2, 4)) : null;
  const milestones = DEFAULT_MILESTONES.map((m, n) => {
    const dueOn = addDays(startOn, m.daysAfterStart);
    return { name: m.name, dueOn, doneOn: underWay && n === 0 ? addDays(dueOn, -2) : null };
  });
  const group = e.workGroupIndex === null ? null : sample.workGroups[e.workGroupIndex]!;
  return {
    enterpriseIndex: i,
    campaignIndex: 0,
    year: Number(startOn.slice(0, 4)),
    status: stage.status,
    situation: situationOf(sample, i),
    problems: e.noOrgReason ? `${e.noOrgReason}；${rnd.pick(PROBLEMS)}` : rnd.pick(PROBLEMS),
    method: stage.status === 'draft' && rnd.chance(0.5) ? null : method,
    measures: stage.status === 'draft' ? [] : [...MEASURES[method]],
    workGroupIndex: e.workGroupIndex,
    responsible: group?.leaderName ?? '',
    startOn,
    approvedOn,
    doneOn: null,
    shelvedReason: stage.status === 'shelved' ? SHELVED_REASON : '',
    note: '',
    milestones,
  };
}

/** The plan behind the branch formed these last months, done on the day it was given its plaque. */
function donePlan(sample: Sample, today: string, campaignStart: string): SamplePlan | null {
  const steps = sample.formationSteps;
  const orgIndex = steps[0]?.orgIndex;
  const i = sample.enterprises.findIndex((e) => e.partyOrgIndex === orgIndex);
  if (orgIndex === undefined || i < 0) return null;
  const e = sample.enterprises[i]!;
  const on = (step: string) => steps.find((s) => s.step === step)?.doneOn ?? today;
  const startOn = addDays(campaignStart, 5);
  // The four milestones were met on the days the formation steps record.
  const doneDays = [on('request'), on('approval'), on('election'), on('plaque')];
  const method: FormationMethod = sample.partyOrgs[orgIndex]!.formationMethod ?? 'instructor-assisted';
  const group = e.workGroupIndex === null ? null : sample.workGroups[e.workGroupIndex]!;
  return {
    enterpriseIndex: i,
    campaignIndex: 0,
    year: Number(startOn.slice(0, 4)),
    status: 'done',
    // As it stood when the plan was made: members, and no organisation yet.
    situation: situationOf(sample, i, 'none'),
    problems: '党员已达3名，尚未单独建立党支部',
    method,
    measures: [...MEASURES[method]],
    workGroupIndex: e.workGroupIndex,
    responsible: group?.leaderName ?? '',
    startOn,
    approvedOn: addDays(startOn, 3),
    doneOn: on('plaque'),
    shelvedReason: '',
    note: `已按${FORMATION_METHODS[method]}方式建立党支部`,
    milestones: DEFAULT_MILESTONES.map((m, n) => ({
      name: m.name,
      dueOn: addDays(startOn, m.daysAfterStart),
      doneOn: doneDays[n]!,
    })),
  };
}
