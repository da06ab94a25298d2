import { REPORTS, type ReportId } from './kinds';

/**
 * An upward report as plain data: what the table says, not how a workbook spells it. Every report is built as one
 * of these (electron/core/reports) and written by the one writer (electron/core/excel/write), so titles, headers,
 * borders, print settings and the 填表人 line are the same on every table a clerk sends up.
 */

/** How a column's values are written: text, whole numbers, amounts to two decimals, rates, calendar dates. */
export type ColumnKind = 'text' | 'int' | 'amount' | 'percent' | 'date';

export interface ReportColumn {
  key: string;
  /** The bottom header cell's text. */
  header: string;
  /** The width the column wants, in Chinese characters; the writer widens it to fit what it holds. */
  width: number;
  kind: ColumnKind;
  /**
   * A rate worked out in the sheet: `numerator / denominator` of two columns of the same row, written as a formula
   * with its value cached, so the 合计 row's rate is of the totals and not a sum of rates.
   */
  ratio?: { numerator: string; denominator: string };
  /** Summed in the 合计 row (counts and amounts). */
  sum?: boolean;
  /** A comment on the header cell: how the column is counted where that is a judgement. */
  note?: string;
  /** A drop-down list for the cells of this column (the 调查表's coded fields). */
  choices?: readonly string[];
  /** A cell the person filling the sheet may change (the 调查表); every other cell stays locked. */
  editable?: boolean;
}

/** A header cell over several columns; a plain string is a column's key, whose own header is the bottom cell. */
export interface HeaderGroup {
  label: string;
  children: HeaderNode[];
  note?: string;
}
export type HeaderNode = HeaderGroup | string;

export type CellValue = string | number | null;

export interface ReportRow {
  /** One value per column, in column order; a date is YYYY-MM-DD text. */
  cells: CellValue[];
  /** Columns (by index) shown in red: an overdue milestone, a shortfall. */
  alert?: readonly number[];
  /** Comments on cells of this row, by column index. */
  notes?: Readonly<Record<number, string>>;
}

/** Rows read in chunks: a report of a hundred thousand enterprises is never held whole. */
export interface RowSource {
  /** How many rows there will be (the progress total and the sheet's dimension). */
  count: number;
  chunks(): Iterable<ReportRow[]>;
}

/** A hidden sheet of plain text: the 调查表's marker and the lists its drop-downs offer. */
export interface HiddenSheet {
  name: string;
  /** Rows of cells from A1. */
  rows: string[][];
}

export interface ReportModel {
  /** An upward report, the 发文登记簿 or the 全县汇总表 (written by the same writer, not upward reports of a ledger). */
  report: ReportId | 'register' | 'county';
  sheetName: string;
  title: string;
  /** 填报单位: the ledger's 党委全称. */
  unit: string;
  /** 填报日期, YYYY-MM-DD. */
  date: string;
  /** What the table covers beyond the whole township, e.g. 范围：东门村; 统计截止日期. Shown on the 填报单位 line. */
  scope: string;
  header: HeaderNode[];
  columns: ReportColumn[];
  rows: ReportRow[] | RowSource;
  /** A 合计 row under the body: `label` in the first column, SUM formulas under the summed columns. */
  total?: { label: string };
  preparer: string;
  reviewer: string;
  /** The 填表人/审核人 line; left off a sheet that is read back row by row (the 调查表). Default true. */
  footer?: boolean;
  /** 说明 lines printed under the 填表人 line: how numbers were counted where that is a judgement. */
  notes?: string[];
  /** Columns kept in view when scrolling sideways (the name). */
  freezeColumns?: number;
  /** Sheet protection with only `editable` columns' body cells unlocked. */
  protect?: boolean;
  hiddenSheets?: HiddenSheet[];
}

export function isRowSource(rows: ReportModel['rows']): rows is RowSource {
  return !Array.isArray(rows);
}

export function rowCountOf(model: ReportModel): number {
  return isRowSource(model.rows) ? model.rows.count : model.rows.length;
}

/**
 * The choices each report takes beyond 显示完整个人信息, so a screen offers only those: `area` narrows it to one area
 * and/or one work group, `year` picks the year, `campaign` one 专项行动. Reports without `area` cover the whole
 * township (the statistics are of the township as a whole).
 */
export const REPORT_SCOPES: Readonly<Record<ReportId, readonly ('area' | 'year' | 'campaign')[]>> = {
  ledger: ['area'],
  coverage: [],
  'party-stats': [],
  unorganised: ['area'],
  instructors: ['area'],
  contacts: ['area'],
  plans: ['area', 'year', 'campaign'],
  assessments: ['area', 'year'],
  survey: ['area'],
};

/** 长乐镇-东门村-台账明细表-2026-11-21.xlsx: where it is from, what it is, when it was made. */
export function reportFileName(township: string, report: ReportId, scopeName: string | null, date: string): string {
  const parts = [township, scopeName, REPORTS[report], date].filter((p): p is string => !!p);
  // Characters Windows refuses in a file name become full-width look-alikes or go.
  return `${parts.join('-').replace(/[\\/:*?"<>|]/g, '_')}.xlsx`;
}

/** A width a person reads: a Chinese character (or any full-width one) takes two ASCII places. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += (ch.codePointAt(0) ?? 0) > 0xff ? 2 : 1;
  return width;
}

/** The header's depth: how many rows it takes. */
export function headerDepth(nodes: readonly HeaderNode[]): number {
  return Math.max(1, ...nodes.map((n) => (typeof n === 'string' ? 1 : 1 + headerDepth(n.children))));
}

/** The column keys under a header node, left to right. */
export function leafKeys(nodes: readonly HeaderNode[]): string[] {
  return nodes.flatMap((n) => (typeof n === 'string' ? [n] : leafKeys(n.children)));
}

/** 2026年11月21日 */
export function chineseDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return `${y}年${m}月${d}日`;
}
