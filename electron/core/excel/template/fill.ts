import type ExcelJS from 'exceljs';
import type { TemplateSource } from '../../../../shared/excel/templateSources';
import { AppError } from '../../errors';
import { SheetEvaluator, type Scalar } from './evaluate';
import { insertRows, unshareFormulas, validationsOf, type FormulaModel } from './insertRows';
import { cellText, dataAreaOf, hasFormula, headerBottom, mergesOf, sheetWidth, type DataArea } from './layout';
import { columnLetters, copyDown, stretchRanges } from './references';

/**
 * Writing the ledger's rows into a template sheet. The template's own look is the rule: written cells take the
 * first data row's style (or the header's borders when the template has no data row), formula cells are never
 * overwritten and formula columns are copied down, 合计 and footer lines stay below the data with their SUMs
 * stretched over it, and every formula gets its result where it can be worked out here.
 */

export type FillValue = string | number | Date | null;

export interface FillColumn {
  /** 0-based, as the mapping has it. */
  column: number;
  source: TemplateSource;
}

/** A row of values (one per mapped column, in the mapping's order) for a given template row, or appended. */
export interface FillRow {
  row: number | 'append';
  values: FillValue[];
}

export interface TemplateSheetState {
  wb: ExcelJS.Workbook;
  ws: ExcelJS.Worksheet;
  headerRow: number;
  width: number;
  area: DataArea;
}

export function templateSheet(wb: ExcelJS.Workbook, sheet: string, headerRow: number): TemplateSheetState {
  const ws = wb.worksheets.find((w) => w.name === sheet);
  if (!ws) throw new AppError('VALIDATION', `模板中没有名为“${sheet}”的工作表，请重新选择工作表`, 'mapping.sheet');
  if (headerRow > Math.max(ws.rowCount, 1))
    throw new AppError(
      'VALIDATION',
      `工作表“${sheet}”只有 ${ws.rowCount} 行，表头行第 ${headerRow} 行不存在`,
      'mapping.headerRow',
    );
  unshareFormulas(wb);
  const width = sheetWidth(ws);
  return { wb, ws, headerRow, width, area: dataAreaOf(ws, headerRow, mergesOf(ws), width) };
}

/** The texts of one column over the template's data rows, for matching area names. */
export function namesInColumn(state: TemplateSheetState, column: number): { row: number; name: string }[] {
  const out: { row: number; name: string }[] = [];
  for (let r = state.area.first; r <= state.area.last; r++) {
    const cell = state.ws.getCell(r, column + 1);
    if (!hasFormula(cell) && cellText(cell) !== '') out.push({ row: r, name: cellText(cell) });
  }
  return out;
}

export interface FillOptions {
  /** Template data rows whose mapped cells are emptied (last year's figures in a reused copy). */
  clear: number[];
  /** Values for empty 合计 cells that are not sums (a township's rate), by mapped column index. */
  totals: Map<number, FillValue>;
  /** 填报单位 and 填报日期, written where the template leaves them blank after the colon. */
  unit: string;
  date: string;
}

const isGeneral = (fmt: string | undefined) => !fmt || fmt === 'General';

function writeValue(cell: ExcelJS.Cell, value: FillValue, source: TemplateSource): void {
  cell.value = value;
  if (value === null) return;
  if (source.kind === 'percent' && isGeneral(cell.numFmt)) cell.numFmt = '0.0%';
  if (source.kind === 'date' && isGeneral(cell.numFmt)) cell.numFmt = 'yyyy-mm-dd';
  if (source.kind === 'amount' && isGeneral(cell.numFmt)) cell.numFmt = '0.00';
}

const isMergedAway = (cell: ExcelJS.Cell) => cell.isMerged && cell.master.address !== cell.address;

/** The style a new data row's cell takes: the first data row's, or the header's borders without its fill. */
function styleSourceOf(state: TemplateSheetState): (col: number) => Partial<ExcelJS.Style> {
  const { ws, area } = state;
  if (area.last >= area.first) return (col) => structuredClone(ws.getCell(area.first, col).style ?? {});
  const header = headerBottom(state.headerRow, mergesOf(ws));
  return (col) => {
    const h = ws.getCell(header, col).style ?? {};
    const style: Partial<ExcelJS.Style> = { alignment: { vertical: 'middle' } };
    if (h.border) style.border = structuredClone(h.border);
    if (h.font?.name) style.font = { name: h.font.name, size: h.font.size };
    return style;
  };
}

/** New rows below the template's data rows: style, height, formulas, in-row merges and validations of the first. */
async function prepareNewRows(state: TemplateSheetState, from: number, count: number, tick: Tick): Promise<void> {
  const { ws, area, width } = state;
  const styleOf = styleSourceOf(state);
  // One style object per column, shared by its new cells (ExcelJS writes each distinct style once anyway).
  const styles = Array.from({ length: width + 1 }, (_, c) => (c === 0 ? {} : styleOf(c)));
  const model = area.last >= area.first ? area.first : null;
  const rowMerges = model === null ? [] : mergesOf(ws).filter((m) => m.top === model && m.bottom === model);
  const validations = validationsOf(ws);
  const height = model === null ? undefined : ws.getRow(model).height;
  for (let r = from; r < from + count; r++) {
    const row = ws.getRow(r);
    if (height !== undefined) row.height = height;
    for (let c = 1; c <= width; c++) {
      const cell = row.getCell(c);
      cell.style = styles[c]!;
      if (model === null) continue;
      const source = ws.getCell(model, c);
      if (hasFormula(source)) cell.value = { formula: copyDown(source.formula, r - model) } as ExcelJS.CellFormulaValue;
      const validation = validations[source.address];
      if (validation) validations[cell.address] = structuredClone(validation);
    }
    for (const m of rowMerges) ws.mergeCellsWithoutStyle(r, m.left, r, m.right);
    if ((r - from) % TICK_ROWS === TICK_ROWS - 1) await tick(r - from + 1);
  }
}

/** Called every so many rows of a long fill: reports progress, lets a cancel in, and may throw to stop. */
export type Tick = (rowsDone: number) => Promise<void>;
const TICK_ROWS = 500;

/** Fills the sheet; returns the warnings the clerk should read. */
export async function fillSheet(
  state: TemplateSheetState,
  columns: readonly FillColumn[],
  rows: readonly FillRow[],
  options: FillOptions,
  tick: Tick = async () => {},
): Promise<string[]> {
  const { wb, ws, area } = state;
  const warnings = new Set<string>();
  const appended = rows.filter((r) => r.row === 'append').length;
  const firstNew = area.last + 1;
  if (appended > 0 && area.anchor !== null) insertRows(wb, ws, area.anchor, appended);
  if (appended > 0) await prepareNewRows(state, firstNew, appended, (n) => tick(Math.floor(n / 2)));
  const newLast = area.last + appended;

  let next = firstNew;
  const label = (col: FillColumn) => `“${col.source.label}”（${columnLetters(col.column + 1)}列）`;
  for (const [k, spec] of rows.entries()) {
    if (k % TICK_ROWS === TICK_ROWS - 1) await tick(Math.floor((appended + k) / 2));
    const r = spec.row === 'append' ? next++ : spec.row;
    columns.forEach((col, i) => {
      const cell = ws.getCell(r, col.column + 1);
      if (hasFormula(cell)) {
        warnings.add(`${label(col)}在模板中是公式，已保留模板的公式，未填入台账数据`);
        return;
      }
      if (isMergedAway(cell)) {
        warnings.add(`${label(col)}与左侧或上方的单元格合并，已跳过`);
        return;
      }
      writeValue(cell, spec.values[i] ?? null, col.source);
    });
  }
  for (const r of options.clear) {
    for (const col of columns) {
      const cell = ws.getCell(r, col.column + 1);
      if (!hasFormula(cell) && !isMergedAway(cell)) cell.value = null;
    }
  }
  const moved = (r: number) => (area.anchor !== null && r >= area.anchor ? r + appended : r);
  area.totals.map(moved).forEach((t, i) => {
    for (let c = 1; c <= Math.max(state.width, ...columns.map((x) => x.column + 1)); c++) {
      const cell = ws.getCell(t, c);
      if (hasFormula(cell)) {
        const stretched = stretchRanges(cell.formula, area.first, area.last, newLast);
        if (stretched !== cell.formula) cell.value = { formula: stretched } as ExcelJS.CellFormulaValue;
      }
    }
    if (i > 0 || newLast < area.first) return;
    columns.forEach((col, k) => {
      const cell = ws.getCell(t, col.column + 1);
      if (hasFormula(cell) || isMergedAway(cell) || cellText(cell) !== '') return;
      const letter = columnLetters(col.column + 1);
      if (col.source.summable)
        cell.value = { formula: `SUM(${letter}${area.first}:${letter}${newLast})` } as ExcelJS.CellFormulaValue;
      else if (options.totals.has(k)) writeValue(cell, options.totals.get(k)!, col.source);
    });
  });
  fillUnitLine(state, options);
  recalculate(ws);
  // Excel, WPS and LibreOffice (when set to) recompute everything on opening, whatever results were written.
  wb.calcProperties.fullCalcOnLoad = true;
  return [...warnings];
}

/** 填报单位：/ 填报日期： above the header, when the template leaves them blank after the colon. */
function fillUnitLine(state: TemplateSheetState, options: FillOptions): void {
  const { ws } = state;
  for (let r = 1; r < state.headerRow; r++) {
    const row = ws.getRow(r);
    for (let c = 1; c <= state.width; c++) {
      const cell = row.getCell(c);
      if (isMergedAway(cell) || hasFormula(cell) || typeof cell.value !== 'string') continue;
      const m = /^\s*(填报单位|填报日期|填表日期|填报时间)\s*[:：][\s_＿]*$/.exec(cell.value);
      if (!m) continue;
      cell.value = `${m[1]}：${m[1] === '填报单位' ? options.unit : options.date}`;
    }
  }
}

/** Each formula of the sheet with its result, or without one when it cannot be worked out here. */
function recalculate(ws: ExcelJS.Worksheet): void {
  const evaluator = new SheetEvaluator({
    value(row, col) {
      const cell = ws.findCell(row, col);
      if (!cell) return null;
      if (hasFormula(cell)) return { formula: cell.formula };
      const v = cell.value;
      if (v === null || v === undefined) return null;
      if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v;
      if (typeof v === 'object' && 'richText' in v) return cellText(cell);
      // Dates, errors, hyperlinks: a formula that reads them is left to the spreadsheet program.
      return { formula: '#UNKNOWN' };
    },
  });
  ws.eachRow({ includeEmpty: false }, (row) => {
    row.eachCell({ includeEmpty: false }, (cell) => {
      if (!hasFormula(cell)) return;
      const v = cell.value as FormulaModel;
      if (v.shareType === 'array' || v.formula === undefined) return;
      const result: Scalar | undefined = evaluator.resultAt(Number(cell.row), Number(cell.col));
      cell.value = (
        result === undefined || result === null ? { formula: v.formula } : { formula: v.formula, result }
      ) as ExcelJS.CellFormulaValue;
    });
  });
}
