import { describe, expect, it } from 'vitest';
import {
  cellText,
  columnLetter,
  excelSerialToIso,
  halfWidth,
  normalizeText,
  numberText,
  parseAmount,
  parseCount,
  parseDate,
  parseMonth,
  parseYesNo,
} from '../../shared/excel/cells';

const utc = (y: number, m: number, d: number, h = 0, min = 0, s = 0, ms = 0) =>
  new Date(Date.UTC(y, m - 1, d, h, min, s, ms));

describe('normalizeText', () => {
  it.each([
    ['  长乐镇  ', '长乐镇'],
    ['\u3000\u3000福建省长乐　科技有限公司\u3000', '福建省长乐科技有限公司'],
    ['张\u3000三', '张三'],
    ['党员\n人数', '党员人数'],
    ['党员\r\n  人数', '党员人数'],
    ['ABC   Trading\tCo.', 'ABC Trading Co.'],
    ['长乐 ABC 公司', '长乐 ABC 公司'],
    ['\ufeff企业名称', '企业名称'],
    ['\u00a0 \u00a0', ''],
  ])('%j → %j', (input, expected) => {
    expect(normalizeText(input)).toBe(expected);
  });
});

describe('halfWidth', () => {
  it('turns full-width digits and punctuation into ASCII', () => {
    expect(halfWidth('１２３，４５６．７８')).toBe('123,456.78');
    expect(halfWidth('９１３５０１００Ｍ０００１００Ｙ４３')).toBe('91350100M000100Y43');
    expect(halfWidth('２０１１．８．９')).toBe('2011.8.9');
  });
});

describe('cellText', () => {
  it.each<[unknown, string]>([
    [null, ''],
    [undefined, ''],
    ['  甲公司 ', '甲公司'],
    [12, '12'],
    [0.1 + 0.2, '0.3'],
    [3.0000000000000004, '3'],
    [1234567.891, '1234567.891'],
    [-5.5, '-5.5'],
    [913501000000000000, '913501000000000000'],
    [true, '是'],
    [false, '否'],
    [utc(2011, 8, 9), '2011-08-09'],
    [utc(2011, 8, 9, 23, 59, 59, 999), '2011-08-10'],
    [utc(2011, 8, 9, 13, 30), '2011-08-09'],
    [new Date(NaN), ''],
  ])('%j → %j', (input, expected) => {
    expect(cellText(input)).toBe(expected);
  });

  it('shows integers without an exponent', () => {
    expect(numberText(1e20)).toBe('100000000000000000000');
    expect(numberText(NaN)).toBe('');
  });
});

describe('columnLetter', () => {
  it.each([
    [0, 'A'],
    [1, 'B'],
    [25, 'Z'],
    [26, 'AA'],
    [27, 'AB'],
    [51, 'AZ'],
    [52, 'BA'],
    [701, 'ZZ'],
    [702, 'AAA'],
    [16383, 'XFD'],
  ])('%i → %s', (index, letter) => {
    expect(columnLetter(index)).toBe(letter);
  });
});

describe('parseCount', () => {
  it.each<[unknown, number]>([
    [12, 12],
    [0, 0],
    ['12', 12],
    [' 12 ', 12],
    ['１２', 12],
    ['１，２００', 1200],
    ['1,200', 1200],
    ['1，200', 1200],
    ['12人', 12],
    ['12 人', 12],
    ['３名', 3],
    ['12.0', 12],
    [12.000000000000002, 12],
    ["'35", 35],
    ['无', 0],
    ['1.2E+3', 1200],
  ])('%j is the count %i', (input, value) => {
    expect(parseCount(input)).toEqual({ kind: 'value', value });
  });

  it.each([null, undefined, '', '   ', '\u3000'])('%j is blank', (input) => {
    expect(parseCount(input)).toEqual({ kind: 'blank' });
  });

  it.each(['不详', '未知', '-', '—', '——', '不清楚', '／'])('%s is unknown', (input) => {
    expect(parseCount(input)).toEqual({ kind: 'unknown' });
  });

  it.each([
    '约50',
    '约 50 人',
    '50左右',
    '50+',
    '５０＋',
    '50余',
    '50余人',
    '50多',
    '50多人',
    '近50',
    '30-40',
    '30～40人',
    '>50',
  ])('%s is approximate and keeps its text', (input) => {
    expect(parseCount(input)).toEqual({ kind: 'approximate', text: normalizeText(input) });
  });

  it.each<[unknown, string]>([
    ['12.5', '12.5'],
    [12.5, '12.5'],
    [-3, '-3'],
    ['-3', '-3'],
    ['十二', '十二'],
    ['50%', '50%'],
    ['1,2', '1,2'],
    ['12万元', '12万元'],
    [true, '是'],
    [utc(2011, 8, 9), '2011-08-09'],
    ['12人（含预备2人）', '12人（含预备2人）'],
  ])('%j is not a count', (input, text) => {
    expect(parseCount(input)).toEqual({ kind: 'invalid', text });
  });
});

describe('parseAmount', () => {
  it.each<[unknown, number]>([
    [1234.5, 1234.5],
    ['1234.5', 1234.5],
    ['１２３４．５', 1234.5],
    ['1,234.5', 1234.5],
    ['120万元', 120],
    ['120万', 120],
    ['1200000元', 120],
    ['1.2亿元', 12000],
    ['1.2亿', 12000],
    ['500千元', 50],
    ['120 平方米', 120],
    ['80㎡', 80],
    ['0.1', 0.1],
    [0.1 + 0.2, 0.3],
    ['-15.5', -15.5],
  ])('%j is the amount %d', (input, value) => {
    expect(parseAmount(input)).toEqual({ kind: 'value', value });
  });

  it('reads 不详 as unknown, 约100万元 as approximate and 一百万 as invalid', () => {
    expect(parseAmount('不详')).toEqual({ kind: 'unknown' });
    expect(parseAmount('约100万元')).toEqual({ kind: 'approximate', text: '约100万元' });
    expect(parseAmount('100万元左右')).toEqual({ kind: 'approximate', text: '100万元左右' });
    expect(parseAmount('一百万')).toEqual({ kind: 'invalid', text: '一百万' });
    expect(parseAmount('12美元')).toEqual({ kind: 'invalid', text: '12美元' });
  });
});

describe('parseDate', () => {
  it.each<[unknown, string]>([
    ['2011.8.9', '2011-08-09'],
    ['2011.08.09', '2011-08-09'],
    ['2011.8.9.', '2011-08-09'],
    ['2011年8月9日', '2011-08-09'],
    ['2011 年 8 月 9 日', '2011-08-09'],
    ['２０１１年８月９日', '2011-08-09'],
    ['2011/8/9', '2011-08-09'],
    ['2011-08-09', '2011-08-09'],
    ['2011-08-09 00:00:00', '2011-08-09'],
    ['2011-08-09T00:00:00Z', '2011-08-09'],
    ['20110809', '2011-08-09'],
    [20110809, '2011-08-09'],
    [40764, '2011-08-09'],
    [40764.75, '2011-08-09'],
    ['40764', '2011-08-09'],
    [1, '1900-01-01'],
    [59, '1900-02-28'],
    [61, '1900-03-01'],
    [43831, '2020-01-01'],
    ['2000年2月29日', '2000-02-29'],
    [utc(2011, 8, 9), '2011-08-09'],
    [utc(2011, 8, 9, 23, 59, 59, 999), '2011-08-10'],
  ])('%j is %s', (input, iso) => {
    expect(parseDate(input)).toEqual({ kind: 'value', value: iso });
  });

  it('takes a Date by its UTC fields, whatever the machine’s time zone', () => {
    // ExcelJS gives 2011-08-09 as UTC midnight; in UTC+8 that instant is 08:00 local, in UTC-5 the evening before.
    const d = new Date('2011-08-09T00:00:00.000Z');
    expect(parseDate(d)).toEqual({ kind: 'value', value: '2011-08-09' });
  });

  it.each<[unknown, string]>([
    ['2011.8', '2011-08'],
    ['2011年8月', '2011-08'],
    ['2011-08', '2011-08'],
    [201108, '2011-08'],
    ['201108', '2011-08'],
  ])('%j is only a month: %s', (input, value) => {
    expect(parseDate(input)).toEqual({
      kind: 'partial',
      value,
      text: typeof input === 'number' ? String(input) : input,
    });
  });

  it.each<[unknown, string]>([
    [60, '1900年2月29日不存在'],
    ['2011', '只有年份，缺少月和日'],
    ['2011年', '只有年份，缺少月和日'],
    [2011, '只有年份，缺少月和日'],
    ['2011.2.30', '2011年2月没有30日'],
    ['2011年13月1日', '月份13不存在'],
    ['2023年2月29日', '2023年2月没有29日'],
    ['1850-01-01', '年份1850超出范围'],
    ['8/9/2011', '年份应写在前面，如 2011-08-09'],
    ['去年', '不是可识别的日期，请写成 2011-08-09 或 2011年8月9日'],
    [0, '不是日期'],
    [true, '不是日期'],
  ])('%j is not a date: %s', (input, reason) => {
    const r = parseDate(input);
    expect(r.kind).toBe('invalid');
    expect(r.kind === 'invalid' && r.reason).toBe(reason);
  });

  it('reads blank and 不详', () => {
    expect(parseDate('')).toEqual({ kind: 'blank' });
    expect(parseDate(null)).toEqual({ kind: 'blank' });
    expect(parseDate('不详')).toEqual({ kind: 'unknown' });
  });

  it('converts Excel serials across the 1900 leap-year bug', () => {
    expect(excelSerialToIso(59)).toBe('1900-02-28');
    expect(excelSerialToIso(60)).toBeNull();
    expect(excelSerialToIso(61)).toBe('1900-03-01');
    expect(excelSerialToIso(2958465)).toBe('9999-12-31');
    expect(excelSerialToIso(45292)).toBe('2024-01-01');
  });
});

describe('parseMonth', () => {
  it('gives YYYY-MM from a month or a full date', () => {
    expect(parseMonth('1985.3')).toEqual({ kind: 'value', value: '1985-03' });
    expect(parseMonth('1985年3月12日')).toEqual({ kind: 'value', value: '1985-03' });
    expect(parseMonth(198503)).toEqual({ kind: 'value', value: '1985-03' });
    expect(parseMonth(utc(1985, 3, 12))).toEqual({ kind: 'value', value: '1985-03' });
    expect(parseMonth('1985.13').kind).toBe('invalid');
  });
});

describe('parseYesNo', () => {
  it.each<[unknown, boolean]>([
    ['是', true],
    ['√', true],
    ['有', true],
    ['Y', true],
    ['y', true],
    ['Yes', true],
    ['1', true],
    [1, true],
    [true, true],
    ['ｙ', true],
    [' 是 ', true],
    ['否', false],
    ['×', false],
    ['无', false],
    ['N', false],
    ['n', false],
    ['0', false],
    [0, false],
    [false, false],
    ['X', false],
  ])('%j → %s', (input, value) => {
    expect(parseYesNo(input)).toEqual({ kind: 'value', value });
  });

  it('reads blank, unknown and anything else', () => {
    expect(parseYesNo('')).toEqual({ kind: 'blank' });
    expect(parseYesNo('不详')).toEqual({ kind: 'unknown' });
    expect(parseYesNo('可能')).toEqual({ kind: 'invalid', text: '可能' });
    expect(parseYesNo(2)).toEqual({ kind: 'invalid', text: '2' });
  });
});
