import {
  displayWidth,
  headerDepth,
  leafKeys,
  type HeaderNode,
  type ReportColumn,
  type ReportRow,
} from '../../../../shared/excel/reportModel';

/** One header cell: its text, where it starts and how far it spans (1-based, relative to the header's top row). */
export interface HeaderCell {
  text: string;
  row: number;
  col: number;
  rowSpan: number;
  colSpan: number;
  note?: string;
}

/**
 * The header tree laid out as cells: a group spans its columns on its own row; a column's header cell reaches down
 * to the bottom header row when it stands higher (a two-row header's single cells are merged vertically).
 */
export function layoutHeader(header: readonly HeaderNode[], columns: readonly ReportColumn[]): HeaderCell[] {
  const keys = leafKeys(header);
  const expected = columns.map((c) => c.key);
  if (keys.join('\u0000') !== expected.join('\u0000')) {
    throw new Error(`表头与列不一致：${keys.join(',')} / ${expected.join(',')}`);
  }
  const byKey = new Map(columns.map((c) => [c.key, c]));
  const depth = headerDepth(header);
  const cells: HeaderCell[] = [];
  let col = 1;
  const place = (nodes: readonly HeaderNode[], row: number) => {
    for (const node of nodes) {
      if (typeof node === 'string') {
        const column = byKey.get(node)!;
        cells.push({ text: column.header, row, col, rowSpan: depth - row + 1, colSpan: 1, note: column.note });
        col += 1;
      } else {
        const start = col;
        place(node.children, row + 1);
        cells.push({ text: node.label, row, col: start, rowSpan: 1, colSpan: col - start, note: node.note });
      }
    }
  };
  place(header, 1);
  return cells;
}

/** Excel's width unit is about one ASCII digit; a Chinese character takes two, and a little air on either side. */
const PADDING = 2;
const MIN_WIDTH = 4;

/**
 * Column widths in Excel's units: at least what the builder asked for, widened to the longest value seen (the rows
 * given, which for a streamed report are its first chunk), but never past `max` characters — long text wraps.
 */
export function columnWidths(
  columns: readonly ReportColumn[],
  header: readonly HeaderCell[],
  sample: readonly ReportRow[],
): number[] {
  return columns.map((column, i) => {
    let longest = 0;
    for (const row of sample) {
      const v = row.cells[i];
      if (v === null || v === undefined) continue;
      const text = typeof v === 'number' ? formatLength(v, column.kind) : v;
      longest = Math.max(longest, displayWidth(text));
    }
    // A header cell wraps within its column: its longest line is what must fit, at three lines at most.
    const headerCell = header.find(
      (h) => h.colSpan === 1 && h.col === i + 1 && h.rowSpan >= 1 && h.text === column.header,
    );
    const headerWidth = headerCell ? Math.ceil(displayWidth(headerCell.text) / 3) : 0;
    const wanted = Math.max(column.width * 2, headerWidth, Math.min(longest, Math.max(column.width * 2, 40)));
    return Math.max(MIN_WIDTH, wanted) + PADDING;
  });
}

function formatLength(v: number, kind: ReportColumn['kind']): string {
  if (kind === 'percent') return `${(v * 100).toFixed(1)}%`;
  if (kind === 'amount') return v.toFixed(2);
  return String(v);
}

/** Wider than an A4 page holds upright at a readable size: print it across. */
export function isWide(widths: readonly number[]): boolean {
  return widths.reduce((a, b) => a + b, 0) > 100;
}
