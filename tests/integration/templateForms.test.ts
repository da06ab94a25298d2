import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as XLSX from '@e965/xlsx';
import { describe, expect, it } from 'vitest';
import type { TemplateFilled } from '../../shared/ipc/exports';
import { countyEnterpriseTemplate, plainTemplate } from '../fixtures/excel/countyTemplate';
import { ENTERPRISES, mergesOf, readExcelJS, useTemplateLedger } from './templateSetup';
import { csvAt, recalculatedCsv, sheetjsCell } from './templateSupport';

const s = useTemplateLedger();
const { tmp, township, openTemplate, fill, logged } = s;

describe('filling a plainer form', () => {
  it("repeats the data row's merges, totals the blank 合计 cells, and hands the browser a download", async () => {
    await township();
    const templatePath = join(tmp.dir(), '简表.xlsx');
    await plainTemplate().xlsx.writeFile(templatePath);
    const opened = await openTemplate(templatePath);
    const guessed = opened.sheets[0]!.guessed!;
    expect(opened.sheets[0]!.guessedHeaderRow).toBe(1);
    expect(guessed.columns).toEqual([
      { column: 0, source: 'rowNo' },
      { column: 1, source: 'field.name' },
      { column: 3, source: 'field.employees' },
      { column: 4, source: 'derived.members' },
    ]);
    const done = await s.call<TemplateFilled>('templates:fill', { sessionId: opened.sessionId, mapping: guessed });
    expect(done.download).toMatch(/^[A-Za-z0-9_-]{24}$/);

    // The same session fills again, this time to a chosen file.
    const out = join(tmp.dir(), 'plain.xlsx');
    await fill(opened, guessed, out);
    const ws = (await readExcelJS(out)).getWorksheet('Sheet1')!;
    expect(mergesOf(ws)).toEqual(['B1:C1', 'B2:C2', 'B3:C3', 'B4:C4', 'B5:C5', 'B6:C6', 'B7:C7'].sort());
    expect([2, 3, 4, 5, 6, 7].map((r) => ws.getCell(`B${r}`).value)).toEqual(ENTERPRISES.map((e) => e[0]));
    expect(ws.getCell('A8').value).toBe('合 计');
    expect(ws.getCell('D8').value).toEqual({ formula: 'SUM(D2:D7)', result: 438 });
    expect(ws.getCell('E8').value).toEqual({ formula: 'SUM(E2:E7)', result: 13 });
    // 序号 is not added up.
    expect(ws.getCell('A8').value).toBe('合 计');
    expect(ws.getCell('B8').value).toBeNull();
    expect(ws.getCell('C7').border).toMatchObject({ right: { style: 'thin' } });
    const csv = await recalculatedCsv(out);
    expect([csvAt(csv, 'D8'), csvAt(csv, 'E8')]).toEqual(['438', '13']);
    expect((await logged()).log).toHaveLength(2);
  });
});

describe('a template with a shared formula', () => {
  it('copies the shared formula down as plain formulas with their results', async () => {
    await township();
    const templatePath = join(tmp.dir(), '共享公式.xlsx');
    await countyEnterpriseTemplate({ sharedFormulas: true, dataRows: 3 }).xlsx.writeFile(templatePath);
    const raw = await readExcelJS(templatePath);
    expect(raw.getWorksheet('企业明细')!.getCell('I6').value).toMatchObject({ sharedFormula: 'I5' });
    const opened = await openTemplate(templatePath);
    expect(opened.sheets[0]!.columns[8]!.formula).toBe(true);
    const out = join(tmp.dir(), 'shared.xlsx');
    await fill(opened, opened.sheets[0]!.guessed!, out);
    // SheetJS for the results (ExcelJS reads a cached 0 back as no result at all).
    const book = XLSX.read(readFileSync(out), { cellFormula: true });
    const at = (a: string) => sheetjsCell(book, '企业明细', a);
    expect([5, 6, 7, 8, 9, 10].map((r) => at(`I${r}`))).toEqual(
      ENTERPRISES.map((e, i) => ({ v: e[5] + e[6], f: `G${5 + i}+H${5 + i}` })),
    );
    expect(at('I11')).toEqual({ v: 13, f: 'SUM(I5:I10)' });
  });
});

describe("last year's filled copy", () => {
  it('overwrites the old rows, empties the ones left over, and keeps the 合计 over the whole area', async () => {
    await township();
    const copy = countyEnterpriseTemplate({ dataRows: 8 });
    const sheet = copy.getWorksheet('企业明细')!;
    sheet.getCell('B12').value = '去年的某企业';
    sheet.getCell('E12').value = 999;
    sheet.getCell('K12').value = '去年的党支部';
    const path = join(tmp.dir(), '去年已填.xlsx');
    await copy.xlsx.writeFile(path);
    const opened = await openTemplate(path);
    const out = join(tmp.dir(), 'reused.xlsx');
    const done = await fill(opened, opened.sheets[0]!.guessed!, out);
    expect(done.rows).toBe(6);
    const book = XLSX.read(readFileSync(out), { cellFormula: true });
    const at = (a: string) => sheetjsCell(book, '企业明细', a);
    expect(at('B10').v).toBe('园区电子有限公司');
    expect([at('B11').v, at('B12').v, at('E12').v, at('K12').v]).toEqual([null, null, null, null]);
    expect(at('I12')).toEqual({ v: 0, f: 'G12+H12' });
    expect(at('A13').v).toBe('合计');
    expect(at('E13')).toEqual({ v: 438, f: 'SUM(E5:E12)' });
  });
});
