import { breathe, type JobHandle } from '../../jobs/registry';
import { badFile } from './problems';
import type { CellValue, ReadLimits, SheetRow } from './types';

/** How often a long read reports progress, answers a cancel and lets other requests through. */
export const ROWS_PER_BREATH = 500;

export interface GateOptions {
  sheet: string;
  limits: ReadLimits;
  job: JobHandle;
  /** Stop after this many rows with content (a sheet's head); undefined reads to the end. */
  take?: number;
  /** Date.now() after which the sheet's read has run out of time. */
  deadline: number;
}

/**
 * What every reader's rows pass through: blank rows dropped (their numbers simply absent), trailing empty cells
 * trimmed, the end of data found after `maxBlankRun` blank rows, and the row, column and time limits enforced.
 * The blank run is measured by row numbers, so an empty styled row and a row missing from the file count alike.
 */
export async function* gateRows(
  source: AsyncIterable<SheetRow> | Iterable<SheetRow>,
  o: GateOptions,
): AsyncGenerator<SheetRow, void, undefined> {
  let lastContent = 0;
  let content = 0;
  let seen = 0;
  for await (const raw of source) {
    if (++seen % ROWS_PER_BREATH === 0) {
      checkTime(o);
      o.job.report('正在读取…', content);
      o.job.checkpoint();
      await breathe();
    }
    if (raw.row - lastContent > o.limits.maxBlankRun) return;
    const cells = trimmed(raw.cells);
    if (cells.length === 0) continue;
    if (cells.length > o.limits.maxColumns) throw badFile.tooManyColumns(o.sheet, raw.row, o.limits.maxColumns);
    if (++content > o.limits.maxRows) throw badFile.tooManyRows(o.sheet, o.limits.maxRows);
    lastContent = raw.row;
    yield { row: raw.row, cells };
    if (o.take !== undefined && content >= o.take) return;
  }
}

export function checkTime(o: Pick<GateOptions, 'deadline' | 'sheet' | 'limits'>): void {
  if (Date.now() > o.deadline) throw badFile.timeout(o.sheet, o.limits.maxMillis);
}

/** The cells up to the last one with content; whitespace-only text counts as empty. */
function trimmed(cells: CellValue[]): CellValue[] {
  let end = cells.length;
  while (end > 0 && isBlank(cells[end - 1])) end--;
  if (end === 0) return [];
  const out = cells.length === end ? cells : cells.slice(0, end);
  for (let i = 0; i < out.length; i++) if (out[i] === undefined) out[i] = null;
  return out;
}

export function isBlank(v: CellValue | undefined): boolean {
  return v === null || v === undefined || (typeof v === 'string' && /^[\s\u3000\u00a0]*$/.test(v));
}
