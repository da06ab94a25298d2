import { describe, expect, test } from 'vitest';
import { usccCheckChar } from '../../shared/domain/uscc';
import { useImportLedger } from './importSetup';

/**
 * The rules of domain.md §9, one by one, through the import screen's channels on a real ledger: which rows go in,
 * which are refused with what reason (sheet row, column, value), and what the ledger holds afterwards.
 */
const L = useImportLedger();
const code = (first17: string) => first17 + usccCheckChar(first17);
const A = code('91350182MA2XN0FQ1');
const B = code('91350182MA3123456');
const C = code('91350182315678901');
const D = code('91350182MA2Y00001');

const create = (name: string, more: Record<string, unknown> = {}) =>
  L.call<{ id: number }>('enterprises:create', { input: { name, areaId: L.areaId(), ...more } });

describe('rows with problems are refused one by one; the rest go in', () => {
  test('each refusal names the sheet row, the column, the value and the reason; 合计 and 填表人 rows are not data', async () => {
    const bad = `${A.slice(0, 17)}${A[17] === 'X' ? 'Y' : 'X'}`;
    const path = L.csv('台账.csv', [
      ['长乐镇非公企业党建工作台账'],
      ['填报单位：长乐镇党委'],
      ['企业名称', '统一社会信用代码', '所在村', '职工人数', '正式党员'],
      ['甲公司', A, '长安村', '30', '3'],
      ['乙公司', '', '长安村', '约50', '1'],
      ['丙公司', bad, '长安村', '12', '0'],
      ['丁公司', '', '长安村', '１２０', '２'],
      ['合计', '', '', '212', '6'],
      ['填表人：张三', '', '审核人：李四'],
    ]);
    const preview = await L.preview(path);
    expect(preview.totalRows).toBe(4);
    expect(preview.counts).toEqual({ add: 2, update: 0, skip: 0, reject: 2, warned: 0 });

    const report = await L.commit(path);
    expect(report).toEqual({
      added: 2,
      updated: 0,
      skipped: 0,
      rejected: [
        {
          row: 5,
          column: '职工人数',
          value: '约50',
          reason: '从业人员数“约50”是估计数，不能作为确切数字导入，请填写确切的数字',
        },
        {
          row: 6,
          column: '统一社会信用代码',
          value: bad,
          reason: `统一社会信用代码校验位错误：第18位应为“${A[17]}”，实际为“${bad[17]}”，请核对是否抄错`,
        },
      ],
      warnings: [],
    });
    const all = await L.enterprises();
    expect([...all.keys()].sort()).toEqual(['丁公司', '甲公司']);
    expect(all.get('甲公司')).toMatchObject({ uscc: A, areaName: '长安村', employees: 30, fullMembers: 3 });
    expect(all.get('丁公司')).toMatchObject({ uscc: null, employees: 120, fullMembers: 2 });
  });
});

describe('matching enterprises already in the ledger', () => {
  test('by credit code, else by the name with spaces trimmed; a code of one and a name of another is a conflict', async () => {
    await create('甲公司', { uscc: A, employees: 10 });
    await create('乙公司', { employees: 10 });
    await create('丙公司', { uscc: C, employees: 10 });
    await create('戊公司', { uscc: B, employees: 10 });
    const path = L.csv('更新.csv', [
      ['企业名称', '统一社会信用代码', '职工人数', '所在村'],
      ['甲公司', A, '50', '长安村'],
      ['　乙公司 ', '', '20', '长安村'],
      ['丙公司', B, '30', '长安村'],
      ['丁公司', D, '5', '长安村'],
    ]);

    // The command line's default: nothing already in the ledger is touched.
    const skipped = await L.commit(path);
    expect(skipped).toMatchObject({ added: 1, updated: 0, skipped: 2 });
    expect(skipped.rejected).toEqual([
      {
        row: 4,
        column: '统一社会信用代码',
        value: B,
        reason:
          '统一社会信用代码属于台账中的“戊公司”，而企业名称“丙公司”是台账中的另一家企业，无法确定要更新哪一家，请核对',
      },
    ]);
    expect([...(await L.enterprises()).values()].map((e) => [e.name, e.employees])).toEqual([
      ['甲公司', 10],
      ['乙公司', 10],
      ['丙公司', 10],
      ['戊公司', 10],
      ['丁公司', 5],
    ]);

    const updated = await L.commit(path, { onMatch: 'update' });
    // 丁公司 is now in the ledger with the same 5: nothing to change, so it is skipped.
    expect(updated).toMatchObject({ added: 0, updated: 2, skipped: 1 });
    expect(updated.rejected.map((p) => p.row)).toEqual([4]);
    const after = await L.enterprises();
    expect([...after.values()].map((e) => [e.name, e.employees])).toEqual([
      ['甲公司', 50],
      ['乙公司', 20],
      ['丙公司', 10],
      ['戊公司', 10],
      ['丁公司', 5],
    ]);
  });

  test('an update changes only what the row gives: blank cells and unmapped columns keep the ledger’s values', async () => {
    await create('甲公司', {
      uscc: A,
      employees: 45,
      revenue: 320.5,
      contactPhone: '13800000000',
      ownerName: '王建国',
    });
    const path = L.csv('部分.csv', [
      ['企业名称', '职工人数', '年营业收入', '法定代表人'],
      ['甲公司', '不详', '', '王建华'],
    ]);
    const preview = await L.preview(path, { onMatch: 'update' });
    expect(preview.rows).toHaveLength(1);
    expect(preview.rows[0]).toMatchObject({ row: 2, action: 'update', name: '甲公司' });
    expect(preview.rows[0]!.changes).toEqual([
      { field: 'employees', label: '从业人员数', from: '45人', to: '（空）' },
      { field: 'ownerName', label: '业主/法定代表人', from: '王建国', to: '王建华' },
    ]);
    // A preview writes nothing.
    expect((await L.enterprises()).get('甲公司')).toMatchObject({ employees: 45, ownerName: '王建国' });

    await L.commit(path, { onMatch: 'update' });
    expect((await L.enterprises()).get('甲公司')).toMatchObject({
      employees: null,
      revenue: 320.5,
      contactPhone: '13800000000',
      ownerName: '王建华',
      uscc: A,
    });
  });
});

describe('duplicates within one file', () => {
  test('the first row with a credit code counts; a later one is refused, or merged into the first when asked', async () => {
    const lines = [
      ['企业名称', '统一社会信用代码', '所在村', '职工人数', '联系电话'],
      ['甲公司', A, '长安村', '30', ''],
      ['甲公司（重复）', A, '长安村', '', '13912345678'],
      ['乙公司', '', '长安村', '8', ''],
      ['乙公司', '', '长安村', '9', ''],
    ];
    const path = L.csv('重复.csv', lines);
    const refused = await L.preview(path);
    expect(refused.rows.filter((r) => r.action === 'reject').map((r) => r.problems)).toEqual([
      [
        {
          row: 3,
          column: '统一社会信用代码',
          value: A,
          reason: '与第2行的统一社会信用代码相同，属重复行：按第2行导入，本行未导入',
        },
      ],
      [
        {
          row: 5,
          column: '企业名称',
          value: '乙公司',
          reason: '与第4行是同一家企业，属重复行：按第4行导入，本行未导入',
        },
      ],
    ]);

    const merged = await L.commit(path, { mergeDuplicates: true });
    expect(merged).toMatchObject({ added: 2, updated: 2, skipped: 0, rejected: [] });
    expect(merged.warnings.map((w) => [w.row, w.reason])).toEqual([
      [3, '与第2行的统一社会信用代码相同，已合并到第2行'],
      [5, '与第4行是同一家企业，已合并到第4行'],
    ]);
    const all = await L.enterprises();
    expect([...all.keys()]).toEqual(['甲公司（重复）', '乙公司']);
    expect(all.get('甲公司（重复）')).toMatchObject({ uscc: A, employees: 30, contactPhone: '13912345678' });
    expect(all.get('乙公司')).toMatchObject({ employees: 9 });
  });
});

describe('numbers', () => {
  test('full-width digits, numbers stored as text and units are numbers; blank and 不详 are unknown; 约50 is refused', async () => {
    const path = L.csv('数字.csv', [
      ['企业名称', '所在村', '职工人数', '年营业收入（万元）', '正式党员'],
      ['甲公司', '长安村', '１，２００', '３２０.５', '３'],
      ['乙公司', '长安村', '80人', '120万元', ''],
      ['丙公司', '长安村', '不详', '', '0'],
      ['丁公司', '长安村', '50左右', '100', '1'],
      ['戊公司', '长安村', '50+', '约300', '1'],
    ]);
    const report = await L.commit(path);
    expect(report.added).toBe(3);
    expect(report.rejected).toEqual([
      {
        row: 5,
        column: '职工人数',
        value: '50左右',
        reason: '从业人员数“50左右”是估计数，不能作为确切数字导入，请填写确切的数字',
      },
      {
        row: 6,
        column: '职工人数',
        value: '50+',
        reason: '从业人员数“50+”是估计数，不能作为确切数字导入，请填写确切的数字',
      },
      {
        row: 6,
        column: '年营业收入（万元）',
        value: '约300',
        reason: '年营业收入“约300”是估计数，不能作为确切数字导入，请填写确切的数字',
      },
    ]);
    const all = await L.enterprises();
    expect(all.get('甲公司')).toMatchObject({ employees: 1200, revenue: 320.5, fullMembers: 3, sizeBand: 'D' });
    expect(all.get('乙公司')).toMatchObject({ employees: 80, revenue: 120, fullMembers: 0 });
    expect(all.get('丙公司')).toMatchObject({ employees: null, revenue: null, sizeBand: 'unknown' });
  });

  test('a number the clerk types in the preview replaces the approximate one', async () => {
    const path = L.csv('约数.csv', [
      ['企业名称', '所在村', '职工人数'],
      ['甲公司', '长安村', '约50'],
    ]);
    const report = await L.commit(path, { overrides: [{ row: 2, field: 'employees', value: '52' }] });
    expect(report).toMatchObject({ added: 1, rejected: [] });
    expect((await L.enterprises()).get('甲公司')!.employees).toBe(52);
  });
});

describe('credit codes', () => {
  test('blank is allowed; a wrong length, character or check character is refused with which it is', async () => {
    const path = L.csv('代码.csv', [
      ['企业名称', '统一社会信用代码', '所在村'],
      ['甲个体户', '', '长安村'],
      ['乙公司', A.slice(0, 17), '长安村'],
      ['丙公司', `${A.slice(0, 5)}I${A.slice(6)}`, '长安村'],
      ['丁公司', '330683000012345', '长安村'],
      ['戊公司', A.toLowerCase(), '长安村'],
    ]);
    const report = await L.commit(path);
    expect(report.rejected.map((p) => [p.row, p.reason])).toEqual([
      [3, '统一社会信用代码应为18位，实际为17位'],
      [4, '统一社会信用代码第6位“I”不是有效字符（只能是数字和除 I、O、Z、S、V 以外的大写字母）'],
      [5, '统一社会信用代码这是15位的工商注册号，不是统一社会信用代码，请填入“工商注册号”一栏'],
    ]);
    const all = await L.enterprises();
    expect(all.get('甲个体户')!.uscc).toBeNull();
    expect(all.get('戊公司')!.uscc).toBe(A);
  });

  test('a 15-digit 工商注册号 goes in when its column is mapped to 工商注册号', async () => {
    const path = L.csv('注册号.csv', [
      ['企业名称', '营业执照注册号', '所在村'],
      ['丁公司', '330683000012345', '长安村'],
    ]);
    const report = await L.commit(path, { columns: { 企业名称: 'name', 营业执照注册号: 'regNo', 所在村: 'areaId' } });
    expect(report).toMatchObject({ added: 1, rejected: [] });
    expect((await L.enterprises()).get('丁公司')).toMatchObject({ uscc: null, regNo: '330683000012345' });
  });
});
