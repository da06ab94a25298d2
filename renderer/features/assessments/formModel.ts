import {
  HARD_INDICATORS,
  MODEL_THRESHOLD,
  QUALIFIED_THRESHOLD,
  STANDARD_IDS,
  gradeOf,
  totalOf,
  type Assessment,
  type Grade,
  type HardChecks,
  type HardIndicator,
  type Scores,
  type Standard,
} from '../../../shared/domain/assessments';
import { assessmentInput, type AssessmentInput } from '../../../shared/ipc/plans';

export const HARD_IDS = Object.keys(HARD_INDICATORS) as HardIndicator[];

/** How a grade is reached, in one line under the live total. */
export const GRADE_RULE = `示范：总分≥${MODEL_THRESHOLD}且硬性指标全部达到；达标：总分≥${QUALIFIED_THRESHOLD}；其余为培育`;

/**
 * The form's values, flat: one field per score and per hard indicator, so that the core's refusal of
 * `input.scores.production` lands beside the box called `production`. A score may be blank while typing (blank is 0).
 */
export type AssessmentFormValues = { [S in Standard]: number | null } & HardChecks & {
    enterpriseId?: number;
    year: number;
    assessedOn?: string | null;
    note: string;
  };
export type FieldName = keyof AssessmentFormValues;

const FIELDS: readonly string[] = ['enterpriseId', 'year', 'assessedOn', 'note', ...STANDARD_IDS, ...HARD_IDS];

/** The form's field for the core's path (`input.scores.production` → `production`), or null when it has none. */
export function fieldOf(path: string | undefined): FieldName | null {
  const name = path?.replace(/^input\.(scores\.|hard\.)?/, '');
  return name && FIELDS.includes(name) ? (name as FieldName) : null;
}

/** A new assessment: no scores yet, 无违法事件 met until the clerk says otherwise (as the core pre-fills). */
export function blankValues(year: number): AssessmentFormValues {
  const scores = Object.fromEntries(STANDARD_IDS.map((s) => [s, null])) as { [S in Standard]: null };
  return { ...scores, hasOrg: false, hasVenue: false, fundingInBudget: false, noViolation: true, year, note: '' };
}

export function valuesOf(a: Assessment): AssessmentFormValues {
  return { ...a.scores, ...a.hard, enterpriseId: a.enterpriseId, year: a.year, assessedOn: a.assessedOn, note: a.note };
}

/** What the contract receives; the core checks it again and works out the total and grade itself. */
export function inputOf(v: AssessmentFormValues): AssessmentInput {
  return {
    enterpriseId: v.enterpriseId as number,
    year: v.year,
    scores: scoresOf(v),
    hard: Object.fromEntries(HARD_IDS.map((h) => [h, !!v[h]])) as HardChecks,
    assessedOn: v.assessedOn ?? null,
    note: v.note ?? '',
  };
}

function scoresOf(v: Partial<AssessmentFormValues>): Scores {
  return Object.fromEntries(STANDARD_IDS.map((s) => [s, v[s] ?? 0])) as Scores;
}

/**
 * The total and grade as the clerk types: the same functions the core stores them with. No grade while a score is
 * one the core would refuse (over its maximum, say): a 示范 beside 101 points would mislead.
 */
export function liveResult(v: Partial<AssessmentFormValues>): { total: number; grade: Grade | null } {
  const scores = scoresOf(v);
  // A box with something not yet a number (mid-typing) counts as 0 until it is one.
  for (const s of STANDARD_IDS) if (!Number.isFinite(scores[s])) scores[s] = 0;
  const total = totalOf(scores);
  const hard = Object.fromEntries(HARD_IDS.map((h) => [h, !!v[h]])) as HardChecks;
  const valid = assessmentInput.shape.scores.safeParse(scores).success;
  return { total, grade: valid ? gradeOf(total, hard) : null };
}
