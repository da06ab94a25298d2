import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as XLSX from '@e965/xlsx';
import { describe, expect, it } from 'vitest';
import type { TemplateMapping } from '../../shared/ipc/exports';
import {
  AREA_TITLE_TEXT,
  countyAreaTemplate,
  countyEnterpriseTemplate,
  HEADER_FILL,
  TITLE_TEXT,
} from '../fixtures/excel/countyTemplate';
import { ENTERPRISES, mergesOf, readExcelJS, useTemplateLedger } from './templateSetup';
import { csvAt, csvNumber, recalculatedCsv, sheetjsCell } from './templateSupport';

const s = useTemplateLedger();
const { tmp, township, openTemplate, fill, logged } = s;

describe('filling a county template, one row per enterprise', () => {
  it('guesses the header and mapping, fills every operating enterprise keeping the template, and remembers the mapping', async () => {
    await township();
    const templatePath = join(tmp.dir(), 'XX县非公企业党建统计表.xlsx');
    await countyEnterpriseTemplate().xlsx.writeFile(templatePath);

    const opened = await openTemplate(templatePath);
    expect(opened.saved).toBeNull();
    const sheet = opened.sheets[0]!;
    expect(sheet.name).toBe('企业明细');
    expect(sheet.guessedHeaderRow).toBe(4);
    expect(sheet.head[0]![0]).toBe(TITLE_TEXT);
    expect(sheet.columns.map((c) => c.header)).toEqual([
      '序号',
      '企业名称',
      '统一社会信用代码',
      '所在村（社区）',
      '从业人员数（人）',
      '规模',
      '党员数（名）/正式党员',
      '党员数（名）/预备党员',
      '党员数（名）/合计',
      '组织设置',
      '党组织名称',
      '联系电话',
    ]);
    expect(sheet.columns.filter((c) => c.formula).map((c) => c.letter)).toEqual(['I']);
    const guessed = sheet.guessed!;
    expect(guessed.rowUnit).toBe('enterprise');
    expect(guessed.columns).toEqual([
      { column: 0, source: 'rowNo' },
      { column: 1, source: 'field.name' },
      { column: 2, source: 'field.uscc' },
      { column: 3, source: 'derived.areaName' },
      { column: 4, source: 'field.employees' },
      { column: 5, source: 'derived.sizeBand' },
      { column: 6, source: 'field.fullMembers' },
      { column: 7, source: 'field.probationaryMembers' },
      { column: 9, source: 'field.orgSetting' },
      { column: 10, source: 'derived.partyOrgName' },
      { column: 11, source: 'field.contactPhone' },
    ]);
    expect(opened.sources.enterprise.find((o) => o.key === 'field.contactPhone')!.label).toContain('隐去');

    // The clerk also points the 合计 column at 党员合计: the template's formula stays, and the clerk is told.
    const mapping: TemplateMapping = {
      ...guessed,
      columns: [...guessed.columns, { column: 8, source: 'derived.members' }],
    };
    const out = join(tmp.dir(), 'filled.xlsx');
    const done = await fill(opened, mapping, out);
    expect(done.fileName).toBe('XX县非公企业党建统计表-已填报-2026-11-21.xlsx');
    expect(done.rows).toBe(6);
    expect(done.download).toBeNull();
    expect(done.warnings.some((w) => w.includes('（I列）在模板中是公式'))).toBe(true);

    // SheetJS: every value as the ledger has it, formulas copied down with their results.
    const book = XLSX.read(readFileSync(out), { cellFormula: true });
    const at = (a: string) => sheetjsCell(book, '企业明细', a);
    ENTERPRISES.forEach(([name, uscc, area, employees, band, full, prob, org, orgName, phone], i) => {
      const r = 5 + i;
      expect(at(`A${r}`).v).toBe(i + 1);
      expect(at(`B${r}`).v).toBe(name);
      expect(at(`C${r}`).v).toBe(uscc);
      expect(at(`D${r}`).v).toBe(area);
      expect(at(`E${r}`).v).toBe(employees);
      expect(at(`F${r}`).v).toBe(band);
      expect(at(`G${r}`).v).toBe(full);
      expect(at(`H${r}`).v).toBe(prob);
      expect(at(`I${r}`)).toEqual({ v: full + prob, f: `G${r}+H${r}` });
      expect(at(`J${r}`).v).toBe(org);
      expect(at(`K${r}`).v).toBe(orgName);
      expect(at(`L${r}`).v).toBe(phone);
    });
    // The 商会 (a 社会团体) and the 注销 brick works are not rows; the 合计 row follows the last enterprise.
    expect(at('B11').v).toBeNull();
    expect(at('A11').v).toBe('合计');
    expect(at('E11')).toEqual({ v: 438, f: 'SUM(E5:E10)' });
    expect(at('G11')).toEqual({ v: 11, f: 'SUM(G5:G10)' });
    expect(at('H11')).toEqual({ v: 2, f: 'SUM(H5:H10)' });
    expect(at('I11')).toEqual({ v: 13, f: 'SUM(I5:I10)' });
    expect(at('A13').v).toBe('填表人：');
    expect(at('G13').v).toBe('审核人：');
    expect(at('A2').v).toBe('填报单位：中共长乐镇委员会');
    expect(at('I2').v).toBe('填报日期：2026年11月21日');

    // ExcelJS: the title, header styles and merges are the template's; merges below the data moved down with it.
    const ws = (await readExcelJS(out)).getWorksheet('企业明细')!;
    expect(ws.getCell('A1').value).toBe(TITLE_TEXT);
    expect(ws.getCell('A1').font.size).toBe(18);
    expect(mergesOf(ws)).toEqual(
      [
        'A1:L1',
        'A2:F2',
        'A3:A4',
        'B3:B4',
        'C3:C4',
        'D3:D4',
        'E3:E4',
        'F3:F4',
        'G3:I3',
        'J3:J4',
        'K3:K4',
        'L3:L4',
        'A11:D11',
      ].sort(),
    );
    expect(ws.getCell('B3').fill).toEqual(HEADER_FILL);
    expect(ws.getCell('H4').font).toMatchObject({ name: '黑体', bold: true });
    for (const address of ['B5', 'B10', 'L9', 'E11']) {
      expect(ws.getCell(address).border, address).toMatchObject({ top: { style: 'thin' }, bottom: { style: 'thin' } });
    }
    expect(ws.getCell('B10').font).toMatchObject({ name: '宋体', size: 11 });
    // A data row's cell, not the header's: no header fill was copied down.
    expect(ws.getCell('B10').fill).not.toEqual(HEADER_FILL);
    expect(ws.getRow(10).height).toBe(20);
    expect(ws.getCell('I10').formula).toBe('G10+H10');
    expect(ws.pageSetup.printTitlesRow).toBe('3:4');
    expect(ws.workbook.definedNames.model).toEqual([{ name: '从业人员合计', ranges: ["'企业明细'!$E$11"] }]);

    // LibreOffice recalculates every formula itself and gets the same figures.
    const csv = await recalculatedCsv(out);
    expect(csvAt(csv, 'I6')).toBe('6');
    expect(csvAt(csv, 'I10')).toBe('3');
    expect(['E11', 'G11', 'H11', 'I11'].map((a) => csvAt(csv, a))).toEqual(['438', '11', '2', '13']);

    // The mapping is kept for next year, and the export is in the log.
    const { mappings, log } = await logged();
    expect(mappings).toHaveLength(1);
    expect(mappings[0]!.name).toBe('XX县非公企业党建统计表.xlsx');
    expect(log).toEqual([
      { report: 'template', fileName: done.fileName, rows: 6, unmasked: 0, scope: 'XX县非公企业党建统计表.xlsx' },
    ]);

    const again = await openTemplate(templatePath);
    expect(again.saved).toEqual(mapping);

    // Next year's copy: a different title, five data rows with last year's figures in them, the same header.
    const copy = countyEnterpriseTemplate({ dataRows: 5, subtitle: '（2027年度）' });
    const copySheet = copy.getWorksheet('企业明细')!;
    copySheet.getCell('B6').value = '去年的某企业';
    copySheet.getCell('E6').value = 999;
    const copyPath = join(tmp.dir(), '2027年县模板.xlsx');
    await copy.xlsx.writeFile(copyPath);
    const reopened = await openTemplate(copyPath);
    expect(reopened.saved).toEqual({ ...mapping, headerRow: 5 });
  });
});

describe('filling a county template, one row per area', () => {
  it('matches the listed areas, adds the ledger area the county did not list, and keeps the 合计 formulas right', async () => {
    await township();
    const templatePath = join(tmp.dir(), '覆盖情况统计表.xlsx');
    await countyAreaTemplate().xlsx.writeFile(templatePath);

    const opened = await openTemplate(templatePath);
    const sheet = opened.sheets[0]!;
    expect(sheet.guessedHeaderRow).toBe(4);
    const guessed = sheet.guessed!;
    expect(guessed.rowUnit).toBe('area');
    const by = Object.fromEntries(guessed.columns.map((c) => [String.fromCharCode(65 + c.column), c.source]));
    expect(by).toEqual({
      A: 'rowNo',
      B: 'stat.areaName',
      C: 'stat.enterprises',
      D: 'stat.band.A',
      E: 'stat.band.B',
      F: 'stat.band.C',
      G: 'stat.band.D',
      H: 'stat.orgs.standalone',
      I: 'stat.orgs.joint',
      J: 'stat.orgs.attached',
      K: 'stat.withMembers',
      L: 'stat.membersNoOrg',
      M: 'stat.fullMembers',
      N: 'stat.probationaryMembers',
      O: 'indicator.org-coverage-members.denominator',
      P: 'indicator.org-coverage-members.numerator',
      Q: 'indicator.org-coverage-members.rate',
    });

    const out = join(tmp.dir(), 'area-filled.xlsx');
    const done = await fill(opened, guessed, out);
    expect(done.rows).toBe(5);
    expect(done.warnings).toEqual([
      '模板中的“南山村”（第8行）在台账中没有对应的区域，该行未填写',
      '台账中的区域“工业园区”不在模板中，已添加在表格末尾，请核对',
    ]);

    // The dashboard's own figures for the indicator the rate columns show.
    const indicator = await s.result('org-coverage-members');
    expect([indicator.numerator, indicator.denominator]).toEqual([4, 5]);

    const book = XLSX.read(readFileSync(out), { cellFormula: true });
    const row = (r: number) => 'ABCDEFGHIJKLMNOPQ'.split('').map((c) => sheetjsCell(book, '覆盖情况', `${c}${r}`).v);
    // 序号, 区域, 企业数, A/B/C/D, 单独/联合/挂靠, 有党员, 有党员未建, 正式, 预备, 应覆盖, 已覆盖, 覆盖率
    expect(row(5)).toEqual([1, '长安村', 2, 1, 0, 0, 1, 1, 0, 0, 1, 0, 5, 1, 1, 1, 1]);
    expect(row(6)).toEqual([2, '东湖社区', 2, 0, 1, 0, 1, 0, 2, 0, 2, 0, 3, 0, 2, 2, 1]);
    expect(row(7)).toEqual([3, '西岭村', 1, 1, 0, 0, 0, 0, 0, 0, 1, 1, 0, 1, 1, 0, 0]);
    expect(row(8)).toEqual([4, '南山村', ...Array(15).fill(null)]);
    expect(row(9)).toEqual([5, '工业园区', 1, 0, 0, 0, 1, 0, 0, 1, 1, 0, 3, 0, 1, 1, 1]);
    expect(row(10)).toEqual([null, '合计', 6, 2, 1, 0, 3, 1, 2, 1, 5, 1, 11, 2, 5, 4, 0.8]);
    expect(sheetjsCell(book, '覆盖情况', 'C10').f).toBe('SUM(C5:C9)');
    expect(sheetjsCell(book, '覆盖情况', 'Q10').f).toBe('IF(O10=0,0,P10/O10)');
    expect(sheetjsCell(book, '覆盖情况', 'A11').v).toBe('注：覆盖率=已覆盖/应覆盖。');

    const ws = (await readExcelJS(out)).getWorksheet('覆盖情况')!;
    expect(ws.getCell('A1').value).toBe(AREA_TITLE_TEXT);
    expect(mergesOf(ws)).toEqual(
      ['A1:Q1', 'A2:H2', 'A3:A4', 'B3:B4', 'C3:C4', 'D3:G3', 'H3:J3', 'K3:K4', 'L3:L4', 'M3:N3', 'O3:Q3'].sort(),
    );
    expect(ws.getCell('Q9').numFmt).toBe('0.0%');
    expect(ws.getCell('B9').border).toMatchObject({ left: { style: 'thin' }, right: { style: 'thin' } });

    const csv = await recalculatedCsv(out);
    expect('CDEFGHIJKLMNOP'.split('').map((c) => csvAt(csv, `${c}10`))).toEqual([
      '6',
      '2',
      '1',
      '0',
      '3',
      '1',
      '2',
      '1',
      '5',
      '1',
      '11',
      '2',
      '5',
      '4',
    ]);
    expect(csvNumber(csv, 'Q10')).toBeCloseTo(0.8, 10);
  });

  it('lists every ledger area when the template names none, and counts every kind when asked', async () => {
    await township();
    const templatePath = join(tmp.dir(), '空白区域表.xlsx');
    await countyAreaTemplate([]).xlsx.writeFile(templatePath);
    const opened = await openTemplate(templatePath);
    const mapping: TemplateMapping = { ...opened.sheets[0]!.guessed!, scope: 'all' };
    const out = join(tmp.dir(), 'blank-filled.xlsx');
    const done = await fill(opened, mapping, out);
    expect(done.rows).toBe(4);
    expect(done.warnings).toEqual([]);
    const book = XLSX.read(readFileSync(out));
    const at = (a: string) => sheetjsCell(book, '覆盖情况', a).v;
    expect(['B5', 'B6', 'B7', 'B8', 'B9'].map(at)).toEqual(['长安村', '东湖社区', '西岭村', '工业园区', '合计']);
    // The 商会 counts in 长安村 now (a 社会团体 with members and no organisation); the rates keep their own scope.
    expect([at('C5'), at('K5'), at('L5'), at('M5')]).toEqual([3, 2, 1, 7]);
    expect([at('C9'), at('M9'), at('O9'), at('P9')]).toEqual([7, 13, 5, 4]);
  });
});
