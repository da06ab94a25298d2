import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, test } from 'vitest';
import { REPORTS, type ReportId } from '../../shared/excel/kinds';
import { convertAll, pdfPageCount } from '../support/libreoffice';
import { cell, firstSheet, readBook, useExportLedger } from './exportSetup';

/**
 * Every report opened by LibreOffice, as a clerk's office suite would: printed to PDF with the sheet's own page
 * setup (A4, fit to width, header rows repeated), and loaded with every formula recalculated, which must give
 * back exactly the 合计 and rates written beside the formulas. One soffice run for each, all files at once.
 */
const t = useExportLedger(300, 11);

const ALL = Object.keys(REPORTS) as ReportId[];

// Without LibreOffice this fails with how to install it (as the browser tests do without Chromium): never skipped.
describe('LibreOffice', () => {
  test('all reports print on A4 with the pages expected, and their formulas recalculate to the values written', async () => {
    const files: string[] = [];
    for (const report of ALL) files.push((await t.exportReport(report, { year: 2026 })).path);
    // Proof that loading really recalculates: a formula whose cached value is wrong comes back right.
    const control = join(t.dir(), 'control.xlsx');
    const book = new ExcelJS.Workbook();
    book.addWorksheet('control').getCell('A1').value = { formula: '1+1', result: 5 } as ExcelJS.CellFormulaValue;
    await book.xlsx.writeFile(control);

    const pdfs = await convertAll(files, 'pdf', join(t.dir(), 'pdf'));
    const pages = Object.fromEntries(ALL.map((r, i) => [r, pdfPageCount(pdfs[i]!)])) as Record<ReportId, number>;
    // The statistics tables and the short 名册s fit one landscape page each at fit-to-width.
    for (const r of ['coverage', 'party-stats', 'instructors', 'unorganised', 'plans'] as const) {
      expect(pages[r], REPORTS[r]).toBe(1);
    }
    // The ledger of 300 enterprises runs over several pages, as does the 调查表; none is cut into column strips
    // (that would at least double the pages of every table).
    expect(pages.ledger).toBeGreaterThanOrEqual(2);
    expect(pages.ledger).toBeLessThanOrEqual(8);
    expect(pages.survey).toBeGreaterThanOrEqual(2);
    expect(pages.contacts + pages.assessments).toBeLessThanOrEqual(4);

    const recalculated = await convertAll([...files, control], 'xlsx', join(t.dir(), 'recalculated'));
    expect(cell(firstSheet(readBook(recalculated.at(-1)!)), 'A1')?.v).toBe(2);
    let formulas = 0;
    ALL.forEach((report, i) => {
      const written = firstSheet(readBook(files[i]!));
      const again = firstSheet(readBook(recalculated[i]!));
      for (const [address, c] of Object.entries(written)) {
        if (address.startsWith('!') || !(c as { f?: string }).f) continue;
        formulas++;
        const was = (c as { v?: unknown }).v;
        const now = cell(again, address)?.v;
        if (typeof was === 'number') expect(now as number, `${REPORTS[report]} ${address}`).toBeCloseTo(was, 9);
        else expect(now ?? '', `${REPORTS[report]} ${address}`).toBe(was ?? '');
      }
    });
    expect(formulas).toBeGreaterThan(50);
  }, 240_000);
});
