import {
  isFlagClause,
  isRangeClause,
  isRecentLogClause,
  isSetClause,
  type Clause,
  type Condition,
  type PartyWorkRule,
} from '../../../shared/domain/indicators';
import { monthsBefore } from '../../../shared/domain/reportingDate';
import type { FactSource } from './source';

/** A boolean SQL expression (always 0 or 1, never NULL) and its bound values, in order. */
export interface Sql {
  sql: string;
  params: (string | number)[];
}

/** What a condition is evaluated against besides the row: the reporting date and the 工作覆盖 rule. */
export interface CompileContext {
  asOf: string;
  partyWork: PartyWorkRule;
}

export const TRUE: Sql = { sql: '1', params: [] };

/**
 * One condition as SQL over a fact source. A clause on a blank fact (unknown employees, no industry) may be
 * NULL rather than false: counting (CASE WHEN … THEN 1 END) and filtering (WHERE) treat it as false, and `not`
 * makes it false before negating, so that the gap is always the denominator minus the numerator.
 */
export function compileCondition(source: FactSource, condition: Condition, ctx: CompileContext): Sql {
  if (condition.length === 0) return TRUE;
  const parts = condition.map((c) => compileClause(source, c, ctx));
  // No wrapping: inside CASE WHEN and WHERE, SQLite stops at the first false clause (the cheap ones come first).
  return { sql: parts.map((p) => `(${p.sql})`).join(' AND '), params: parts.flatMap((p) => p.params) };
}

function compileClause(source: FactSource, c: Clause, ctx: CompileContext): Sql {
  if (isSetClause(c)) {
    return { sql: `${source.expr[c.fact]} IN (${c.in.map(() => '?').join(', ')})`, params: [...c.in] };
  }
  if (isRangeClause(c)) {
    const x = source.expr[c.fact];
    const parts: Sql[] = [];
    if (c.min !== null) parts.push({ sql: `${x} >= ?`, params: [c.min] });
    if (c.max !== null) parts.push({ sql: `${x} <= ?`, params: [c.max] });
    // A range with neither end means "known"; with an end, a blank value compares as NULL, i.e. not in range.
    if (parts.length === 0) parts.push({ sql: `${x} IS NOT NULL`, params: [] });
    return { sql: `(${parts.map((p) => p.sql).join(' AND ')})`, params: parts.flatMap((p) => p.params) };
  }
  if (isRecentLogClause(c)) return negated(recentLog(source, c.months, ctx.asOf), c.is);
  if (isFlagClause(c)) {
    if (c.fact === 'partyWork') return negated(partyWork(source, ctx), c.is);
    return { sql: `${source.expr[c.fact]} = ?`, params: [c.is ? 1 : 0] };
  }
  throw new Error(`未知的统计条件：${JSON.stringify(c)}`);
}

function negated(s: Sql, holds: boolean): Sql {
  return holds ? s : not(s);
}

function recentLog(source: FactSource, months: number, asOf: string): Sql {
  return { sql: source.logBetween, params: [monthsBefore(asOf, months), asOf] };
}

/** 党的工作覆盖 as the ledger's rule defines it (domain.md §4, indicator 5). */
export function partyWork(source: FactSource, ctx: CompileContext): Sql {
  const log = recentLog(source, ctx.partyWork.months, ctx.asOf);
  if (!ctx.partyWork.needsInstructor) return log;
  return { sql: `(${source.expr.hasInstructor} AND ${log.sql})`, params: log.params };
}

/** The condition without its revenue clauses, to count the enterprises an unknown revenue decided. */
export function withoutRevenue(condition: Condition): Condition {
  return condition.filter((c) => c.fact !== 'revenue');
}

export function hasRevenueClause(condition: Condition): boolean {
  return condition.some((c) => c.fact === 'revenue');
}

export function and(...parts: Sql[]): Sql {
  const real = parts.filter((p) => p.sql !== '1');
  if (real.length === 0) return TRUE;
  return { sql: real.map((p) => `(${p.sql})`).join(' AND '), params: real.flatMap((p) => p.params) };
}

/** Null-safe: a condition that is NULL (decided by a blank fact) did not hold, so its negation does. */
export function not(s: Sql): Sql {
  return { sql: `NOT coalesce((${s.sql}), 0)`, params: s.params };
}
