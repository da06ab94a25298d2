import { z } from '../zod';
import { requiredText } from '../domain/fieldSchemas';
import type { FormationSuggestion } from '../domain/formationSuggestion';
import {
  FLAG_FACTS,
  NUMBER_FACTS,
  RECENT_LOG_MAX_MONTHS,
  SET_FACTS,
  type BreakdownDimension,
  type Clause,
  type Indicator,
  type IndicatorCount,
  type StatsReport,
  type StatsSettings,
} from '../domain/indicators';
import { FORMATION_METHODS, type EnterpriseKind, type FormationMethod, type OrgSetting } from '../domain/labels';
import type { SizeBand } from '../domain/sizeBand';
import { channel } from './channel';
import { byId, listSearch, optionalText, paging, recordId, requiredDate, type Page } from './fields';

const idsOfMap = (m: object) => Object.keys(m) as [string, ...string[]];

const setClause = (fact: keyof typeof SET_FACTS) =>
  z
    .object({
      fact: z.literal(fact),
      in: z
        .array(z.enum(idsOfMap(SET_FACTS[fact].options), `${SET_FACTS[fact].label}的取值无效`))
        .min(1, `请至少选择一项${SET_FACTS[fact].label}`)
        .max(50),
    })
    .strict();

const bound = (label: string) =>
  z.number(`${label}应填数字`).min(0, `${label}不能为负数`).max(1_000_000_000, `${label}过大`).nullable();

const rangeClause = (fact: keyof typeof NUMBER_FACTS) =>
  z
    .object({ fact: z.literal(fact), min: bound(NUMBER_FACTS[fact].label), max: bound(NUMBER_FACTS[fact].label) })
    .strict()
    .refine((c) => c.min !== null || c.max !== null, `${NUMBER_FACTS[fact].label}请至少填写下限或上限`)
    .refine((c) => c.min === null || c.max === null || c.min <= c.max, `${NUMBER_FACTS[fact].label}的下限不能大于上限`);

const flagClause = (fact: keyof typeof FLAG_FACTS) => z.object({ fact: z.literal(fact), is: z.boolean() }).strict();

const recentLogClause = z
  .object({
    fact: z.literal('recentWorkLog'),
    months: z
      .number('月数应填数字')
      .int('月数应为整数')
      .min(1, '月数至少为1')
      .max(RECENT_LOG_MAX_MONTHS, `月数不能超过${RECENT_LOG_MAX_MONTHS}`),
    is: z.boolean(),
  })
  .strict();

// Told apart by `fact`, so a problem inside a clause keeps its own message ("月数应为整数").
export const clauseSchema: z.ZodType<Clause> = z.discriminatedUnion('fact', [
  ...(Object.keys(SET_FACTS) as (keyof typeof SET_FACTS)[]).map(setClause),
  ...(Object.keys(NUMBER_FACTS) as (keyof typeof NUMBER_FACTS)[]).map(rangeClause),
  ...(Object.keys(FLAG_FACTS) as (keyof typeof FLAG_FACTS)[]).map(flagClause),
  recentLogClause,
] as unknown as [ReturnType<typeof flagClause>, ReturnType<typeof flagClause>]);

/** At most one clause per fact: two clauses on one fact are either redundant or contradictory. */
const conditionOf = (label: string) =>
  z
    .array(clauseSchema, `${label}无效`)
    .max(20, `${label}最多20项`)
    .refine((cs) => new Set(cs.map((c) => c.fact)).size === cs.length, `${label}中同一项条件只能出现一次`);

export const indicatorInput = z
  .object({
    name: requiredText('指标名称', 60),
    denominator: conditionOf('分母条件'),
    numerator: conditionOf('分子条件').refine((cs) => cs.length > 0, '请至少设置一项分子条件'),
    /** A rate between 0 and 1. */
    target: z.number('目标值应填数字').min(0, '目标值不能小于0%').max(1, '目标值不能超过100%').nullable(),
    note: optionalText('说明', 200),
    enabled: z.boolean().default(true),
  })
  .strict();
export type IndicatorInput = z.input<typeof indicatorInput>;

export const statsSettingsInput = z
  .object({
    partyWork: z
      .object({
        months: z
          .number('工作记录月数应填数字')
          .int('工作记录月数应为整数')
          .min(1, '工作记录月数至少为1')
          .max(RECENT_LOG_MAX_MONTHS, `工作记录月数不能超过${RECENT_LOG_MAX_MONTHS}`),
        needsInstructor: z.boolean(),
      })
      .strict(),
    reportingOn: requiredDate('统计截止日期').nullable(),
  })
  .strict();

/** Which enterprises behind a number: the part, narrowed to one row of a breakdown if given. */
export const indicatorSelection = z
  .object({
    key: z.string().min(1).max(40),
    part: z.enum(['denominator', 'numerator', 'gap']),
    breakdown: z
      .object({ dimension: z.enum(['area', 'workGroup', 'sizeBand']), key: z.string().max(20) })
      .strict()
      .optional(),
    /** Counted among one 专项行动's enterprises, as the dashboard scoped to it counts. */
    campaignId: recordId.optional(),
  })
  .strict();
export type IndicatorSelection = z.infer<typeof indicatorSelection>;

/** An enterprise as a snapshot froze it. */
export interface SnapshotEnterpriseRow {
  id: number;
  name: string;
  uscc: string | null;
  areaName: string;
  workGroupName: string | null;
  kind: EnterpriseKind;
  sizeBand: SizeBand;
  employees: number | null;
  revenue: number | null;
  members: number;
  orgSetting: OrgSetting;
  partyOrgName: string | null;
  instructorName: string | null;
  lastLogOn: string | null;
}

export interface SnapshotItem {
  id: number;
  takenOn: string;
  label: string;
  createdAt: string;
  enterprises: number;
  indicators: number;
}

export interface EnterpriseRef {
  id: number;
  name: string;
  areaName: string;
}

export interface IndicatorChange {
  key: string;
  name: string;
  /** null when the indicator did not exist (or was disabled) on that side. */
  from: IndicatorCount | null;
  to: IndicatorCount | null;
  enteredGap: EnterpriseRef[];
  leftGap: EnterpriseRef[];
}

export interface SnapshotComparison {
  from: SnapshotItem;
  /** null: compared with the ledger as it is now. */
  to: SnapshotItem | null;
  newOrgs: EnterpriseRef[];
  lostOrgs: EnterpriseRef[];
  added: EnterpriseRef[];
  removed: EnterpriseRef[];
  indicators: IndicatorChange[];
}

export interface TrendPoint extends IndicatorCount {
  snapshotId: number | null;
  takenOn: string;
}

export interface IndicatorTrend {
  key: string;
  name: string;
  target: number | null;
  /** Oldest first; the last point is the live ledger. */
  points: TrendPoint[];
}

/** An enterprise without its own organisation, with the method the rule suggests and the clerk's choice. */
export interface FormationRow {
  id: number;
  name: string;
  areaName: string;
  fullMembers: number;
  probationaryMembers: number;
  employees: number | null;
  orgSetting: OrgSetting;
  suggestion: FormationSuggestion;
  formationDirection: FormationMethod | null;
  differs: boolean;
}

export const formationListRequest = z
  .object({
    /** members-no-org: 有党员未建党组织企业名册; differs: the clerk's 组建方向 is not what the rule suggests. */
    list: z.enum(['members-no-org', 'differs']),
    search: listSearch,
    areaIds: z.array(recordId).max(200).optional(),
    method: z.enum(Object.keys(FORMATION_METHODS) as [FormationMethod, ...FormationMethod[]]).optional(),
    ...paging,
  })
  .strict();

export type BreakdownKey = { dimension: BreakdownDimension; key: string };

const LABELS: Readonly<Record<string, string>> = {
  id: '编号',
  name: '指标名称',
  denominator: '分母条件',
  numerator: '分子条件',
  target: '目标值',
  note: '说明',
  enabled: '启用',
  input: '指标',
  settings: '统计设置',
  partyWork: '工作覆盖认定',
  months: '月数',
  needsInstructor: '需有指导员',
  reportingOn: '统计截止日期',
  snapshotId: '统计快照',
  takenOn: '快照日期',
  label: '快照名称',
  fromId: '对比的快照',
  toId: '对比的快照',
  key: '指标',
  part: '企业范围',
  selection: '指标企业',
  list: '名册',
  search: '搜索内容',
  areaIds: '所在区域',
  method: '组建方式',
  campaignId: '专项行动',
  offset: '起始行',
  limit: '每页行数',
  direction: '移动方向',
  breakdown: '分列',
  dimension: '分列方式',
};

export const statsChannels = {
  /** Every indicator, enabled or not, in display order. */
  'indicators:list': channel<Indicator[]>()(z.object({}).strict(), LABELS),
  'indicators:save': channel<Indicator>()(
    z.object({ id: recordId.optional(), input: indicatorInput }).strict(),
    LABELS,
  ),
  /** Only the clerk's own; a default can be disabled but not deleted. */
  'indicators:delete': channel<null>()(byId, LABELS),
  /** Puts a default indicator's definition and target back as domain.md §4 has them. */
  'indicators:restoreDefault': channel<Indicator>()(byId, LABELS),
  'indicators:move': channel<Indicator[]>()(
    z.object({ id: recordId, direction: z.enum(['up', 'down']) }).strict(),
    LABELS,
  ),
  'stats:settings': channel<StatsSettings>()(z.object({}).strict(), LABELS),
  'stats:saveSettings': channel<StatsSettings>()(z.object({ settings: statsSettingsInput }).strict(), LABELS),
  /** Every enabled indicator with its breakdowns, live or as a snapshot froze it. */
  /** `campaignId`: only the enterprises with a plan in that 专项行动, against its own targets where it sets them. */
  'stats:report': channel<StatsReport>()(
    z
      .object({ snapshotId: recordId.optional(), campaignId: recordId.optional() })
      .strict()
      .refine((r) => r.snapshotId === undefined || r.campaignId === undefined, {
        message: '统计快照是全镇的数字，不能按专项行动查看',
        path: ['campaignId'],
      }),
    LABELS,
  ),
  /** The enterprises behind a snapshot's number, as they were then (live numbers open the ledger list). */
  'stats:snapshotEnterprises': channel<Page<SnapshotEnterpriseRow>>()(
    z.object({ snapshotId: recordId, selection: indicatorSelection, ...paging }).strict(),
    LABELS,
  ),
  'snapshots:list': channel<SnapshotItem[]>()(z.object({}).strict(), LABELS),
  'snapshots:take': channel<SnapshotItem>()(
    z.object({ takenOn: requiredDate('快照日期'), label: optionalText('快照名称', 40) }).strict(),
    LABELS,
  ),
  'snapshots:delete': channel<null>()(byId, LABELS),
  /** `toId` absent: the snapshot against the ledger as it is now. */
  'snapshots:compare': channel<SnapshotComparison>()(
    z.object({ fromId: recordId, toId: recordId.optional() }).strict(),
    LABELS,
  ),
  /** Each enabled indicator over the snapshots, oldest first, ending with the live ledger. */
  'snapshots:trend': channel<IndicatorTrend[]>()(z.object({}).strict(), LABELS),
  'formation:list': channel<Page<FormationRow>>()(formationListRequest, LABELS),
};
