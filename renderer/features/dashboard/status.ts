import type { IndicatorCount } from '../../../shared/domain/indicators';

/** A rate as the clerk reads it: one decimal, e.g. 93.2%; "—" when there is no rate (nothing to count). */
export function percent(rate: number | null): string {
  return rate === null ? '—' : `${(rate * 100).toFixed(1)}%`;
}

export function targetText(target: number | null): string {
  return target === null ? '未设目标' : percent(target);
}

export type Status = 'met' | 'near' | 'behind' | 'watched' | 'nodata';

export const STATUS_LOOK: Record<Status, { color: string; tag: string; text: string }> = {
  met: { color: '#389e0d', tag: 'success', text: '已达标' },
  near: { color: '#d46b08', tag: 'warning', text: '未达标' },
  behind: { color: '#cf1322', tag: 'error', text: '未达标' },
  watched: { color: '#1677ff', tag: 'processing', text: '未设目标' },
  nodata: { color: '#8c8c8c', tag: 'default', text: '无数据' },
};

/** Within this many percentage points of the target counts as nearly there (orange rather than red). */
const NEAR_POINTS = 0.1;

export function statusOf(count: IndicatorCount, target: number | null): Status {
  if (count.rate === null) return 'nodata';
  if (count.met === null || target === null) return 'watched';
  if (count.met) return 'met';
  return target - count.rate <= NEAR_POINTS ? 'near' : 'behind';
}

/** Enterprises of the denominator not (yet) in the numerator: the gap list. */
export function gapOf(count: IndicatorCount): number {
  return count.denominator - count.numerator;
}
