import type { ImportFormat } from '../../../../shared/excel/kinds';

/** A cell as a reader hands it over: what the file held, before any field's rules are applied. */
export type CellValue = string | number | boolean | Date | null;

export interface SheetRow {
  /** The sheet's own row number (1-based); for CSV the line number. */
  row: number;
  /** By column, 0-based; trailing empty cells may be missing. */
  cells: CellValue[];
}

export interface SheetHead {
  name: string;
  /** The first rows (up to HEAD_ROWS), in the reader's shape, for picking header rows and guessing. */
  rows: SheetRow[];
}

export interface SpreadsheetInfo {
  format: ImportFormat;
  fileName: string;
  sheets: SheetHead[];
}

/** What keeps a hostile or absurd file from taking the app down. Every reader enforces all of them. */
export interface ReadLimits {
  /** Bytes on disk. */
  maxFileBytes: number;
  /** Rows with content (blank rows do not count). */
  maxRows: number;
  maxColumns: number;
  /** Wall-clock budget for reading one sheet. */
  maxMillis: number;
  /** After this many blank rows in a row the data is taken to have ended (a million empty styled rows). */
  maxBlankRun: number;
}
