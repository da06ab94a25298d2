import type * as XLSX from '@e965/xlsx';
import { loadXlsx } from '../../lazyLibs';
import { badFile, legacyProblem } from './problems';
import type { CellValue, SheetRow } from './types';

/**
 * .xls and .et (BIFF in an OLE container — WPS writes its .et like an .xls), and the "Excel" files other systems
 * export as an HTML table or XML Spreadsheet 2003, parsed whole by SheetJS: these are small in practice and the
 * file size limit keeps them so. Dates come from the cell's number format, as UTC like the .xlsx reader's.
 */
export interface LegacyBook {
  names: string[];
  hidden: Set<string>;
  sheets: Map<string, XLSX.WorkSheet>;
  date1904: boolean;
  /** SheetJS's number-format test, kept with the book so reading its rows needs no second load. */
  isDate: (fmt: string) => boolean;
}

export type LegacySource = { kind: 'binary'; bytes: Buffer } | { kind: 'markup'; text: string };

export async function parseLegacy(
  source: LegacySource,
  formatName: string,
  only?: { sheet?: string; rows?: number },
): Promise<LegacyBook> {
  const xlsx = await loadXlsx();
  let wb: XLSX.WorkBook;
  try {
    const common: XLSX.ParsingOptions = {
      dense: true,
      cellDates: false,
      cellNF: true,
      cellHTML: false,
      cellFormula: false,
      cellStyles: false,
      raw: true,
      ...(only?.sheet !== undefined ? { sheets: [only.sheet] } : {}),
      ...(only?.rows !== undefined ? { sheetRows: only.rows } : {}),
    };
    wb =
      source.kind === 'binary'
        ? xlsx.read(source.bytes, { ...common, type: 'buffer' })
        : xlsx.read(source.text, { ...common, type: 'string' });
  } catch (err) {
    throw legacyProblem(err, formatName);
  }
  const names = wb.SheetNames.slice();
  const hidden = new Set<string>();
  (wb.Workbook?.Sheets ?? []).forEach((s, i) => {
    const name = names[i];
    if (name !== undefined && s.Hidden) hidden.add(name);
  });
  const sheets = new Map<string, XLSX.WorkSheet>();
  for (const name of names) {
    // Read through the SheetNames list and a Map: a sheet named __proto__ is an ordinary name here.
    const ws = Object.prototype.hasOwnProperty.call(wb.Sheets, name) ? wb.Sheets[name] : undefined;
    if (ws) sheets.set(name, ws);
  }
  if (names.length === 0) throw badFile.noSheets();
  return { names, hidden, sheets, date1904: Boolean(wb.Workbook?.WBProps?.date1904), isDate: xlsx.SSF.is_date };
}

/** A parsed sheet's rows with content, numbered as the sheet numbers them. */
export function* legacyRows(book: LegacyBook, name: string): Generator<SheetRow> {
  const ws = book.sheets.get(name);
  if (!ws) return;
  const data = (ws as { '!data'?: (XLSX.CellObject | undefined)[][] })['!data'];
  if (!data) return;
  for (let r = 0; r < data.length; r++) {
    const row = data[r];
    if (!row) continue;
    const cells: CellValue[] = [];
    for (let c = 0; c < row.length; c++) cells.push(cellValue(row[c], book));
    yield { row: r + 1, cells };
  }
}

function cellValue(cell: XLSX.CellObject | undefined, book: LegacyBook): CellValue {
  if (!cell) return null;
  switch (cell.t) {
    case 's':
      return cell.v === undefined || cell.v === null ? null : String(cell.v);
    case 'b':
      return Boolean(cell.v);
    case 'e':
      return cell.w ?? null;
    case 'd':
      return cell.v instanceof Date ? cell.v : null;
    case 'n': {
      const v = cell.v as number;
      if (typeof v !== 'number' || !Number.isFinite(v)) return null;
      const fmt = typeof cell.z === 'string' ? cell.z : '';
      if (fmt && book.isDate(fmt)) return new Date(Math.round((v + (book.date1904 ? 1462 : 0) - 25569) * 86_400_000));
      return v;
    }
    default:
      return null;
  }
}
