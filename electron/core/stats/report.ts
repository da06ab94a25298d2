import {
  countOutcome,
  type BreakdownDimension,
  type BreakdownRow,
  type IndicatorDefinition,
  type IndicatorResult,
} from '../../../shared/domain/indicators';
import { SIZE_BANDS } from '../../../shared/domain/sizeBand';
import type { Db } from '../db/open';
import { prepared } from '../db/statements';
import { and, compileCondition, hasRevenueClause, withoutRevenue, type CompileContext, type Sql } from './compile';
import { fromClause, type FactSource, type Label } from './source';

export type CountedIndicator = IndicatorDefinition & { key: string };

interface GroupRow {
  area: number;
  /** null = 未分组, reported under key '0'. */
  workGroup: number | null;
  sizeBand: string;
  [column: string]: number | string | null;
}

/**
 * Every indicator with its breakdowns by area, work group and size band, from one pass over the fact source:
 * one aggregate grouped by (area, work group, band) with two sums per indicator. Totals and breakdowns are
 * added up from the same groups, so a breakdown always sums to its total. This is the only place the counts
 * are made; the dashboard, the command line and snapshots all come here.
 */
export function countIndicators(
  db: Db,
  source: FactSource,
  indicators: readonly CountedIndicator[],
  ctx: CompileContext,
): IndicatorResult[] {
  if (indicators.length === 0) return [];
  const columns: Sql[] = [];
  indicators.forEach((ind, i) => {
    const den = compileCondition(source, ind.denominator, ctx);
    const num = compileCondition(source, ind.numerator, ctx);
    columns.push(packedCount(den, num, `c${i}`));
    if (hasRevenueClause(ind.denominator) || hasRevenueClause(ind.numerator)) {
      // Counted among those the rest of the denominator takes in, whichever way their revenue decided them.
      const rest = compileCondition(source, withoutRevenue(ind.denominator), ctx);
      const unknown = and(rest, { sql: `${source.revenueAsStored} IS NULL`, params: [] });
      columns.push({ sql: `count(CASE WHEN ${unknown.sql} THEN 1 END) AS u${i}`, params: unknown.params });
    }
  });
  const g = source.group;
  const from = fromClause(source);
  const sql = `SELECT ${g.area} AS area, ${g.workGroup} AS workGroup, ${g.sizeBand} AS sizeBand,
    ${columns.map((c) => c.sql).join(',\n    ')}
    ${from.sql} GROUP BY ${g.area}, ${g.workGroup}, ${g.sizeBand}`;
  const rows = prepared(db, sql, () => sql).all(...columns.flatMap((c) => c.params), ...from.params) as GroupRow[];
  const labels = source.labels(db);
  return indicators.map((ind, i) => resultOf(ind, i, rows, labels));
}

/**
 * Denominator and numerator of one indicator from one aggregate, so the denominator's clauses are evaluated
 * once per enterprise rather than twice: each enterprise of the denominator adds 1, and 1 + 2^24 when it is
 * also in the numerator. No ledger (nor a county of them) comes near 2^24 enterprises.
 */
const NUMERATOR_UNIT = 2 ** 24;

function packedCount(den: Sql, num: Sql, alias: string): Sql {
  return {
    sql: `sum(CASE WHEN ${den.sql} THEN CASE WHEN ${num.sql} THEN ${NUMERATOR_UNIT + 1} ELSE 1 END END) AS ${alias}`,
    params: [...den.params, ...num.params],
  };
}

function unpack(packed: number | string | null): { n: number; d: number } {
  const value = Number(packed ?? 0);
  return { n: Math.floor(value / NUMERATOR_UNIT), d: value % NUMERATOR_UNIT };
}

function resultOf(
  ind: CountedIndicator,
  i: number,
  rows: GroupRow[],
  labels: { areas: Label[]; workGroups: Label[] },
): IndicatorResult {
  const den = (r: GroupRow) => unpack(r[`c${i}`] ?? null).d;
  const num = (r: GroupRow) => unpack(r[`c${i}`] ?? null).n;
  const total = rows.reduce((acc, r) => ({ n: acc.n + num(r), d: acc.d + den(r) }), { n: 0, d: 0 });
  const breakdown = (dimension: BreakdownDimension, order: Label[]): BreakdownRow[] => {
    const byKey = new Map<string, { n: number; d: number }>();
    for (const r of rows) {
      const key = String(r[dimension] ?? 0);
      const acc = byKey.get(key) ?? { n: 0, d: 0 };
      byKey.set(key, { n: acc.n + num(r), d: acc.d + den(r) });
    }
    // Rows in the ledger's own order; a key the labels do not know (a group deleted since) still shows.
    const known = order.filter((l) => byKey.has(l.key));
    const unknown = [...byKey.keys()].filter((k) => !order.some((l) => l.key === k));
    return [...known, ...unknown.map((key) => ({ key, label: key === '0' ? '未分组' : `（编号${key}）` }))].map(
      ({ key, label }) => {
        const c = byKey.get(key)!;
        return { key, label, ...countOutcome(c.n, c.d, ind.target) };
      },
    );
  };
  const bands = Object.entries(SIZE_BANDS).map(([key, label]) => ({ key, label: key === 'unknown' ? label : key }));
  return {
    key: ind.key,
    name: ind.name,
    target: ind.target,
    note: ind.note,
    ...countOutcome(total.n, total.d, ind.target),
    revenueUnknown: rows.reduce((acc, r) => acc + Number(r[`u${i}`] ?? 0), 0),
    breakdowns: {
      area: breakdown('area', labels.areas),
      workGroup: breakdown('workGroup', [...labels.workGroups, { key: '0', label: '未分组' }]),
      sizeBand: breakdown('sizeBand', bands),
    },
  };
}
