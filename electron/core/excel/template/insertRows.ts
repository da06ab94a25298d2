import type ExcelJS from 'exceljs';
import { mergesOf, sheetWidth, type Merge } from './layout';
import { columnLetters, mapReferences, shiftForInsert } from './references';

/**
 * Inserting rows into a template sheet as Excel does it: everything at and below the insertion point moves down
 * — values, styles, heights, merges, validations, conditional formats, the print area — and every formula in the
 * workbook that points at a moved row follows it. ExcelJS's own spliceRows neither moves merges reliably nor
 * touches formulas, so this does it cell by cell (templates are small).
 */

/** A formula cell's value as ExcelJS reads it, shared and array formulas included. */
export interface FormulaModel {
  formula?: string;
  sharedFormula?: string;
  shareType?: string;
  result?: unknown;
}

/** ExcelJS keeps a sheet's validations by cell address (it expands ranges on reading); its types omit them. */
export function validationsOf(ws: ExcelJS.Worksheet): Record<string, ExcelJS.DataValidation | undefined> {
  return (ws as unknown as { dataValidations: { model: Record<string, ExcelJS.DataValidation | undefined> } })
    .dataValidations.model;
}

function setValidations(ws: ExcelJS.Worksheet, model: Record<string, ExcelJS.DataValidation | undefined>): void {
  (ws as unknown as { dataValidations: { model: unknown } }).dataValidations.model = model;
}

/** Shared formulas become plain ones first: moving a shared formula's master would orphan its dependants. */
export function unshareFormulas(wb: ExcelJS.Workbook): void {
  for (const ws of wb.worksheets) {
    ws.eachRow({ includeEmpty: false }, (row) => {
      row.eachCell({ includeEmpty: false }, (cell) => {
        const v = cell.value as FormulaModel | null;
        if (!v || typeof v !== 'object' || !('sharedFormula' in v || 'shareType' in v)) return;
        if (v.shareType === 'array') return;
        cell.value = { formula: cell.formula, result: v.result } as ExcelJS.CellFormulaValue;
      });
    });
  }
}

function rangeText(m: Merge): string {
  return `${columnLetters(m.left)}${m.top}:${columnLetters(m.right)}${m.bottom}`;
}

/** A space-separated list of ranges ("A5:L6 N5") with rows at or below `at` moved down. */
function shiftRanges(list: string, sheet: string, at: number, count: number): string {
  return list
    .split(/\s+/)
    .map((part) => shiftForInsert(part, sheet, sheet, at, count))
    .join(' ');
}

function copyCell(from: ExcelJS.Cell, to: ExcelJS.Cell): void {
  const v = from.value;
  to.value = v && typeof v === 'object' && !(v instanceof Date) ? structuredClone(v) : v;
  to.style = structuredClone(from.style ?? {});
}

function clearCell(cell: ExcelJS.Cell): void {
  cell.value = null;
  cell.style = {};
}

/** Inserts `count` empty rows before row `at` of `ws`. */
export function insertRows(wb: ExcelJS.Workbook, ws: ExcelJS.Worksheet, at: number, count: number): void {
  if (count <= 0) return;
  const width = sheetWidth(ws);
  const moved: Merge[] = [];
  for (const m of mergesOf(ws)) {
    if (m.bottom < at) continue;
    ws.unMergeCells(rangeText(m));
    moved.push(
      m.top >= at ? { ...m, top: m.top + count, bottom: m.bottom + count } : { ...m, bottom: m.bottom + count },
    );
  }
  const last = ws.rowCount;
  for (let r = last; r >= at; r--) {
    const src = ws.getRow(r);
    const dst = ws.getRow(r + count);
    dst.height = src.height;
    dst.hidden = src.hidden;
    dst.outlineLevel = src.outlineLevel;
    const cells = Math.max(width, src.cellCount);
    for (let c = 1; c <= cells; c++) {
      copyCell(src.getCell(c), dst.getCell(c));
      clearCell(src.getCell(c));
    }
    src.height = undefined as unknown as number;
  }
  for (const sheet of wb.worksheets) {
    sheet.eachRow({ includeEmpty: false }, (row) => {
      row.eachCell({ includeEmpty: false }, (cell) => {
        const v = cell.value as ExcelJS.CellFormulaValue | null;
        if (!v || typeof v !== 'object' || typeof v.formula !== 'string') return;
        const next = shiftForInsert(v.formula, sheet.name, ws.name, at, count);
        // A moved formula's old result may no longer be right; the evaluator or the spreadsheet program recomputes.
        if (next !== v.formula) cell.value = { formula: next } as ExcelJS.CellFormulaValue;
      });
    });
  }
  for (const m of moved) ws.mergeCellsWithoutStyle(m.top, m.left, m.bottom, m.right);
  shiftValidations(ws, at, count);
  shiftConditionalFormats(ws, at, count);
  // Names the workbook defines over cells of this sheet (a county's named input ranges).
  (
    wb.definedNames as unknown as { spliceRows(sheet: string, at: number, remove: number, add: number): void }
  ).spliceRows(ws.name, at, 0, count);
  if (ws.pageSetup.printArea) ws.pageSetup.printArea = shiftRanges(ws.pageSetup.printArea, ws.name, at, count);
  const breaks = (ws as unknown as { rowBreaks?: { id: number }[] }).rowBreaks;
  for (const b of breaks ?? []) if (b.id >= at) b.id += count;
}

function shiftValidations(ws: ExcelJS.Worksheet, at: number, count: number): void {
  const entries = Object.entries(validationsOf(ws)).filter(([, v]) => v !== undefined);
  const next: Record<string, ExcelJS.DataValidation | undefined> = {};
  for (const [address, validation] of entries) {
    next[
      mapReferences(address, (ref) =>
        ref.start.row >= at ? { ...ref, start: { ...ref.start, row: ref.start.row + count } } : ref,
      )
    ] = validation;
  }
  setValidations(ws, next);
}

function shiftConditionalFormats(ws: ExcelJS.Worksheet, at: number, count: number): void {
  const formats = (ws as unknown as { conditionalFormattings?: { ref: string }[] }).conditionalFormattings;
  for (const f of formats ?? []) f.ref = shiftRanges(f.ref, ws.name, at, count);
}
