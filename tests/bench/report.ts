import { writeFileSync } from 'node:fs';

/** One figure of `npm run bench`; the JSON form is what later issues add their figures to. */
export interface Figure {
  id: string;
  size: number | null;
  value: number;
  unit: string;
  /** Bounds `value` (a ceiling), when the issue sets one. */
  target: number | null;
  /** The same work done the plainest way in the same run, e.g. raw better-sqlite3. */
  reference: number | null;
  ratio: number | null;
  /** Bounds `ratio` (a ceiling). */
  ratioTarget: number | null;
}

export function figure(f: Omit<Figure, 'ratio'>): Figure {
  const ratio = f.reference ? Math.round((f.value / f.reference) * 100) / 100 : null;
  return { ...f, ratio };
}

/** The p-th percentile of sorted timings, to 0.01 ms. */
export function percentile(sorted: number[], p: number): number {
  const i = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return Math.round(sorted[Math.max(0, i)]! * 100) / 100;
}

export function median(timings: number[]): number {
  return percentile(
    [...timings].sort((a, b) => a - b),
    50,
  );
}

export function met(f: Figure): boolean {
  return (
    (f.target === null || f.value <= f.target) &&
    (f.ratioTarget === null || f.ratio === null || f.ratio <= f.ratioTarget)
  );
}

export function printTable(figures: Figure[]): void {
  const rows = figures.map((f) => [
    f.id,
    f.size === null ? '' : f.size.toLocaleString('en-US'),
    `${f.value} ${f.unit}`,
    f.target === null ? '—' : `≤ ${f.target} ${f.unit}`,
    f.reference === null ? '—' : `${f.reference} ${f.unit}`,
    f.ratio === null ? '—' : `${f.ratio}`,
    f.ratioTarget === null ? '—' : `≤ ${f.ratioTarget}`,
    met(f) ? 'ok' : 'MISSED',
  ]);
  const head = ['figure', 'size', 'value', 'target', 'reference', 'ratio', 'ratio target', ''];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ');
  console.log(line(head));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const r of rows) console.log(line(r));
}

export function writeJson(file: string, figures: Figure[]): void {
  writeFileSync(file, `${JSON.stringify(figures, null, 2)}\n`);
}
