import {
  AREA_TYPES,
  ENTERPRISE_KINDS,
  INDUSTRY_SECTIONS,
  OPERATING_STATUSES,
  ORG_SETTINGS,
  type LabelMap,
} from './labels';
import { SIZE_BANDS } from './sizeBand';

/**
 * Coverage indicators as data (domain.md §4): a denominator condition and a numerator condition over the
 * facts of each active enterprise. A condition is a list of clauses that must all hold; the numerator is
 * counted among the enterprises of the denominator. Enterprises that are 注销 or 迁出 are never counted.
 */

/** Facts that take one of a set of values. */
export const SET_FACTS = {
  kind: { label: '单位类型', options: ENTERPRISE_KINDS },
  sizeBand: { label: '规模类别', options: SIZE_BANDS },
  orgSetting: { label: '组织设置', options: ORG_SETTINGS },
  areaType: { label: '所在区域类型', options: AREA_TYPES },
  industry: { label: '所属行业', options: INDUSTRY_SECTIONS },
  operatingStatus: { label: '经营状况', options: OPERATING_STATUSES },
} as const satisfies Record<string, { label: string; options: LabelMap<string> }>;
export type SetFact = keyof typeof SET_FACTS;

/** Facts that are numbers, compared with an inclusive range. */
export const NUMBER_FACTS = {
  employees: { label: '从业人员', unit: '人', note: '人数不详的企业不符合任何人数范围' },
  revenue: { label: '年营业收入', unit: '万元', note: '营业收入不详的按0计（即计入“500万元以下”），并单独提示' },
  members: { label: '党员（正式+预备）', unit: '名', note: '' },
  fullMembers: { label: '正式党员', unit: '名', note: '' },
  activists: { label: '入党积极分子', unit: '名', note: '' },
  starRating: { label: '星级', unit: '星', note: '' },
} as const satisfies Record<string, { label: string; unit: string; note: string }>;
export type NumberFact = keyof typeof NUMBER_FACTS;

/** Facts that hold or do not. */
export const FLAG_FACTS = {
  hasOrg: '已建党组织（单独建立、联合建立或挂靠）',
  partyWork: '党的工作覆盖（按“工作覆盖认定”设置）',
  hasInstructor: '已选派党建工作指导员',
  hasLeader: '有联系领导',
  aboveScale: '规模以上企业',
  keyCultivation: '重点培育',
  ownerIsMember: '出资人（负责人）是党员',
  rosterKept: '已建党员名册',
} as const;
export type FlagFact = keyof typeof FLAG_FACTS;

/** How a flag clause reads when it holds and when it does not. */
const FLAG_TEXT: Readonly<Record<FlagFact, [string, string]>> = {
  hasOrg: ['已建党组织', '未建党组织'],
  partyWork: ['实现党的工作覆盖', '未实现党的工作覆盖'],
  hasInstructor: ['有指导员', '无指导员'],
  hasLeader: ['有联系领导', '无联系领导'],
  aboveScale: ['规模以上', '非规模以上'],
  keyCultivation: ['重点培育', '非重点培育'],
  ownerIsMember: ['出资人是党员', '出资人不是党员'],
  rosterKept: ['有党员名册', '无党员名册'],
};

export const RECENT_LOG_LABEL = '近期有工作记录';
export const RECENT_LOG_MAX_MONTHS = 60;

export type SetClause = { [F in SetFact]: { fact: F; in: string[] } }[SetFact];
export interface RangeClause {
  fact: NumberFact;
  min: number | null;
  max: number | null;
}
export interface FlagClause {
  fact: FlagFact;
  is: boolean;
}
/** At least one work log in the `months` before the reporting date (or none, when `is` is false). */
export interface RecentLogClause {
  fact: 'recentWorkLog';
  months: number;
  is: boolean;
}
export type Clause = SetClause | RangeClause | FlagClause | RecentLogClause;
/** Every clause must hold; an empty condition holds for every active enterprise. */
export type Condition = Clause[];

export type FactName = SetFact | NumberFact | FlagFact | 'recentWorkLog';

export const FACT_LABELS: Readonly<Record<FactName, string>> = {
  ...(Object.fromEntries(Object.entries(SET_FACTS).map(([k, v]) => [k, v.label])) as Record<SetFact, string>),
  ...(Object.fromEntries(Object.entries(NUMBER_FACTS).map(([k, v]) => [k, v.label])) as Record<NumberFact, string>),
  hasOrg: '已建党组织',
  partyWork: '党的工作覆盖',
  hasInstructor: '有指导员',
  hasLeader: '有联系领导',
  aboveScale: '规模以上',
  keyCultivation: '重点培育',
  ownerIsMember: '出资人是党员',
  rosterKept: '有党员名册',
  recentWorkLog: RECENT_LOG_LABEL,
};

export const isSetClause = (c: Clause): c is SetClause => c.fact in SET_FACTS;
export const isRangeClause = (c: Clause): c is RangeClause => c.fact in NUMBER_FACTS;
export const isFlagClause = (c: Clause): c is FlagClause => c.fact in FLAG_FACTS;
export const isRecentLogClause = (c: Clause): c is RecentLogClause => c.fact === 'recentWorkLog';

/** What an indicator is: everything a clerk edits. */
export interface IndicatorDefinition {
  name: string;
  denominator: Condition;
  numerator: Condition;
  /** A rate between 0 and 1 the numerator must reach, or null when the indicator is only watched. */
  target: number | null;
  note: string;
}

export interface Indicator extends IndicatorDefinition {
  id: number;
  /** Stable id used by the command line and reports: the five defaults keep theirs, the clerk's are custom-N. */
  key: string;
  enabled: boolean;
  builtin: boolean;
  sortOrder: number;
}

/** Who counts as having party work (党的工作覆盖), a ledger setting (domain.md §4 indicator 5). */
export interface PartyWorkRule {
  /** A work log within this many months before the reporting date. */
  months: number;
  /** And a current 党建工作指导员. */
  needsInstructor: boolean;
}

export interface StatsSettings {
  partyWork: PartyWorkRule;
  /** 统计截止日期, YYYY-MM-DD; null means today. Work-log windows end on it and snapshots default to it. */
  reportingOn: string | null;
}

export const DEFAULT_PARTY_WORK_RULE: PartyWorkRule = { months: 12, needsInstructor: true };

const COUNTED_KINDS: SetClause = { fact: 'kind', in: ['enterprise', 'individual'] };
const HAS_ORG: FlagClause = { fact: 'hasOrg', is: true };

/** The five defaults of domain.md §4 (source 002), with their ids. */
export const DEFAULT_INDICATORS: readonly (IndicatorDefinition & { key: string })[] = [
  {
    key: 'org-coverage-members',
    name: '有党员企业的组织覆盖率',
    denominator: [COUNTED_KINDS, { fact: 'members', min: 1, max: null }],
    numerator: [HAS_ORG],
    target: 1,
    note: '有党员（正式或预备）的企业中已建党组织的比例',
  },
  {
    key: 'org-coverage-80plus',
    name: '从业80人以上企业的组织覆盖率',
    denominator: [COUNTED_KINDS, { fact: 'employees', min: 80, max: null }],
    numerator: [HAS_ORG],
    target: 1,
    note: '',
  },
  {
    key: 'org-coverage-50to79',
    name: '从业50–79人且营业收入500万元以上企业的组织覆盖率',
    denominator: [COUNTED_KINDS, { fact: 'employees', min: 50, max: 79 }, { fact: 'revenue', min: 500, max: null }],
    numerator: [HAS_ORG],
    target: 1,
    note: '营业收入不详的按500万元以下计，不计入本项，并单独提示核实',
  },
  {
    key: 'formation-rate',
    name: '总体组建率',
    denominator: [COUNTED_KINDS],
    numerator: [HAS_ORG],
    target: 0.35,
    note: '',
  },
  {
    key: 'work-coverage',
    name: '党的工作覆盖率',
    denominator: [COUNTED_KINDS, { fact: 'hasOrg', is: false }],
    numerator: [{ fact: 'partyWork', is: true }],
    target: 0.4,
    note: '未建党组织的企业中实现党的工作覆盖的比例',
  },
];

/** The counts of one indicator (or one row of its breakdown) and what they mean against the target. */
export interface IndicatorCount {
  numerator: number;
  denominator: number;
  /** numerator / denominator to four decimals; null when the denominator is 0. */
  rate: number | null;
  /** null when the denominator is 0 or there is no target. */
  met: boolean | null;
  /** How many more enterprises must reach the numerator to meet the target ("还差 7 家"); null as `met`. */
  shortfall: number | null;
}

export function countOutcome(numerator: number, denominator: number, target: number | null): IndicatorCount {
  if (denominator === 0) return { numerator, denominator, rate: null, met: null, shortfall: null };
  const rate = Math.round((numerator / denominator) * 10_000) / 10_000;
  if (target === null) return { numerator, denominator, rate, met: null, shortfall: null };
  // The smallest whole number of enterprises that reaches the target; the epsilon keeps 35% of 20 at 7.
  const needed = Math.ceil(target * denominator - 1e-9);
  return { numerator, denominator, rate, met: numerator >= needed, shortfall: Math.max(0, needed - numerator) };
}

export type BreakdownDimension = 'area' | 'workGroup' | 'sizeBand';
export const BREAKDOWN_DIMENSIONS: LabelMap<BreakdownDimension> = {
  area: '按区域',
  workGroup: '按推进组',
  sizeBand: '按规模',
};

/** One row of a breakdown; `key` is an area or work group id (0 = 未分组) or a size band. */
export interface BreakdownRow extends IndicatorCount {
  key: string;
  label: string;
}

export interface IndicatorResult extends IndicatorCount {
  key: string;
  name: string;
  target: number | null;
  note: string;
  /**
   * Enterprises the revenue clauses decided on a revenue nobody knows (counted as 0, i.e. under 500万元): the
   * clerk is asked to confirm them. 0 when the indicator has no revenue clause.
   */
  revenueUnknown: number;
  breakdowns: Record<BreakdownDimension, BreakdownRow[]>;
}

/** Live figures are of the whole township, or of one 专项行动's enterprises (those with a plan in it). */
export type StatsSource =
  | { kind: 'live'; campaign?: { id: number; name: string } }
  | { kind: 'snapshot'; id: number; takenOn: string; label: string };

export interface StatsReport {
  /** The reporting date the figures are for. */
  asOf: string;
  source: StatsSource;
  indicators: IndicatorResult[];
}

/** Which enterprises a number stands for: those counted, those in the numerator, or the gap between. */
export type IndicatorPart = 'denominator' | 'numerator' | 'gap';
export const INDICATOR_PARTS: LabelMap<IndicatorPart> = {
  denominator: '应覆盖企业',
  numerator: '已覆盖企业',
  gap: '未覆盖企业',
};

/** A clause in words, for the indicator list and the "how it is computed" line. */
export function describeClause(c: Clause): string {
  if (isSetClause(c)) {
    const options = SET_FACTS[c.fact].options as LabelMap<string>;
    return `${SET_FACTS[c.fact].label}为${c.in.map((v) => options[v] ?? v).join('、')}`;
  }
  if (isRangeClause(c)) {
    const { label, unit } = NUMBER_FACTS[c.fact];
    if (c.min !== null && c.max !== null) return `${label}${c.min}–${c.max}${unit}`;
    if (c.min !== null) return `${label}${c.min}${unit}以上`;
    if (c.max !== null) return `${label}${c.max}${unit}以下`;
    return `${label}已知`;
  }
  if (isRecentLogClause(c)) return `近${c.months}个月${c.is ? '有' : '无'}工作记录`;
  return FLAG_TEXT[c.fact][c.is ? 0 : 1];
}

export function describeCondition(condition: Condition): string {
  return condition.length === 0 ? '全部在册企业' : condition.map(describeClause).join('，');
}
