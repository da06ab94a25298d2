import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as XLSX from '@e965/xlsx';
import { convertAll } from '../support/libreoffice';

/**
 * A workbook's first sheet after LibreOffice has recalculated every formula: a formula's value is what LibreOffice
 * computes, not the result cached in the file. Cells are the text LibreOffice shows (a rate as 80%).
 */
export async function recalculatedCsv(xlsx: string): Promise<string[][]> {
  const work = mkdtempSync(join(tmpdir(), 'lo-template-'));
  try {
    const [csv] = await convertAll([xlsx], 'csv', work);
    const book = XLSX.read(readFileSync(csv!, 'utf8'), { type: 'string', raw: true });
    const sheet = book.Sheets[book.SheetNames[0]!]!;
    return XLSX.utils.sheet_to_json<string[]>(sheet, { header: 1, raw: false, defval: '', blankrows: true });
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** A CSV cell as a number; LibreOffice writes a percentage as shown (80%), whatever the filter is told. */
export function csvNumber(rows: string[][], address: string): number {
  const text = csvAt(rows, address);
  return text.endsWith('%') ? Number(text.slice(0, -1)) / 100 : Number(text);
}

/** A CSV cell by its address (B7). */
export function csvAt(rows: string[][], address: string): string {
  const m = /^([A-Z]+)(\d+)$/.exec(address)!;
  const col = XLSX.utils.decode_col(m[1]!);
  return rows[Number(m[2]) - 1]?.[col] ?? '';
}

/** SheetJS's reading of a cell: its value (the cached result for a formula) and its formula. */
export function sheetjsCell(book: XLSX.WorkBook, sheet: string, address: string): { v: unknown; f?: string } {
  const cell = book.Sheets[sheet]?.[address] as XLSX.CellObject | undefined;
  return { v: cell?.v ?? null, ...(cell?.f ? { f: cell.f } : {}) };
}
