import { z } from '../zod';
import {
  GRADES,
  HARD_INDICATORS,
  STANDARDS,
  type Assessment,
  type AssessmentRow,
  type HardChecks,
} from '../domain/assessments';
import { requiredText } from '../domain/fieldSchemas';
import type { FormationSuggestion } from '../domain/formationSuggestion';
import { FORMATION_METHODS, type FormationMethod } from '../domain/labels';
import { PLAN_ACTIONS, PLAN_STATUSES, type Campaign, type PlanDetail, type PlanRow } from '../domain/plans';
import type { HistoryEntry } from './enterprises';
import { channel } from './channel';
import {
  byId,
  listSearch,
  optionalChoiceOf,
  optionalRef,
  optionalText,
  paging,
  recordId,
  requiredDate,
  requiredRef,
  type Page,
} from './fields';

const idsOfMap = <K extends string>(m: Readonly<Record<K, unknown>>) => Object.keys(m) as [K, ...K[]];

const year = z
  .number('年度应填数字')
  .int('年度应为整数')
  .min(2000, '年度应在2000年以后')
  .max(2100, '年度不能晚于2100年');

const optionalDate = (label: string) =>
  requiredDate(label)
    .nullish()
    .transform((v) => v ?? null);

export const milestoneInput = z
  .object({
    id: recordId.optional(),
    name: requiredText('节点名称', 60),
    dueOn: requiredDate('节点期限'),
    doneOn: optionalDate('节点完成日期'),
  })
  .strict();

/** A plan as the form sends it; its status moves only through plans:transition. */
export const planInput = z
  .object({
    enterpriseId: requiredRef('企业'),
    campaignId: optionalRef('专项行动'),
    year,
    situation: optionalText('现状', 1000),
    problems: optionalText('存在问题', 1000),
    method: optionalChoiceOf('组建对策', FORMATION_METHODS),
    measures: z.array(requiredText('具体措施', 200), '具体措施无效').max(30, '具体措施最多30条').default([]),
    workGroupId: optionalRef('责任推进组'),
    responsible: optionalText('责任人', 30),
    startOn: requiredDate('开始日期'),
    note: optionalText('备注', 500),
    milestones: z.array(milestoneInput, '节点无效').max(30, '节点最多30个').default([]),
  })
  .strict();
export type PlanInput = z.input<typeof planInput>;

export const planQuery = z
  .object({
    search: listSearch,
    campaignId: recordId.optional(),
    year: year.optional(),
    statuses: z
      .array(z.enum(idsOfMap(PLAN_STATUSES)))
      .max(6)
      .optional(),
    /** 0 means 未分组. */
    workGroupIds: z.array(z.number().int().min(0)).max(200).optional(),
    areaIds: z.array(recordId).max(200).optional(),
    overdueOnly: z.boolean().optional(),
    ...paging,
  })
  .strict();

/** What 新建方案 starts from: the ledger's facts and the rule's suggestion for the enterprise. */
export interface PlanPrefill {
  situation: string;
  suggestion: FormationSuggestion | null;
  method: FormationMethod | null;
  workGroupId: number | null;
  milestones: { name: string; dueOn: string }[];
}

export interface BatchResult {
  created: number;
  /** Enterprises left out, each with why (already has an open plan in this campaign/year). */
  skipped: { enterpriseId: number; name: string; reason: string }[];
}

export const campaignInput = z
  .object({
    name: requiredText('专项行动名称', 60),
    startOn: requiredDate('开始日期'),
    endOn: requiredDate('结束日期'),
    note: optionalText('说明', 500),
    /** Indicator key → the campaign's target rate; leave an indicator out to keep its own target. */
    targets: z
      .record(
        z.string().min(1).max(40),
        z.number('目标值应填数字').min(0, '目标值不能小于0%').max(1, '目标值不能超过100%'),
        '专项行动目标无效',
      )
      .default({}),
    phases: z
      .array(
        z
          .object({
            id: recordId.optional(),
            name: requiredText('阶段名称', 30),
            startOn: requiredDate('阶段开始日期'),
            endOn: requiredDate('阶段结束日期'),
          })
          .strict(),
        '阶段无效',
      )
      .max(20, '阶段最多20个')
      .default([]),
  })
  .strict();
export type CampaignInput = z.input<typeof campaignInput>;

const score = (s: keyof typeof STANDARDS) =>
  z
    .number(`${STANDARDS[s].label}的得分应填数字`)
    .min(0, `${STANDARDS[s].label}的得分不能为负数`)
    .max(STANDARDS[s].max, `${STANDARDS[s].label}的得分不能超过${STANDARDS[s].max}分`)
    .refine((v) => Math.round(v * 10) === v * 10, `${STANDARDS[s].label}的得分最多保留一位小数`)
    .default(0);

export const assessmentInput = z
  .object({
    enterpriseId: requiredRef('企业'),
    year,
    scores: z
      .object(
        Object.fromEntries(idsOfMap(STANDARDS).map((s) => [s, score(s)])) as {
          [K in keyof typeof STANDARDS]: ReturnType<typeof score>;
        },
      )
      .strict(),
    hard: z
      .object(
        Object.fromEntries(idsOfMap(HARD_INDICATORS).map((h) => [h, z.boolean().default(false)])) as {
          [K in keyof typeof HARD_INDICATORS]: z.ZodDefault<z.ZodBoolean>;
        },
      )
      .strict(),
    assessedOn: optionalDate('评价日期'),
    note: optionalText('备注', 500),
  })
  .strict();
export type AssessmentInput = z.input<typeof assessmentInput>;

const LABELS: Readonly<Record<string, string>> = {
  id: '编号',
  input: '方案',
  enterpriseId: '企业',
  enterpriseIds: '所选企业',
  campaignId: '专项行动',
  year: '年度',
  situation: '现状',
  problems: '存在问题',
  method: '组建对策',
  measures: '具体措施',
  workGroupId: '责任推进组',
  workGroupIds: '推进组',
  responsible: '责任人',
  startOn: '开始日期',
  endOn: '结束日期',
  note: '备注',
  milestones: '节点',
  name: '名称',
  dueOn: '节点期限',
  doneOn: '完成日期',
  action: '操作',
  on: '日期',
  reason: '搁置原因',
  partyOrgId: '所在党组织',
  phases: '阶段',
  plans: '方案',
  statuses: '状态',
  areaIds: '所在区域',
  overdueOnly: '只看逾期',
  search: '搜索内容',
  offset: '起始行',
  limit: '每页行数',
  scores: '得分',
  hard: '硬性指标',
  assessedOn: '评价日期',
  grades: '等次',
  targets: '专项行动目标',
};

export const planChannels = {
  /** The progress board: every plan matching the filters, with its next milestone and whether it is overdue. */
  'plans:list': channel<Page<PlanRow>>()(planQuery, LABELS),
  'plans:get': channel<PlanDetail>()(byId, LABELS),
  /** 现状 and the suggested 组建对策 for a new plan of this enterprise, with default milestones from `startOn`. */
  'plans:prefill': channel<PlanPrefill>()(
    z.object({ enterpriseId: requiredRef('企业'), startOn: requiredDate('开始日期') }).strict(),
    LABELS,
  ),
  'plans:save': channel<PlanDetail>()(z.object({ id: recordId.optional(), input: planInput }).strict(), LABELS),
  /** Only a 草拟 or 搁置 plan may be deleted; the others are shelved with a reason. */
  'plans:delete': channel<null>()(byId, LABELS),
  /**
   * Moves a plan on. `on` is the 审批日期 (approve) or 完成日期 (complete), today if absent; `reason` is required
   * to shelve; `partyOrgId` links the enterprise to its new organisation when the plan completes.
   */
  'plans:transition': channel<PlanDetail>()(
    z
      .object({
        id: recordId,
        action: z.enum(idsOfMap(PLAN_ACTIONS), '请选择操作'),
        on: requiredDate('日期').optional(),
        reason: optionalText('搁置原因', 200),
        partyOrgId: recordId.optional(),
      })
      .strict(),
    LABELS,
  ),
  /** A pre-filled 草拟 plan for each enterprise named, or for every 有党员未建党组织 enterprise when none are. */
  'plans:batchCreate': channel<BatchResult>()(
    z
      .object({
        campaignId: optionalRef('专项行动'),
        year,
        startOn: requiredDate('开始日期'),
        enterpriseIds: z.array(recordId).max(5000).optional(),
      })
      .strict(),
    LABELS,
  ),
  /** The plan's own changes and its milestones', newest first. */
  'plans:history': channel<HistoryEntry[]>()(byId, LABELS),

  'campaigns:list': channel<Campaign[]>()(z.object({}).strict(), LABELS),
  'campaigns:save': channel<Campaign>()(z.object({ id: recordId.optional(), input: campaignInput }).strict(), LABELS),
  /** Refused while plans name it, unless `plans: 'detach'` moves them out of it (they stay, as plans of their year). */
  'campaigns:delete': channel<null>()(
    z.object({ id: recordId, plans: z.enum(['detach']).optional() }).strict(),
    LABELS,
  ),

  /** One year's assessments, ranked by total. */
  'assessments:list': channel<AssessmentRow[]>()(
    z
      .object({
        year,
        search: listSearch,
        areaIds: z.array(recordId).max(200).optional(),
        grades: z
          .array(z.enum(idsOfMap(GRADES)))
          .max(3)
          .optional(),
      })
      .strict(),
    LABELS,
  ),
  'assessments:save': channel<Assessment>()(
    z.object({ id: recordId.optional(), input: assessmentInput }).strict(),
    LABELS,
  ),
  'assessments:delete': channel<null>()(byId, LABELS),
  /** The hard indicators the ledger already knows for this enterprise (organisation, venue, funding). */
  'assessments:prefill': channel<HardChecks>()(z.object({ enterpriseId: requiredRef('企业') }).strict(), LABELS),
};
