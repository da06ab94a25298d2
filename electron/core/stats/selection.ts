import type { IndicatorSelection } from '../../../shared/ipc/stats';
import { and, compileCondition, not, TRUE, type CompileContext, type Sql } from './compile';
import type { CountedIndicator } from './report';
import type { FactSource } from './source';

/**
 * The enterprises behind one number of an indicator: its denominator, its numerator or the gap between, and
 * optionally only one row of a breakdown. Made by the same compiler as the counts, so a list always has as
 * many enterprises as the number that opened it. The scope (not 注销/迁出) is part of it.
 */
export function selectionCondition(
  source: FactSource,
  indicator: CountedIndicator,
  selection: IndicatorSelection,
  ctx: CompileContext,
): Sql {
  const den = compileCondition(source, indicator.denominator, ctx);
  const num = compileCondition(source, indicator.numerator, ctx);
  const part = selection.part === 'numerator' ? num : selection.part === 'gap' ? not(num) : TRUE;
  return and(source.scope, den, part, breakdownCondition(source, selection.breakdown));
}

function breakdownCondition(source: FactSource, breakdown: IndicatorSelection['breakdown']): Sql {
  if (!breakdown) return TRUE;
  if (breakdown.dimension === 'sizeBand') return { sql: `${source.group.sizeBand} = ?`, params: [breakdown.key] };
  if (breakdown.dimension === 'area') return { sql: `${source.group.area} = ?`, params: [Number(breakdown.key)] };
  if (breakdown.key === '0') return { sql: `${source.group.workGroup} IS NULL`, params: [] };
  return { sql: `${source.group.workGroup} = ?`, params: [Number(breakdown.key)] };
}
