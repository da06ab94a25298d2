import { isFlagClause, isSetClause, type Clause, type Condition } from '../../../shared/domain/indicators';

/**
 * Facts the count groups enterprises by. Each has a handful of values, so a clause on one of them is decided
 * once per group here rather than once per enterprise in SQL: counting all indicators then costs little more
 * than reading the statistics index. `hasOrg` is read off 组织设置, exactly as the SQL source defines it.
 */
export const GROUP_FACTS = ['sizeBand', 'operatingStatus', 'kind', 'orgSetting'] as const;
export type GroupFact = (typeof GROUP_FACTS)[number];
/** The grouped facts of one group; only those some clause reads are selected. */
export type GroupValues = Partial<Record<GroupFact, string>>;

const grouped = new Set<string>(GROUP_FACTS);

/** The grouped facts beyond the breakdown keys, in the order of the ledger's statistics index. */
export const GROUP_KEY_ORDER = ['kind', 'orgSetting', 'operatingStatus'] as const;

/** The grouped fact a group-level clause reads (hasOrg reads 组织设置). */
export function groupFactsOf(c: Clause): GroupFact[] {
  if (!isGroupClause(c)) return [];
  return [c.fact === 'hasOrg' ? 'orgSetting' : (c.fact as GroupFact)];
}

export function isGroupClause(c: Clause): boolean {
  return (isSetClause(c) && grouped.has(c.fact)) || (isFlagClause(c) && c.fact === 'hasOrg');
}

export function splitCondition(condition: Condition): { group: Condition; row: Condition } {
  return { group: condition.filter(isGroupClause), row: condition.filter((c) => !isGroupClause(c)) };
}

export function holdsForGroup(condition: Condition, values: GroupValues): boolean {
  return condition.every((c) => {
    if (isFlagClause(c)) return (values.orgSetting !== 'none') === c.is;
    return isSetClause(c) && c.in.includes(values[c.fact as GroupFact] ?? '');
  });
}
