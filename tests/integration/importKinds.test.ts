import { describe, expect, test } from 'vitest';
import { ENTERPRISE_FIELD_LABELS } from '../../shared/domain/enterpriseInput';
import { idCheckChar } from '../../shared/domain/idNumber';
import type { Lookups } from '../../shared/domain/lookups';
import type { MemberListRow } from '../../shared/domain/party';
import { usccCheckChar } from '../../shared/domain/uscc';
import { SURVEY_FIELDS, SURVEY_ID_HEADER, SURVEY_MARK, SURVEY_MARK_SHEET } from '../../shared/excel/survey';
import type { Page } from '../../shared/ipc/fields';
import type { InstructorDetail, LeaderDetail } from '../../shared/ipc/people';
import { useImportLedger } from './importSetup';

/** Not only enterprises: member rosters, instructors, contact leaders and 调查表 coming back import the same way. */
const L = useImportLedger();
const A = '91350182MA2XN0FQ1' + usccCheckChar('91350182MA2XN0FQ1');
const idNo = (first17: string) => `${first17}${idCheckChar(first17)}`;
const LI = idNo('33068319850612001'); // a man born 1985-06-12
const ZHAO = idNo('33068319800101003'); // a man born 1980-01-01

const enterprise = async (name: string, more: Record<string, unknown> = {}) =>
  (await L.call<{ id: number }>('enterprises:create', { input: { name, areaId: L.areaId(), ...more } })).id;

describe('党员名册', () => {
  test('members join their enterprise by name or credit code; rosters start and the counts follow them', async () => {
    const jia = await enterprise('甲公司', { uscc: A });
    const yi = await enterprise('乙公司', { fullMembers: 5, membersInEnterprise: 5 });
    const bing = await enterprise('丙公司');
    await L.call('members:save', { input: { enterpriseId: bing, name: '张三', position: '出纳' } });
    const path = L.csv('党员名册.csv', [
      [
        '所在企业',
        '统一社会信用代码',
        '姓名',
        '性别',
        '出生年月',
        '学历',
        '入党时间',
        '正式/预备',
        '组织关系所在',
        '岗位',
        '联系电话',
        '身份证号',
      ],
      [
        '甲公司',
        '',
        '李明',
        '男',
        '1985.06',
        '大学本科',
        '2010年7月1日',
        '正式',
        '本企业',
        '车间主任',
        '13800000001',
        LI,
      ],
      ['', A, '王芳', '女', '1990-03', '大专', '2024-05-01', '预备', '人才市场', '', '', ''],
      ['乙公司', '', '赵强', '男', '1979-01', '高中', '2001-07-01', '正式', '流动党员', '', '', ZHAO],
      ['丙公司', '', '张三', '', '', '', '', '', '', '会计', '', ''],
      ['丁公司', '', '钱七', '男', '', '', '', '', '', '', '', ''],
      ['甲公司', '', '李明', '男', '', '', '', '', '', '', '', LI],
      ['乙公司', '', '孙丽', '女', '', '', '2030-01-01', '', '', '', '', ''],
      ['甲公司', '', '周八', '男', '', '', '', '', '', '', '', '3306**********1234'],
      ['乙公司', '', '李明', '男', '', '', '', '', '', '', '', LI],
    ]);
    const preview = await L.preview(path, { kind: 'members', onMatch: 'update' });
    // 身份证号 is masked everywhere but its own edit field, the preview included.
    expect(preview.rows.find((r) => r.row === 2)!.values.idNumber).toBe(
      '3306**********0018'.slice(0, 4) + '**********' + LI.slice(-4),
    );

    const report = await L.commit(path, { kind: 'members', onMatch: 'update' });
    expect(report).toMatchObject({ added: 4, updated: 1, skipped: 0 });
    expect(report.rejected).toEqual([
      {
        row: 6,
        column: '所在企业',
        value: '丁公司',
        reason: '台账中没有名为“丁公司”的企业，请核对企业名称，或先导入企业台账',
      },
      {
        row: 7,
        column: '身份证号',
        value: `3306**********${LI.slice(-4)}`,
        reason: '与第2行是同一名党员，按第2行导入，本行未导入',
      },
      { row: 8, column: '入党时间', value: '2030-01-01', reason: '入党时间不能晚于今天（2026-11-21）' },
      {
        row: 10,
        column: '身份证号',
        value: `3306**********${LI.slice(-4)}`,
        reason: '身份证号已登记在“甲公司”的名册中（李明），同一人不能登记两次；如已调动，请用组织关系转接',
      },
    ]);
    expect(report.warnings.map((w) => [w.row, w.reason])).toEqual([
      [2, '已为“甲公司”建立党员名册，该企业的党员人数今后由名册统计'],
      [4, '出生年月（1979-01）与身份证号中的出生日期（1980-01-01）不一致，请核实'],
      [4, '已为“乙公司”建立党员名册，该企业的党员人数今后由名册统计'],
      [9, '身份证号“3306**********1234”是隐去部分内容的显示值，未导入（不会覆盖台账中的原有内容）'],
    ]);

    const members = await L.call<Page<MemberListRow>>('members:list', { query: {}, limit: 100 });
    expect(members.rows.map((m) => [m.enterpriseName, m.name, m.status, m.location, m.position]).sort()).toEqual(
      [
        ['甲公司', '李明', 'full', 'enterprise', '车间主任'],
        ['甲公司', '王芳', 'probationary', 'talent-agency', ''],
        ['甲公司', '周八', 'full', 'enterprise', ''],
        ['乙公司', '赵强', 'full', 'floating', ''],
        ['丙公司', '张三', 'full', 'enterprise', '会计'],
      ].sort(),
    );
    const all = await L.enterprises();
    expect(all.get('甲公司')).toMatchObject({
      rosterKept: true,
      fullMembers: 2,
      probationaryMembers: 1,
      membersInEnterprise: 2,
      membersInTalentAgency: 1,
    });
    // 乙公司's typed 5 gives way to its roster of one.
    expect(all.get('乙公司')).toMatchObject({
      rosterKept: true,
      fullMembers: 1,
      membersInEnterprise: 0,
      membersFloating: 1,
    });
    expect(jia && yi).toBeTruthy();
  });
});

describe('党建工作指导员', () => {
  test('instructors are saved as on their form and the listed enterprises become theirs through assignments', async () => {
    await enterprise('甲公司');
    await enterprise('乙公司');
    const bing = await enterprise('丙公司');
    const wang = (await L.call<{ id: number }>('instructors:save', { name: '老王', position: '镇干部' })).id;
    await L.call('assignments:save', { instructorId: wang, enterpriseId: bing, startedOn: '2025-01-01' });
    const path = L.csv('指导员.csv', [
      ['姓名', '单位及职务', '手机', '专兼职', '来源', '派驻时间', '派驻企业'],
      ['李指导', '镇组织办干事', '13900000001', '专职', '机关干部', '2026-03-01', '甲公司、乙公司'],
      ['老王', '镇退休干部', '', '兼职', '退二线', '', '丙公司，甲公司'],
      ['张指导', '', '', '', '', '', '不存在公司'],
    ]);
    const report = await L.commit(path, { kind: 'instructors', onMatch: 'update' });
    expect(report).toMatchObject({ added: 1, updated: 1, skipped: 0 });
    expect(report.rejected).toEqual([
      {
        row: 4,
        column: '派驻企业',
        value: '不存在公司',
        reason: '“不存在公司”在台账中不存在，请核对企业名称（多家企业用顿号分隔）',
      },
    ]);
    expect(report.warnings).toEqual([
      {
        row: 3,
        column: '派驻企业',
        value: '甲公司',
        reason: '“甲公司”原由指导员“李指导”指导，自2026-11-21起改由本指导员指导',
      },
    ]);
    const all = await L.enterprises();
    expect([...all.values()].map((e) => [e.name, e.instructorName])).toEqual([
      ['甲公司', '老王'],
      ['乙公司', '李指导'],
      ['丙公司', '老王'],
    ]);
    const lookups = await L.call<Lookups>('settings:lookups');
    const li = lookups.instructors.find((i) => i.name === '李指导')!;
    expect(li).toMatchObject({
      position: '镇组织办干事',
      phone: '139****0001',
      fullTime: true,
      source: 'government-cadre',
      appointedOn: '2026-03-01',
      enterprises: 1,
    });
    expect(lookups.instructors.find((i) => i.name === '老王')).toMatchObject({
      position: '镇退休干部',
      fullTime: false,
      source: 'retired-cadre',
      enterprises: 2,
    });
    expect(await L.readFile((db) => db.prepare('SELECT phone FROM instructors WHERE id = ?').pluck().get(li.id))).toBe(
      '13900000001',
    );
    const detail = await L.call<InstructorDetail>('instructors:detail', { id: li.id });
    expect(detail.assignments.map((a) => [a.enterpriseName, a.startedOn, a.endedOn])).toEqual([
      ['乙公司', '2026-03-01', null],
      ['甲公司', '2026-03-01', '2026-11-21'],
    ]);
  });
});

describe('领导联系点', () => {
  test('leaders are saved and the listed enterprises get them as 联系领导; one taken from another leader says so', async () => {
    await enterprise('甲公司');
    await enterprise('乙公司');
    const bing = await enterprise('丙公司');
    const chen = (await L.call<{ id: number }>('leaders:save', { name: '陈书记', position: '党委书记' })).id;
    await L.call('leaders:setEnterprises', { id: chen, enterpriseIds: [bing] });
    const path = L.csv('联系点.csv', [
      ['联系领导', '职务', '联系电话', '联系企业'],
      ['刘镇长', '镇长', '13700000000', '甲公司;乙公司'],
      ['陈书记', '党委书记', '', '乙公司'],
    ]);
    const report = await L.commit(path, { kind: 'contacts', onMatch: 'update' });
    expect(report).toMatchObject({ added: 1, updated: 1, skipped: 0, rejected: [] });
    expect(report.warnings).toEqual([
      { row: 3, column: '联系企业', value: '乙公司', reason: '“乙公司”原联系领导为“刘镇长”，改为本领导' },
    ]);
    const all = await L.enterprises();
    expect([...all.values()].map((e) => [e.name, e.leaderName])).toEqual([
      ['甲公司', '刘镇长'],
      ['乙公司', '陈书记'],
      ['丙公司', '陈书记'],
    ]);
    const detail = await L.call<LeaderDetail>('leaders:detail', { id: chen });
    expect(detail.enterprises.map((e) => e.name).sort()).toEqual(['丙公司', '乙公司'].sort());
  });
});

describe('调查表回收', () => {
  async function surveyWorkbook(rows: (string | number | null)[][]): Promise<string> {
    const headers = [SURVEY_ID_HEADER, ...SURVEY_FIELDS.map((f) => ENTERPRISE_FIELD_LABELS[f])];
    const at = (f: string) => headers.indexOf(ENTERPRISE_FIELD_LABELS[f as keyof typeof ENTERPRISE_FIELD_LABELS]);
    const lines = rows.map((r) => {
      const line: (string | number | null)[] = headers.map(() => null);
      const [id, values] = [r[0], r.slice(1)];
      line[0] = id ?? null;
      for (let i = 0; i < values.length; i += 2) line[at(String(values[i]))] = values[i + 1] ?? null;
      return line;
    });
    return L.xlsx('调查表.xlsx', [['长安村企业情况调查表'], headers, ...lines], (wb) => {
      const mark = wb.addWorksheet(SURVEY_MARK_SHEET, { state: 'hidden' });
      mark.getCell('A1').value = SURVEY_MARK;
      mark.getCell('A2').value = '长乐镇';
    });
  }

  test('a filled-in 调查表 updates exactly its enterprises, matched by record id only, and shows what changes', async () => {
    const jia = await enterprise('甲公司', { employees: 45, contactPhone: '13800000000', hasUnion: false });
    const yi = await enterprise('乙公司', { employees: 12, uscc: A });
    const bing = await enterprise('丙公司', { employees: 3 });
    const path = await surveyWorkbook([
      [jia, 'name', '甲公司', 'employees', '60', 'contactPhone', '138****0000', 'hasUnion', '是'],
      [yi, 'name', '乙公司', 'employees', 12],
      [9999, 'name', '丙公司', 'employees', 3],
      [null, 'name', '丁公司（新）', 'employees', 3],
      [jia, 'name', '甲公司', 'employees', 61],
      [bing, 'name', '丙公司', 'uscc', A],
    ]);
    const opened = await L.open(path);
    expect(opened.detectedKind).toBe('survey');
    expect(opened.sheets.map((s) => s.name)).toEqual(['Sheet1']);
    expect(opened.sheets[0]!.guessedHeader).toEqual({ start: 2, end: 2 });

    const preview = await L.preview(path, { kind: 'survey' });
    // The masked phone is the ledger's own number as exported: no change, no warning.
    expect(preview.counts).toEqual({ add: 0, update: 1, skip: 1, reject: 4, warned: 0 });
    expect(preview.rows.find((r) => r.row === 3)!.changes).toEqual([
      { field: 'employees', label: '从业人员数', from: '45人', to: '60人' },
      { field: 'hasUnion', label: '建有工会', from: '否', to: '是' },
    ]);
    expect(preview.rows.filter((r) => r.action === 'reject').map((r) => r.problems[0]!.reason)).toEqual([
      '记录编号9999在本台账中不存在（企业可能已被删除，或调查表来自其他台账），本行未导入',
      '缺少记录编号（该列请勿修改或删除），本行未导入',
      '与第3行的记录编号相同，属重复行：按第3行导入，本行未导入',
      '统一社会信用代码已被“乙公司”使用，同一代码不能登记两次',
    ]);

    const report = await L.commit(path, { kind: 'survey' });
    expect(report).toMatchObject({ added: 0, updated: 1, skipped: 1 });
    const all = await L.enterprises();
    expect([...all.keys()]).toEqual(['甲公司', '乙公司', '丙公司']);
    expect(all.get('丙公司')!.uscc).toBeNull();
    expect(all.get('甲公司')).toMatchObject({ employees: 60, contactPhone: '13800000000', hasUnion: true });
    expect(all.get('乙公司')).toMatchObject({ employees: 12 });
  });
});
