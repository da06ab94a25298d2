import type { Condition } from '../../../shared/domain/indicators';
import type { Db } from '../db/open';
import { prepared } from '../db/statements';
import { and, compileCondition, type CompileContext, type Sql } from '../stats/compile';
import { fromClause, liveSource } from '../stats/source';

/**
 * What countIndicators does not give: sums (正式党员, 在岗职工) and distinct counts (联合党支部数, 指导员人数) over
 * the enterprises a condition picks. The condition is compiled by the statistics compiler over the same live fact
 * source and scope (not 注销/迁出), so a sum here is over exactly the enterprises an indicator with that condition
 * counts.
 */
export type Measure =
  | { count: true }
  /** A column of `e` summed (blank counts as nothing). */
  | { sum: SumColumn }
  /** Distinct non-blank values of a column of `e`. */
  | { distinct: DistinctColumn };

/** The columns that may be summed or counted distinct: code constants, spliced into SQL. */
const SUM_COLUMNS = {
  employees: 'e.employees',
  members: '(e.full_members + e.probationary_members)',
  fullMembers: 'e.full_members',
  probationaryMembers: 'e.probationary_members',
} as const;
export type SumColumn = keyof typeof SUM_COLUMNS;

const DISTINCT_COLUMNS = { partyOrg: 'e.party_org_id', instructor: 'e.instructor_id' } as const;
export type DistinctColumn = keyof typeof DISTINCT_COLUMNS;

export interface Figure {
  condition: Condition;
  /** A fact the indicator clauses do not offer (经济控制类型, 党组织类型, 兼任书记), as SQL over `e` with bound values. */
  extra?: Sql;
  measure: Measure;
}

function expression(f: Figure, ctx: CompileContext): Sql {
  const when = and(compileCondition(liveSource, f.condition, ctx), f.extra ?? { sql: '1', params: [] });
  const m = f.measure;
  if ('count' in m) return { sql: `count(CASE WHEN ${when.sql} THEN 1 END)`, params: when.params };
  if ('sum' in m) {
    return { sql: `coalesce(sum(CASE WHEN ${when.sql} THEN ${SUM_COLUMNS[m.sum]} END), 0)`, params: when.params };
  }
  return { sql: `count(DISTINCT CASE WHEN ${when.sql} THEN ${DISTINCT_COLUMNS[m.distinct]} END)`, params: when.params };
}

/**
 * Every figure over the whole township (key '') or per area (key: the area id), from one pass over the live
 * enterprises. Areas without an enterprise are absent: the caller lists them as zeros.
 */
export function aggregate(
  db: Db,
  figures: readonly Figure[],
  ctx: CompileContext,
  by: 'township' | 'area',
): Map<string, number[]> {
  const parts = figures.map((f) => expression(f, ctx));
  const from = fromClause(liveSource);
  const key = by === 'area' ? liveSource.group.area : "''";
  const group = by === 'area' ? `GROUP BY ${liveSource.group.area}` : '';
  const sql = `SELECT ${key} AS k, ${parts.map((p, i) => `${p.sql} AS f${i}`).join(',\n  ')}
    ${from.sql} ${group}`;
  const rows = prepared(db, sql, () => sql).all(...parts.flatMap((p) => p.params), ...from.params) as Record<
    string,
    number | string
  >[];
  const out = new Map<string, number[]>();
  for (const r of rows)
    out.set(
      String(r.k),
      figures.map((_, i) => Number(r[`f${i}`] ?? 0)),
    );
  if (by === 'township' && !out.has(''))
    out.set(
      '',
      figures.map(() => 0),
    );
  return out;
}
