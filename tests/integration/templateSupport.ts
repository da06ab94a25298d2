import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import * as XLSX from '@e965/xlsx';

/**
 * LibreOffice for the template tests: converts a workbook to CSV after recalculating every formula, so a formula's
 * value is what LibreOffice computes, not the result cached in the file. A private profile (set to recalculate
 * OOXML files on load) keeps it apart from any other soffice running. tests/support/libreoffice.ts was not there
 * when these tests were written; this is the small local helper the brief allows.
 */
const RECALC_ALWAYS = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>`;

/** Comma, double quote, UTF-8, from line 1. */
const CSV_FILTER = 'csv:Text - txt - csv (StarCalc):44,34,76,1';

export function recalculatedCsv(xlsx: string): string[][] {
  if (!existsSync('/usr/bin/soffice'))
    throw new Error('LibreOffice (soffice) is required: apt-get install -y libreoffice-calc-nogui');
  const work = mkdtempSync(join(tmpdir(), 'lo-template-'));
  try {
    const profile = join(work, 'profile');
    mkdirSync(join(profile, 'user'), { recursive: true });
    writeFileSync(join(profile, 'user', 'registrymodifications.xcu'), RECALC_ALWAYS);
    execFileSync(
      'soffice',
      [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', CSV_FILTER, '--outdir', work, xlsx],
      { timeout: 180_000, stdio: 'pipe' },
    );
    const csv = join(work, `${basename(xlsx).replace(/\.xlsx$/i, '')}.csv`);
    return parseCsv(readFileSync(csv, 'utf8'));
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const endCell = () => {
    row.push(cell);
    cell = '';
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') endCell();
    else if (ch === '\n') {
      endCell();
      rows.push(row);
      row = [];
    } else if (ch !== '\r') cell += ch;
  }
  if (cell !== '' || row.length > 0) {
    endCell();
    rows.push(row);
  }
  return rows;
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
