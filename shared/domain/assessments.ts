import type { LabelMap } from './labels';

/**
 * 双强评价 (domain.md §2 Assessment, source 000): per enterprise per year, a score on each of the seven
 * standards, the hard indicators, the total and the grade. Source 000 names the standards but not their weights;
 * the weights and thresholds here are the product's (each standard 0–15, 党组织自身建设好 0–10: 100 in all).
 */
export const STANDARDS = {
  production: { label: '生产经营好', max: 15 },
  growth: { label: '发展势头好', max: 15 },
  ecology: { label: '生态建设好', max: 15 },
  labour: { label: '劳动关系好', max: 15 },
  culture: { label: '文化建设好', max: 15 },
  responsibility: { label: '承担社会责任好', max: 15 },
  partyBuilding: { label: '党组织自身建设好', max: 10 },
} as const;
export type Standard = keyof typeof STANDARDS;
export const STANDARD_IDS = Object.keys(STANDARDS) as Standard[];
export const MAX_TOTAL = STANDARD_IDS.reduce((sum, s) => sum + STANDARDS[s].max, 0);

/** 硬性指标 (source 000): a 示范 enterprise must meet every one, whatever its score. */
export const HARD_INDICATORS = {
  hasOrg: '已建立党组织',
  hasVenue: '建有党员活动场所',
  fundingInBudget: '党建工作经费列入预算',
  noViolation: '无重大安全、环保、劳资违法事件',
} as const;
export type HardIndicator = keyof typeof HARD_INDICATORS;

export const GRADES = { model: '示范', qualified: '达标', cultivate: '培育' } as const;
export type Grade = keyof typeof GRADES;

/** 示范 from this total with every hard indicator met; 达标 from the next. */
export const MODEL_THRESHOLD = 90;
export const QUALIFIED_THRESHOLD = 70;

export type Scores = Record<Standard, number>;
export type HardChecks = Record<HardIndicator, boolean>;

export function totalOf(scores: Scores): number {
  // Scores may have one decimal; summed in tenths so 0.1 + 0.2 is 0.3.
  return STANDARD_IDS.reduce((sum, s) => sum + Math.round(scores[s] * 10), 0) / 10;
}

export function gradeOf(total: number, hard: HardChecks): Grade {
  const allHard = (Object.keys(HARD_INDICATORS) as HardIndicator[]).every((h) => hard[h]);
  if (total >= MODEL_THRESHOLD && allHard) return 'model';
  if (total >= QUALIFIED_THRESHOLD) return 'qualified';
  return 'cultivate';
}

export interface Assessment {
  id: number;
  enterpriseId: number;
  year: number;
  scores: Scores;
  hard: HardChecks;
  total: number;
  grade: Grade;
  assessedOn: string | null;
  note: string;
}

export interface AssessmentRow extends Assessment {
  enterpriseName: string;
  areaName: string;
  keyCultivation: boolean;
  /** 1 for the highest total of the year; equal totals share a rank. */
  rank: number;
  /** 示范 grade: a candidate for 双强示范企业. */
  modelCandidate: boolean;
}

export const GRADE_LABELS: LabelMap<Grade> = GRADES;
