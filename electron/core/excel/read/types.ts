import type { ImportFormat } from '../../../../shared/excel/kinds';

/**
 * A cell as a reader hands it over: what the file held, before any field's rules are applied. Text stays text
 * (a credit code or 身份证号 is never turned into a number); a Date's UTC fields are the sheet's date and time.
 */
export type CellValue = string | number | boolean | Date | null;

export interface SheetRow {
  /** The sheet's own row number (1-based); for CSV the line number the record starts on. */
  row: number;
  /** By column, 0-based; trailing empty cells may be missing. */
  cells: CellValue[];
}

/** How many rows with content each sheet's head carries. */
export const HEAD_ROWS = 30;

export interface SheetHead {
  name: string;
  /** Hidden in the workbook (often a list of codes behind a drop-down); present only when true. */
  hidden?: boolean;
  /** The first rows with content (up to HEAD_ROWS), in the reader's shape, for picking header rows and guessing. */
  rows: SheetRow[];
}

export interface SpreadsheetInfo {
  format: ImportFormat;
  fileName: string;
  sheets: SheetHead[];
}

/** What keeps a hostile or absurd file from taking the app down. Every reader enforces all of them. */
export interface ReadLimits {
  /** Bytes on disk of an .xlsx (streamed, so it may be large). */
  maxFileBytes: number;
  /** Bytes on disk of an .xls, .et or .csv (parsed whole in memory). */
  maxLegacyFileBytes: number;
  /** An .xlsx's parts once unzipped, all together (declared and, while streaming, counted). */
  maxUnzippedBytes: number;
  /** Rows with content (blank rows do not count). */
  maxRows: number;
  maxColumns: number;
  /** Wall-clock budget for reading one sheet. */
  maxMillis: number;
  /** After this many blank rows in a row the data is taken to have ended (a million empty styled rows). */
  maxBlankRun: number;
}

export const DEFAULT_LIMITS: Readonly<ReadLimits> = Object.freeze({
  maxFileBytes: 100 * 1024 * 1024,
  maxLegacyFileBytes: 30 * 1024 * 1024,
  maxUnzippedBytes: 1024 * 1024 * 1024,
  maxRows: 200_000,
  maxColumns: 500,
  maxMillis: 120_000,
  maxBlankRun: 1_000,
});
