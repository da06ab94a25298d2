import { describe, expect, it } from 'vitest';
import { guessHeaderRows, headerTexts, isNonDataRow, type HeadRow } from '../../shared/excel/headers';

const rows = (...list: [number, unknown[]][]): HeadRow[] => list.map(([row, cells]) => ({ row, cells }));
const d = (y: number, m: number, day: number) => new Date(Date.UTC(y, m - 1, day));

/** A township ledger as clerks keep it: title merged across, 填报单位 line, blank row, two-row merged header. */
const ledger = rows(
  [1, ['长乐镇非公企业党建工作台账']],
  [2, ['填报单位：长乐镇党委（盖章）', null, null, null, null, null, '填报日期：2024年3月1日']],
  [4, ['序号', '企业名称', '统一社会信用代码', '党员人数', null, null, '成立日期', '职工人数']],
  [5, [null, null, null, '正式', '预备', '流动', null, null]],
  [6, [1, '长乐华信纺织有限公司', '91350182MA2XN0FQ1K', 3, 1, 0, d(2011, 8, 9), 120]],
  [7, [2, '长乐鑫源机械厂', '91350182MA31234567', '２', '0', '不详', '2015.3.1', '约50']],
  [8, ['合计', null, null, 5, 1, 0, null, 170]],
  [10, ['填表人：张三', null, '审核人：李四', null, '联系电话：0591-12345678']],
);

describe('guessHeaderRows', () => {
  it('skips the title, the 填报单位 line and the blank row, and takes the merged two-row header', () => {
    expect(guessHeaderRows(ledger)).toEqual({ start: 4, end: 5 });
  });

  it('takes a plain one-row header at the top', () => {
    const r = rows(
      [1, ['企业名称', '信用代码', '职工人数', '党员数']],
      [2, ['甲公司', '91350182MA2XN0FQ1K', 12, 3]],
      [3, ['乙公司', '91350182MA31234567', '20', '0']],
    );
    expect(guessHeaderRows(r)).toEqual({ start: 1, end: 1 });
  });

  it('does not take an all-text first data row as a second header row', () => {
    const r = rows(
      [3, ['企业名称', '信用代码', '所在村', '是否规上']],
      [4, ['甲公司', '91350182MA2XN0FQ1K', '东关村', '是']],
      [5, ['乙公司', '91350182MA31234567', '西关村', '否']],
    );
    expect(guessHeaderRows(r)).toEqual({ start: 3, end: 3 });
  });

  it('does not continue the header onto a row that is not directly below it', () => {
    const r = rows(
      [2, ['序号', '企业名称', '党员人数', null, '备注']],
      [4, [null, null, '正式', '预备', null]],
      [5, [1, '甲公司', 3, 1, '']],
    );
    expect(guessHeaderRows(r)).toEqual({ start: 2, end: 2 });
  });

  it('recognises a three-row header with groups over groups', () => {
    const r = rows(
      [1, ['企业党建情况统计表']],
      [2, ['基本情况', null, null, '党员情况', null, null, null]],
      [3, ['企业名称', '所在村', '职工人数', '党员人数', null, '党组织', null]],
      [4, [null, null, null, '正式', '预备', '类型', '成立日期']],
      [5, ['甲公司', '东关村', 120, 3, 1, '党支部', d(2012, 7, 1)]],
    );
    expect(guessHeaderRows(r)).toEqual({ start: 2, end: 4 });
  });

  it('skips a title with a subtitle beside it and a 单位/日期 line with colons', () => {
    const r = rows(
      [1, ['2024年度非公企业基本情况表', null, null, null, null, '（第一季度）']],
      [2, ['单位：长乐镇', null, null, null, null, '截至2024年3月31日']],
      [3, ['企业名称', '行业', '从业人员数', '年营业收入（万元）', '党员数', '组织设置']],
      [4, ['甲公司', '制造业', 120, 3500.5, 3, '单独建立']],
    );
    expect(guessHeaderRows(r)).toEqual({ start: 3, end: 3 });
  });

  it('gives null when nothing looks like column titles', () => {
    expect(guessHeaderRows([])).toBeNull();
    expect(guessHeaderRows(rows([1, ['只有一个标题']]))).toBeNull();
    expect(guessHeaderRows(rows([1, [1, 2, 3, 4]], [2, [5, 6, 7, 8]]))).toBeNull();
  });

  it('treats __proto__ and constructor as ordinary header texts', () => {
    const r = rows([1, ['__proto__', 'constructor', 'toString']], [2, ['a', 'b', 1]]);
    expect(guessHeaderRows(r)).toEqual({ start: 1, end: 1 });
    expect(headerTexts(r, { start: 1, end: 1 })).toEqual(['__proto__', 'constructor', 'toString']);
  });
});

describe('headerTexts', () => {
  it('joins the two rows with “/” and carries the merged group label rightwards', () => {
    expect(headerTexts(ledger, { start: 4, end: 5 })).toEqual([
      '序号',
      '企业名称',
      '统一社会信用代码',
      '党员人数/正式',
      '党员人数/预备',
      '党员人数/流动',
      '成立日期',
      '职工人数',
    ]);
  });

  it('carries each level of a three-row header as far as the labels under it reach', () => {
    const r = rows(
      [2, ['基本情况', null, null, '党员情况', null, null, null]],
      [3, ['企业名称', '所在村', '职工人数', '党员人数', null, '党组织', null]],
      [4, [null, null, null, '正式', '预备', '类型', '成立日期']],
    );
    expect(headerTexts(r, { start: 2, end: 4 })).toEqual([
      '基本情况/企业名称',
      '基本情况/所在村',
      '基本情况/职工人数',
      '党员情况/党员人数/正式',
      '党员情况/党员人数/预备',
      '党员情况/党组织/类型',
      '党员情况/党组织/成立日期',
    ]);
  });

  it('does not carry a label over a column with no sub-label, and leaves untitled columns blank', () => {
    const r = rows([1, ['企业名称', '党员人数', null, null, '备注']], [2, [null, '正式', '预备', null, null]]);
    expect(headerTexts(r, { start: 1, end: 2 })).toEqual(['企业名称', '党员人数/正式', '党员人数/预备', '', '备注']);
  });

  it('normalizes line breaks and spaces inside titles and does not repeat a label filled into a merge', () => {
    const r = rows([1, ['企业\n名称', ' 职工 人数 ', '党员人数', '党员人数']], [2, [null, null, '正式', '预备']]);
    expect(headerTexts(r, { start: 1, end: 2 })).toEqual(['企业名称', '职工人数', '党员人数/正式', '党员人数/预备']);
    const same = rows([1, ['企业名称', '党员人数']], [2, ['企业名称', '正式']]);
    expect(headerTexts(same, { start: 1, end: 2 })).toEqual(['企业名称', '党员人数/正式']);
  });

  it('reads numbers and dates in a header as their text', () => {
    const r = rows([1, ['企业名称', 2023, 2024, d(2024, 1, 1)]]);
    expect(headerTexts(r, { start: 1, end: 1 })).toEqual(['企业名称', '2023', '2024', '2024-01-01']);
  });
});

describe('isNonDataRow', () => {
  it.each<[unknown[]]>([
    [['合计', null, null, 5, 1]],
    [['合 计', null, 5]],
    [[null, '合计', 5]],
    [[null, '小计', 5]],
    [['总计：', 12]],
    [['全镇合计', 12]],
    [[99, '合计（不含注销）', 12]],
    [['填表人：张三', null, '审核人：李四']],
    [['填表人', '张三', '审核人', '李四', '填报日期', '2024.3.1']],
    [['审核人：李四']],
    [['制表：长乐镇党建办']],
    [['填报日期：2024年3月1日']],
    [['说明：1. 党员人数含预备党员。']],
    [['注：本表由各村填报']],
    [['单位负责人：王五', null, '制表人：赵六']],
  ])('%j is not data', (cells) => {
    expect(isNonDataRow(cells)).toBe(true);
  });

  it.each<[unknown[]]>([
    [[1, '长乐华信纺织有限公司', '91350182MA2XN0FQ1K', 3]],
    [['合计科技有限公司', '91350182MA31234567', 12]],
    [[2, '合力机械厂', 5]],
    [['张三', '男', '1985.3', '说明书编写员']],
    [[3, '甲公司', '备注', '无']],
    [[]],
    [[null, '', '  ']],
  ])('%j is data (or empty, which the readers never hand over)', (cells) => {
    expect(isNonDataRow(cells)).toBe(false);
  });
});
