import { describe, expect, it } from 'vitest';
import { SheetEvaluator, type Scalar } from '../../electron/core/excel/template/evaluate';
import { copyDown, shiftForInsert, stretchRanges } from '../../electron/core/excel/template/references';
import { normalizeAreaName } from '../../electron/core/services/templatePlacement';
import {
  guessTemplateColumns,
  templateColumnHeaders,
  templateSignatureText,
  templateSourcesFor,
} from '../../shared/excel/templateSources';

/** The formula rewriting and evaluation a filled template relies on, case by case. */

describe('references when rows are inserted before row 7 of 企业明细', () => {
  const shift = (formula: string, on = '企业明细') => shiftForInsert(formula, on, '企业明细', 7, 3);
  it.each([
    ['G8+H8', 'G11+H11'],
    ['G5+H5', 'G5+H5'],
    ['SUM(D5:D6)', 'SUM(D5:D6)'],
    ['SUM(D5:D9)', 'SUM(D5:D12)'],
    ['SUM(D7:D9)', 'SUM(D10:D12)'],
    ['$D$7*2', '$D$10*2'],
    ['IF(A7="A7",B7,"C7")', 'IF(A10="A7",B10,"C7")'],
    ['LOG10(A7)', 'LOG10(A10)'],
    ["'企业明细'!A7+Sheet2!A7", "'企业明细'!A10+Sheet2!A7"],
  ])('%s → %s', (from, to) => expect(shift(from)).toBe(to));

  it('moves references from another sheet only when they name this one', () => {
    expect(shift('企业明细!B8+B8', '汇总')).toBe('企业明细!B11+B8');
    expect(shift("'企业''明细'!B8", '汇总')).toBe("'企业''明细'!B8");
  });
});

describe('a formula copied down and a 合计 stretched', () => {
  it('moves relative rows only', () => {
    expect(copyDown('G5+H5', 3)).toBe('G8+H8');
    expect(copyDown('G5/$G$5+G$4', 2)).toBe('G7/$G$5+G$4');
    expect(copyDown('IF(G5=0,"G5",G5)', 1)).toBe('IF(G6=0,"G5",G6)');
  });

  it('stretches only ranges ending at the last template row', () => {
    expect(stretchRanges('SUM(D5:D6)', 5, 6, 40)).toBe('SUM(D5:D40)');
    expect(stretchRanges('SUM(D5:D6)+SUM(E5:E6)-D4', 5, 6, 40)).toBe('SUM(D5:D40)+SUM(E5:E40)-D4');
    expect(stretchRanges('SUM(D3:D6)', 5, 6, 40)).toBe('SUM(D3:D6)');
    expect(stretchRanges('SUM(D5:D5)', 5, 6, 40)).toBe('SUM(D5:D5)');
    expect(stretchRanges('SUM(其他!D5:D6)', 5, 6, 40)).toBe('SUM(其他!D5:D6)');
  });
});

describe('the evaluator', () => {
  const sheet = (cells: Record<string, Scalar | { formula: string }>) =>
    new SheetEvaluator({
      value(row, col) {
        return cells[`${String.fromCharCode(64 + col)}${row}`];
      },
    });
  const ev = sheet({
    A1: 3,
    A2: 4,
    A3: '文字',
    A4: null,
    B1: { formula: 'A1+A2' },
    B2: { formula: 'SUM(A1:A4)+B1' },
    C1: { formula: 'C2+1' },
    C2: { formula: 'C1+1' },
    D1: 0,
    D2: '5',
  });
  it.each([
    ['A1+A2*2', 11],
    ['B2', 14],
    ['SUM(A1:A4)', 7],
    ['SUM(A1,D2)', 3],
    ['SUM(A1,"2",TRUE)', 6],
    ['IF(D1=0,0,A1/D1)', 0],
    ['IFERROR(A1/D1,"-")', '-'],
    ['ROUND(2/3,2)', 0.67],
    ['ROUND(-2.5,0)', -3],
    ['50%*A2', 2],
    ['A3&"村"', '文字村'],
    ['"a"="A"', true],
    ['A4=0', true],
    ['MAX(A1:A4)-MIN(A1:A2)', 1],
    ['-A1^2', 9],
  ])('%s = %s', (formula, result) => {
    const r = ev.result(formula);
    if (typeof result === 'number') expect(r).toBeCloseTo(result, 10);
    else expect(r).toEqual(result);
  });

  it.each([['VLOOKUP(A1,A1:B2,2)'], ['Sheet2!A1+1'], ['C1'], ['A1/D1'], ['A3+1'], ['TODAY()']])(
    '%s is left to the spreadsheet program',
    (formula) => expect(ev.result(formula)).toBeUndefined(),
  );
});

describe('names and headers', () => {
  it('matches the forms a village is written in', () => {
    expect(normalizeAreaName(' 长安村村委会')).toBe('长安村');
    expect(normalizeAreaName('长安村民委员会')).toBe('长安村');
    expect(normalizeAreaName('东湖社区居委会')).toBe('东湖社区');
  });

  it('reads a two-row header per column and ignores a 填报单位 line above it', () => {
    const grid = [
      ['XX县统计表', 'XX县统计表', 'XX县统计表'],
      ['填报单位：', '', '填报日期：'],
      ['企业名称', '党员数', '党员数'],
      ['企业名称', '正式', '预备'],
    ];
    expect(templateColumnHeaders(grid, 4)).toEqual(['企业名称', '党员数/正式', '党员数/预备']);
    expect(templateColumnHeaders(grid, 3)).toEqual(['企业名称', '党员数', '党员数']);
  });

  it('guesses columns from common header wordings, each source once', () => {
    const sources = templateSourcesFor('enterprise', []);
    expect(
      guessTemplateColumns(
        ['单位名称', '职工人数（人）', '法定代表人', '手机', '是否规模以上企业', '备注', '不认识'],
        sources,
      ),
    ).toEqual([
      { column: 0, source: 'field.name' },
      { column: 1, source: 'field.employees' },
      { column: 2, source: 'field.ownerName' },
      { column: 3, source: 'field.contactPhone' },
      { column: 4, source: 'field.aboveScale' },
      { column: 5, source: 'field.note' },
    ]);
  });

  it('knows a template by its sheet and header texts, not by blanks, spaces or units', () => {
    const a = templateSignatureText('企业明细', ['企业名称', '从业人员数（人）', '']);
    expect(templateSignatureText('企业明细', ['企业 名称', '从业人员数', '', ''])).toBe(a);
    expect(templateSignatureText('企业明细2', ['企业名称', '从业人员数'])).not.toBe(a);
    expect(templateSignatureText('企业明细', ['企业名称', '职工人数'])).not.toBe(a);
  });
});
