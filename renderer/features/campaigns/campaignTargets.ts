import type { Indicator } from '../../../shared/domain/indicators';
import { hasOneDecimalAtMost, percentOf, targetOf } from '../indicators/clauses';

/** The 目标 section as the form holds it: indicator key → the percent typed, null when blank (同全镇目标). */
export type TargetPercents = Record<string, number | null>;

/** A campaign's stored targets (rates) as the percents the form shows (0.355 → 35.5). */
export function percentsOf(targets: Record<string, number>): TargetPercents {
  return Object.fromEntries(Object.entries(targets).map(([key, rate]) => [key, percentOf(rate)]));
}

/**
 * The targets to send: every percent filled in, as a rate. An unchanged percent keeps the rate exactly as stored,
 * whatever its precision. Targets of indicators that no longer exist are dropped (`known`, once the indicators are
 * read), so a stale one cannot fall on a later indicator given the same key; those of indicators merely switched off
 * are kept, for when they are switched on again.
 */
export function targetsOf(
  percents: TargetPercents,
  stored: Record<string, number>,
  known: ReadonlySet<string> | null,
): Record<string, number> {
  const targets: Record<string, number> = {};
  for (const [key, percent] of Object.entries(percents)) {
    if (percent === null || percent === undefined) continue;
    if (known && !known.has(key)) continue;
    const before = stored[key];
    targets[key] = before !== undefined && percentOf(before) === percent ? before : targetOf(percent)!;
  }
  return targets;
}

/** The first faulty percent, named by its indicator, or null. */
export function targetsProblem(percents: TargetPercents, indicators: readonly Indicator[]): string | null {
  for (const indicator of indicators) {
    const percent = percents[indicator.key];
    if (percent === null || percent === undefined) continue;
    const what = `“${indicator.name}”的专项行动目标`;
    if (percent < 0 || percent > 100) return `${what}应在0%到100%之间`;
    if (!hasOneDecimalAtMost(percent)) return `${what}最多保留一位小数，例如 35.5`;
  }
  return null;
}

/** "总体组建率 50%；党的工作覆盖率 60%": the campaign's own targets in the indicators' order, or null when none. */
export function targetsSummary(targets: Record<string, number>, indicators: readonly Indicator[]): string | null {
  const named = indicators
    .filter((i) => targets[i.key] !== undefined)
    .map((i) => `${i.name} ${percentOf(targets[i.key]!)}%${i.enabled ? '' : '（已停用）'}`);
  return named.length > 0 ? named.join('；') : null;
}
