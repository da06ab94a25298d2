/** Display helpers shared by lists and details: unknown values are said so, never shown as 0. */
export function count(n: number | null | undefined, unit = ''): string {
  return n === null || n === undefined ? '不详' : `${n}${unit}`;
}

export function money(n: number | null | undefined): string {
  return n === null || n === undefined ? '不详' : `${n.toLocaleString('zh-CN', { maximumFractionDigits: 2 })}万元`;
}

export function yesNo(b: boolean): string {
  return b ? '是' : '否';
}

export function orDash(s: string | null | undefined): string {
  return s && s.trim() ? s : '—';
}
