import type ExcelJS from 'exceljs';
import { guessHeaderRows, type HeadRow } from '../../../../shared/excel/headers';
import { templateColumnHeaders } from '../../../../shared/excel/templateSources';

/**
 * How a template sheet is laid out: its rows as text, where its header is, where its data rows are, and the rows
 * below them (合计, 填表人, 注) that must stay below whatever is filled in.
 */

export interface Merge {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export function mergesOf(ws: ExcelJS.Worksheet): Merge[] {
  // `_merges` is where ExcelJS keeps them; the public `model` getter rebuilds the whole sheet to list them.
  const merges = (ws as unknown as { _merges: Record<string, Merge> })._merges;
  return Object.values(merges)
    .filter(Boolean)
    .map(({ top, left, bottom, right }) => ({ top, left, bottom, right }));
}

/** A cell as the clerk sees it; a merged cell reads as its master (ExcelJS resolves that). */
export function cellText(cell: ExcelJS.Cell): string {
  const v = cell.value;
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    if ('richText' in v)
      return v.richText
        .map((r) => r.text)
        .join('')
        .trim();
    if ('formula' in v || 'sharedFormula' in v) {
      const r = (v as ExcelJS.CellFormulaValue).result;
      return r === undefined || r === null || typeof r === 'object' ? '' : String(r).trim();
    }
    if ('text' in v) return String((v as ExcelJS.CellHyperlinkValue).text ?? '').trim();
    if ('error' in v) return String((v as ExcelJS.CellErrorValue).error);
    return '';
  }
  return String(v).trim();
}

export function hasFormula(cell: ExcelJS.Cell): boolean {
  return cell.type === 6; // ExcelJS.ValueType.Formula, without a runtime import of the enum
}

/** The sheet's width: the last column any of the first rows uses. */
export function sheetWidth(ws: ExcelJS.Worksheet): number {
  return Math.min(Math.max(ws.columnCount, ...mergesOf(ws).map((m) => m.right)), 16_384);
}

/** Rows `from`–`to` as text, merged cells repeated over the cells they cover. */
export function textGrid(ws: ExcelJS.Worksheet, from: number, to: number, width = sheetWidth(ws)): string[][] {
  const rows: string[][] = [];
  for (let r = from; r <= to; r++) {
    const row = ws.getRow(r);
    const cells: string[] = [];
    for (let c = 1; c <= width; c++) cells.push(cellText(row.getCell(c)));
    while (cells.length > 0 && cells[cells.length - 1] === '') cells.pop();
    rows.push(cells);
  }
  return rows;
}

/** A colon marks a "填报单位：" kind of label, not a column title. */
const LABEL_TEXT = /[:：]/;

/**
 * The last row of the header block among the first `rows` rows, or null: the import's own guess (shared/excel/
 * headers.ts), given the cells as a streamed read would see them — a merged cell's text in its first cell only —
 * then moved down to the bottom of any header cell merged down past it.
 */
export function guessHeaderRow(ws: ExcelJS.Worksheet, rows: number, width = sheetWidth(ws)): number | null {
  const head: HeadRow[] = [];
  for (let r = 1; r <= Math.min(rows, ws.rowCount); r++) {
    const row = ws.getRow(r);
    const cells: unknown[] = [];
    for (let c = 1; c <= width; c++) {
      const cell = row.getCell(c);
      const v = cell.value;
      if (cell.isMerged && cell.master.address !== cell.address) cells.push('');
      else cells.push(typeof v === 'number' || v instanceof Date ? v : cellText(cell));
    }
    if (cells.some((c) => c !== '')) head.push({ row: r, cells });
  }
  const found = guessHeaderRows(head);
  return found === null ? null : headerBottom(found.end, mergesOf(ws));
}

/** The first data row is below every merged header cell that reaches the header row. */
export function headerBottom(headerRow: number, merges: readonly Merge[]): number {
  let bottom = headerRow;
  for (const m of merges) if (m.top <= headerRow && m.bottom > bottom && m.bottom - m.top < 4) bottom = m.bottom;
  return bottom;
}

/** The header texts of each column for the marked header row, from the sheet itself. */
export function columnHeadersOf(ws: ExcelJS.Worksheet, headerRow: number, width = sheetWidth(ws)): string[] {
  const from = Math.max(1, headerRow - 2);
  const grid = textGrid(ws, 1, headerRow, width).slice(from - 1);
  const padded = [...Array<string[]>(from - 1).fill([]), ...grid];
  return templateColumnHeaders(padded, headerRow, width);
}

const TOTAL_TEXT = /^(合计|总计|总合计|全[县市区镇乡]合计)/;
const FOOTER_TEXT =
  /^(填表人|填报人|审核人|制表人|统计人|负责人|单位负责人|分管领导|联系电话|填表日期|注[:：\d１-９]|说明[:：]|备注[:：])/;

export type RowRole = 'total' | 'footer' | 'data';

/** A row below the header: a 合计 row, a footer line, or a row of the data area. */
export function rowRole(ws: ExcelJS.Worksheet, r: number, width: number): RowRole {
  const row = ws.getRow(r);
  let footer = false;
  for (let c = 1; c <= width; c++) {
    const cell = row.getCell(c);
    if (hasFormula(cell)) continue;
    const text = cellText(cell).replace(/\s+/g, '');
    if (TOTAL_TEXT.test(text)) return 'total';
    if (FOOTER_TEXT.test(text) && (LABEL_TEXT.test(text) || /^(注|说明)/.test(text))) footer = true;
  }
  return footer ? 'footer' : 'data';
}

export interface DataArea {
  /** The first row under the header. */
  first: number;
  /** The last row of the template's own data area (first − 1 when there is none). */
  last: number;
  /** The first 合计 or footer row below the data area, or null when nothing follows it. */
  anchor: number | null;
  /** 合计 rows at or below the anchor. */
  totals: number[];
}

/** The data rows lie between the header and the first 合计 or footer line; without one, down to the last row used. */
export function dataAreaOf(
  ws: ExcelJS.Worksheet,
  headerRow: number,
  merges: readonly Merge[],
  width: number,
): DataArea {
  const first = headerBottom(headerRow, merges) + 1;
  const lastRow = Math.max(ws.rowCount, first - 1);
  let anchor: number | null = null;
  const totals: number[] = [];
  for (let r = first; r <= lastRow; r++) {
    const role = rowRole(ws, r, width);
    if (role !== 'data' && anchor === null) anchor = r;
    if (role === 'total') totals.push(r);
  }
  return { first, last: anchor === null ? lastRow : anchor - 1, anchor, totals };
}
