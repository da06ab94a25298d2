import type ExcelJS from 'exceljs';
import type { Cell, DataValidation, Style, Worksheet } from 'exceljs';
import {
  chineseDate,
  displayWidth,
  headerDepth,
  isRowSource,
  rowCountOf,
  type CellValue,
  type ReportColumn,
  type ReportModel,
  type ReportRow,
} from '../../../../shared/excel/reportModel';
import { breathe, UNWATCHED, type JobHandle } from '../../jobs/registry';
import { loadExcelJS, loadWorksheetWriter } from '../../lazyLibs';
import { columnWidths, isWide, layoutHeader } from './layout';
import { BodyRows, rowHeight } from './bodyRows';
import { streamSharedStrings } from './sharedStrings';
import { addSheet, columnLetter, type SheetClass } from './sheet';
import {
  bodyStyle,
  FOOTER_STYLE,
  HEADER_STYLE,
  INFO_LEFT,
  INFO_RIGHT,
  NOTE_STYLE,
  PLAIN_STYLE,
  TITLE_STYLE,
  TOTAL_LABEL,
} from './styles';

/** Rows written between two looks at the job (progress, cancel): small enough that a cancel is answered at once. */
const CHUNK = 500;
const WRITING = '正在写入表格…';
/** Rows handed to the zip at a time (see BodyRows.paced). */
const HANDOVER = 32;
/** The ideographic space a Chinese form pads its lines with. */
const GAP = '\u3000';
/** The sheet holding the lists the drop-downs offer. */
export const CHOICES_SHEET = '下拉选项';

/**
 * Writes one report as a print-ready workbook, streaming: rows are committed as they come, so a ledger of a
 * hundred thousand enterprises never sits in memory whole. Shared strings and no zip64 (engineering.md §6).
 * Returns how many body rows were written.
 */
export async function writeReport(model: ReportModel, path: string, job: JobHandle = UNWATCHED): Promise<number> {
  return writeWorkbook([model], path, job);
}

/**
 * Several reports as the sheets of one workbook, in order (the county's 全县汇总表), each laid out exactly as it
 * would be alone. Returns how many body rows were written over all sheets.
 */
export async function writeWorkbook(
  models: readonly ReportModel[],
  path: string,
  job: JobHandle = UNWATCHED,
): Promise<number> {
  const [excel, base] = await Promise.all([loadExcelJS(), loadWorksheetWriter()]);
  const workbook = new excel.stream.xlsx.WorkbookWriter({
    filename: path,
    useSharedStrings: true,
    useStyles: true,
  });
  streamSharedStrings(workbook);
  workbook.creator = models[0]?.unit ?? '';
  workbook.lastModifiedBy = models[0]?.unit ?? '';
  try {
    let written = 0;
    for (const model of models) written += await writeSheet(base, workbook, model, job);
    await workbook.commit();
    return written;
  } catch (e) {
    await discard(workbook);
    throw e;
  }
}

async function writeSheet(
  base: SheetClass,
  workbook: ExcelJS.stream.xlsx.WorkbookWriter,
  model: ReportModel,
  job: JobHandle,
): Promise<number> {
  const { columns } = model;
  const headerCells = layoutHeader(model.header, columns);
  const depth = headerDepth(model.header);
  const total = rowCountOf(model);
  const chunks = chunksOf(model);
  const first = chunks.next();
  const sample = first.done ? [] : first.value;
  const widths = columnWidths(columns, headerCells, sample);
  const last = columnLetter(columns.length);

  const bodyStart = 3 + depth;
  const bodyEnd = bodyStart + total - 1;
  const notes = model.notes ?? [];
  // The used range, for the sheet's <dimension>: body, 合计, 填表人 line, 说明 lines.
  const lastRow = bodyEnd + (model.total ? 1 : 0) + (model.footer === false ? 0 : 1) + notes.length;

  const sheet = addSheet(base, workbook, model.sheetName, `A1:${last}${lastRow}`, {
    properties: { defaultRowHeight: 18 },
    views: [
      {
        state: 'frozen',
        xSplit: model.freezeColumns ?? 0,
        ySplit: bodyStart - 1,
        topLeftCell: `${columnLetter((model.freezeColumns ?? 0) + 1)}${bodyStart}`,
      },
    ],
    pageSetup: {
      paperSize: 9,
      orientation: isWide(widths) ? 'landscape' : 'portrait',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.7, header: 0.3, footer: 0.3 },
      // The header rows on every printed page (a defined name _xlnm.Print_Titles in workbook.xml).
      printTitlesRow: `3:${bodyStart - 1}`,
    },
    headerFooter: { oddFooter: '&C第 &P 页 共 &N 页' },
  });
  sheet.columns = widths.map((width) => ({ width }));

  writeHead(sheet, model, headerCells, widths);
  const choiceLists = addChoices(sheet, columns, bodyStart, Math.max(bodyEnd, bodyStart));

  const sums = columns.map(() => 0);
  const body = new BodyRows(sheet, columns, widths);
  let row = bodyStart;
  const writeChunk = async (rows: ReportRow[]) => {
    for (const r of rows) {
      const numbers = r.cells.map((v) => (typeof v === 'number' ? v : 0));
      columns.forEach((c, i) => {
        if (c.sum) sums[i]! += numbers[i]!;
      });
      if (r.notes) {
        // A row with comments goes through ExcelJS, which writes the comments part.
        body.flush(row);
        writeNotedRow(sheet, row, r, columns, numbers, rowHeight(r, widths));
      } else body.add(row, r, numbers);
      row++;
      if ((row - bodyStart) % HANDOVER === 0) {
        body.flush(row);
        job.report(WRITING, row - bodyStart, total);
        await body.paced();
      }
    }
    body.flush(row);
    job.report(WRITING, row - bodyStart, total);
    job.checkpoint();
    await breathe();
  };
  if (!first.done) await writeChunk(sample);
  for (let next = chunks.next(); !next.done; next = chunks.next()) await writeChunk(next.value);
  const written = row - bodyStart;

  // Placed after the rows actually written: an enterprise deleted during the export leaves no gap.
  const totalAt = model.total ? row : null;
  if (totalAt !== null) writeTotal(sheet, totalAt, model.total!.label, columns, sums, bodyStart, written);
  writeFooter(sheet, model, (totalAt ?? row - 1) + (model.footer === false ? 0 : 1), notes, widths, columns.length);
  if (model.protect) {
    // No password: the lock keeps the record ids from being changed by accident, not a clerk out.
    await sheet.protect('', { selectLockedCells: true, selectUnlockedCells: true, formatColumns: true });
  }
  // A stop asked for while the last rows were written still stops it: the file is not finished yet.
  job.checkpoint();
  sheet.commit();
  if (choiceLists.length > 0) writePlainSheet(base, workbook, CHOICES_SHEET, transpose(choiceLists));
  for (const hidden of model.hiddenSheets ?? []) writePlainSheet(base, workbook, hidden.name, hidden.rows);
  return written;
}

function* chunksOf(model: ReportModel): Generator<ReportRow[], void, undefined> {
  if (isRowSource(model.rows)) {
    yield* model.rows.chunks();
    return;
  }
  for (let i = 0; i < model.rows.length; i += CHUNK) yield model.rows.slice(i, i + CHUNK);
}

function set(cell: Cell, value: Cell['value'], style: Partial<Style>): void {
  cell.value = value;
  cell.style = style as Style;
}

function writeHead(
  sheet: Worksheet,
  model: ReportModel,
  headerCells: ReturnType<typeof layoutHeader>,
  widths: readonly number[],
): void {
  const count = widths.length;
  const last = columnLetter(count);
  const title = sheet.getRow(1);
  title.height = 32;
  set(title.getCell(1), model.title, TITLE_STYLE);
  if (count > 1) sheet.mergeCells(`A1:${last}1`);
  title.commit();

  const info = sheet.getRow(2);
  info.height = 20;
  const unit = `填报单位：${model.unit}`;
  const when = [model.scope, `填报日期：${chineseDate(model.date)}`].filter(Boolean).join(GAP.repeat(2));
  if (count === 1) set(info.getCell(1), [unit, when].join(GAP), INFO_LEFT);
  else {
    const split = Math.max(1, Math.floor(count / 2));
    set(info.getCell(1), unit, INFO_LEFT);
    set(info.getCell(split + 1), when, INFO_RIGHT);
    if (split > 1) sheet.mergeCells(`A2:${columnLetter(split)}2`);
    if (count - split > 1) sheet.mergeCells(`${columnLetter(split + 1)}2:${last}2`);
  }
  info.commit();

  for (const h of headerCells) {
    const cell = sheet.getCell(2 + h.row, h.col);
    set(cell, h.text, HEADER_STYLE);
    if (h.note) cell.note = h.note;
    if (h.rowSpan > 1 || h.colSpan > 1) {
      const from = `${columnLetter(h.col)}${2 + h.row}`;
      const to = `${columnLetter(h.col + h.colSpan - 1)}${2 + h.row + h.rowSpan - 1}`;
      sheet.mergeCells(`${from}:${to}`);
    }
  }
  const heights = headerHeights(headerCells, widths);
  heights.forEach((height, i) => {
    const row = sheet.getRow(3 + i);
    row.height = height;
    row.commit();
  });
}

/**
 * Header rows tall enough for their wrapped text (a row height is not worked out by every viewer): a cell needs a
 * line per column width of its text, shared among the rows it spans.
 */
function headerHeights(cells: ReturnType<typeof layoutHeader>, widths: readonly number[]): number[] {
  const depth = Math.max(...cells.map((h) => h.row + h.rowSpan - 1));
  const heights = Array.from({ length: depth }, () => 20);
  for (const h of cells) {
    const width = widths.slice(h.col - 1, h.col - 1 + h.colSpan).reduce((a, b) => a + b, 0);
    const lines = Math.ceil(displayWidth(h.text) / Math.max(2, width - 2));
    const each = (lines * 14 + 6) / h.rowSpan;
    for (let r = h.row; r < h.row + h.rowSpan; r++) heights[r - 1] = Math.max(heights[r - 1]!, Math.ceil(each));
  }
  return heights;
}

/** The drop-down of each column with choices: a list on the hidden 下拉选项 sheet, one column per list. */
function addChoices(sheet: Worksheet, columns: readonly ReportColumn[], from: number, to: number): string[][] {
  const lists: string[][] = [];
  columns.forEach((column, i) => {
    if (!column.choices || column.choices.length === 0) return;
    lists.push([...column.choices]);
    const letter = columnLetter(lists.length);
    // The typings leave out the sheet's validations, which the streaming writer has and writes on commit.
    (sheet as unknown as { dataValidations: { add(range: string, v: DataValidation): void } }).dataValidations.add(
      `${columnLetter(i + 1)}${from}:${columnLetter(i + 1)}${to}`,
      {
        type: 'list',
        allowBlank: true,
        formulae: [`'${CHOICES_SHEET}'!$${letter}$1:$${letter}$${column.choices.length}`],
        showErrorMessage: true,
        errorStyle: 'stop',
        errorTitle: `${column.header}填写有误`,
        error: `请从下拉列表中选择${column.header}`,
      },
    );
  });
  return lists;
}

function excelDate(iso: string): Date {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  // ExcelJS turns a Date into a serial through UTC: midnight UTC is exactly the day.
  return new Date(Date.UTC(y, m - 1, d));
}

function cellValue(value: CellValue, column: ReportColumn): Cell['value'] {
  if (value === null || value === '') return null;
  if (column.kind === 'date' && typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return excelDate(value);
  return value;
}

function ratioFormula(columns: readonly ReportColumn[], column: ReportColumn, row: number, values: number[]) {
  const { numerator, denominator } = column.ratio!;
  const n = columns.findIndex((c) => c.key === numerator);
  const d = columns.findIndex((c) => c.key === denominator);
  const [num, den] = [values[n] ?? 0, values[d] ?? 0];
  const ref = (i: number) => `${columnLetter(i + 1)}${row}`;
  // The value is cached beside the formula, so a viewer that does not recalculate shows it too.
  return {
    formula: `IF(${ref(d)}=0,"",${ref(n)}/${ref(d)})`,
    result: den === 0 ? '' : num / den,
  } as Cell['value'];
}

function writeNotedRow(
  sheet: Worksheet,
  at: number,
  r: ReportRow,
  columns: readonly ReportColumn[],
  numbers: number[],
  height: number | null,
) {
  const row = sheet.getRow(at);
  if (height) row.height = height;
  columns.forEach((column, i) => {
    const cell = row.getCell(i + 1);
    const style = bodyStyle(column.kind, { alert: r.alert?.includes(i), editable: column.editable });
    set(cell, column.ratio ? ratioFormula(columns, column, at, numbers) : cellValue(r.cells[i] ?? null, column), style);
    const note = r.notes?.[i];
    if (note) cell.note = note;
  });
  row.commit();
}

function writeTotal(
  sheet: Worksheet,
  at: number,
  label: string,
  columns: readonly ReportColumn[],
  sums: number[],
  bodyStart: number,
  written: number,
): void {
  const row = sheet.getRow(at);
  columns.forEach((column, i) => {
    const cell = row.getCell(i + 1);
    const style = bodyStyle(column.kind, { bold: true });
    if (i === 0) set(cell, label, TOTAL_LABEL);
    else if (column.ratio) set(cell, ratioFormula(columns, column, at, sums), style);
    else if (column.sum && written > 0) {
      const letter = columnLetter(i + 1);
      // The total recalculates from the rows above; its cached value is the same sum.
      set(cell, { formula: `SUM(${letter}${bodyStart}:${letter}${bodyStart + written - 1})`, result: sums[i]! }, style);
    } else if (column.sum) set(cell, 0, style);
    else set(cell, null, style);
  });
  row.commit();
}

function writeFooter(
  sheet: Worksheet,
  model: ReportModel,
  at: number,
  notes: readonly string[],
  widths: readonly number[],
  count: number,
): void {
  const last = columnLetter(count);
  const blank = GAP.repeat(6);
  if (model.footer !== false) {
    const footer = sheet.getRow(at);
    footer.height = 24;
    set(
      footer.getCell(1),
      [`填表人：${model.preparer || blank}`, `审核人：${model.reviewer || blank}`, '联系电话：'].join(GAP.repeat(4)),
      FOOTER_STYLE,
    );
    if (count > 1) sheet.mergeCells(`A${at}:${last}${at}`);
    footer.commit();
  }
  const lineWidth = widths.reduce((a, b) => a + b, 0);
  notes.forEach((text, i) => {
    const row = sheet.getRow(at + 1 + i);
    // A line to spare on wrapped notes: the estimate cannot know the font's exact widths.
    const wrapped = Math.ceil(displayWidth(text) / Math.max(20, lineWidth - 4));
    const lines = wrapped > 1 ? wrapped + 1 : 1;
    row.height = 15 * lines;
    set(row.getCell(1), text, NOTE_STYLE);
    if (count > 1) sheet.mergeCells(`A${at + 1 + i}:${last}${at + 1 + i}`);
    row.commit();
  });
}

function transpose(lists: string[][]): string[][] {
  const height = Math.max(...lists.map((l) => l.length));
  return Array.from({ length: height }, (_, r) => lists.map((l) => l[r] ?? ''));
}

/** A hidden sheet of plain text (the drop-down lists, the 调查表's marker). */
function writePlainSheet(
  base: SheetClass,
  workbook: ExcelJS.stream.xlsx.WorkbookWriter,
  name: string,
  rows: string[][],
): void {
  const width = Math.max(1, ...rows.map((r) => r.length));
  const sheet = addSheet(base, workbook, name, `A1:${columnLetter(width)}${Math.max(1, rows.length)}`, {
    state: 'hidden',
  });
  rows.forEach((cells, i) => {
    const row = sheet.getRow(i + 1);
    cells.forEach((text, j) => set(row.getCell(j + 1), text, PLAIN_STYLE));
    row.commit();
  });
  sheet.commit();
}

/** A failed or cancelled write: close the file so the caller can remove it (Windows keeps open files). */
async function discard(workbook: ExcelJS.stream.xlsx.WorkbookWriter): Promise<void> {
  const internals = workbook as unknown as {
    zip: { abort(): void };
    stream: NodeJS.WritableStream & { close?(): void };
  };
  try {
    internals.zip.abort();
  } catch {
    // Already finished or never started.
  }
  await new Promise<void>((resolve) => {
    const s = internals.stream as unknown as {
      destroyed?: boolean;
      once(e: string, f: () => void): void;
      destroy(): void;
    };
    if (s.destroyed) return resolve();
    s.once('close', () => resolve());
    s.destroy();
    setTimeout(resolve, 1000);
  });
}
