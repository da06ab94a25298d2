/**
 * Size bands of the survey (source 002, 调查摸底). Boundaries are inclusive as written:
 * "30-49人", "50-79人", "80人以上" (≥ 80), "500万元以上" (≥ 500).
 */
export const SIZE_BANDS = {
  A: '30人以下',
  B: '30–49人',
  C: '50–79人且营收500万元以下',
  D: '80人以上，或50–79人且营收500万元以上',
  unknown: '人数不详',
} as const;
export type SizeBand = keyof typeof SIZE_BANDS;

export const REVENUE_THRESHOLD = 500; // 万元

function isKnown(n: number | null | undefined): n is number {
  return typeof n === 'number' && Number.isFinite(n) && n >= 0;
}

/** Revenue is in 万元. Unknown revenue in the 50–79 band counts as under 500万元 (see revenueNeedsConfirming). */
export function sizeBand(employees: number | null | undefined, revenue: number | null | undefined): SizeBand {
  if (!isKnown(employees)) return 'unknown';
  if (employees >= 80) return 'D';
  if (employees >= 50) return isKnown(revenue) && revenue >= REVENUE_THRESHOLD ? 'D' : 'C';
  if (employees >= 30) return 'B';
  return 'A';
}

/** A 50–79 enterprise whose revenue is unknown is banded C but must be flagged for the clerk. */
export function revenueNeedsConfirming(
  employees: number | null | undefined,
  revenue: number | null | undefined,
): boolean {
  return isKnown(employees) && employees >= 50 && employees < 80 && !isKnown(revenue);
}
