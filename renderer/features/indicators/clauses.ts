import {
  DEFAULT_PARTY_WORK_RULE,
  describeClause,
  FACT_LABELS,
  FLAG_FACTS,
  NUMBER_FACTS,
  RECENT_LOG_LABEL,
  SET_FACTS,
  type Clause,
  type Condition,
  type FactName,
} from '../../../shared/domain/indicators';
import { clauseSchema } from '../../../shared/ipc/stats';

/** The groups of the 「添加条件」 picker, in the order a clerk thinks of an enterprise. */
export const FACT_GROUPS: { label: string; facts: { fact: FactName; label: string }[] }[] = [
  {
    label: '企业属性',
    facts: (Object.keys(SET_FACTS) as (keyof typeof SET_FACTS)[]).map((f) => ({ fact: f, label: SET_FACTS[f].label })),
  },
  {
    label: '数量',
    facts: (Object.keys(NUMBER_FACTS) as (keyof typeof NUMBER_FACTS)[]).map((f) => ({
      fact: f,
      label: NUMBER_FACTS[f].label,
    })),
  },
  {
    label: '党建情况',
    facts: [
      ...(Object.keys(FLAG_FACTS) as (keyof typeof FLAG_FACTS)[]).map((f) => ({ fact: f, label: FLAG_FACTS[f] })),
      { fact: 'recentWorkLog', label: RECENT_LOG_LABEL },
    ],
  },
];

/**
 * A clause as it starts when the clerk picks its fact: values to choose for a set, bounds to type for a number, 是 for
 * a flag, and the work-log window of the ledger's 工作覆盖 rule (usually 12 months).
 */
export function startingClause(fact: FactName, recentMonths = DEFAULT_PARTY_WORK_RULE.months): Clause {
  if (fact in SET_FACTS) return { fact, in: [] } as Clause;
  if (fact in NUMBER_FACTS) return { fact, min: null, max: null } as Clause;
  if (fact === 'recentWorkLog') return { fact, months: recentMonths, is: true };
  return { fact, is: true } as Clause;
}

/** The first problem of one clause as the core would say it, or null. */
export function clauseProblem(clause: Clause): string | null {
  const result = clauseSchema.safeParse(clause);
  return result.success ? null : (result.error.issues[0]?.message ?? '条件填写有误');
}

/** describeCondition, but a clause still being filled in says so instead of reading half a sentence. */
export function previewOf(condition: Condition): string {
  if (condition.length === 0) return '全部在册企业';
  return condition
    .map((c) => (clauseProblem(c) === null ? describeClause(c) : `${FACT_LABELS[c.fact]}（待完善）`))
    .join('，');
}

/**
 * A target as the percent typed in the form (0.355 → 35.5). Targets are kept to a tenth of a percent, so rounding to
 * one decimal only removes the float noise of the multiplication.
 */
export function percentOf(target: number | null): number | null {
  return target === null ? null : Math.round(target * 1000) / 10;
}

/**
 * The percent typed in the form as the target the core keeps (35.5 → 0.355). An integer count of tenths divided by
 * 1000 is the double nearest the decimal, where 35.5 / 100 could land a hair off it.
 */
export function targetOf(percent: number | null | undefined): number | null {
  return percent === null || percent === undefined ? null : Math.round(percent * 10) / 1000;
}

/** Whether a typed percent has at most one decimal (35.5 yes, 35.55 no). */
export function hasOneDecimalAtMost(percent: number): boolean {
  return Math.abs(percent * 10 - Math.round(percent * 10)) < 1e-6;
}

/** A target for the list: 35.5%, or 不设目标. */
export function targetText(target: number | null): string {
  return target === null ? '不设目标' : `${percentOf(target)}%`;
}
