import type { stream, Worksheet } from 'exceljs';
import type WorksheetWriter from 'exceljs/lib/stream/xlsx/worksheet-writer.js';

/** ExcelJS's streaming sheet class, loaded with ExcelJS on first use (lazyLibs.ts) and handed in. */
export type SheetClass = typeof WorksheetWriter;

type SheetOptions = {
  properties?: Partial<Worksheet['properties']>;
  state?: Worksheet['state'];
  pageSetup?: Partial<Worksheet['pageSetup']>;
  views?: Partial<Worksheet['views'][number]>[];
  headerFooter?: Partial<Worksheet['headerFooter']>;
};

/**
 * The streaming writer writes a sheet's opening (properties, views) the moment the sheet is made, so the dimension
 * has to be known then: it is handed in through a subclass made per sheet.
 */
function writerWithDimension(base: SheetClass, ref: string) {
  return class extends base {
    protected override _writeSheetProperties(
      buffer: { addText(t: string): void },
      properties: unknown,
      setup: unknown,
    ) {
      super._writeSheetProperties(buffer, properties, setup);
      // CT_Worksheet puts <dimension> right after <sheetPr>.
      buffer.addText(`<dimension ref="${ref}"/>`);
    }
  };
}

interface WorkbookInternals {
  nextId: number;
  useSharedStrings: boolean;
  _worksheets: unknown[];
}

/**
 * `workbook.addWorksheet` with the sheet's used range written as its <dimension>. `ref` is e.g. A1:BC50004; the rows
 * written must stay within it.
 */
export function addSheet(
  base: SheetClass,
  workbook: stream.xlsx.WorkbookWriter,
  name: string,
  ref: string,
  options: SheetOptions,
): Worksheet {
  const internals = workbook as unknown as WorkbookInternals;
  const id = internals.nextId;
  const Writer = writerWithDimension(base, ref);
  const sheet = new Writer({ id, name, workbook, useSharedStrings: internals.useSharedStrings, ...options });
  internals._worksheets[id] = sheet;
  return sheet as unknown as Worksheet;
}

/** A, B, … Z, AA, …: the column letters of a 1-based column number. */
export function columnLetter(n: number): string {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}
