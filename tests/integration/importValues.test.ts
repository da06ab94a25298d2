import { describe, expect, test } from 'vitest';
import type { Lookups } from '../../shared/domain/lookups';
import type { PartyOrgItem } from '../../shared/domain/party';
import { useImportLedger } from './importSetup';

/**
 * The rules of domain.md §9 about what a row says (continued from importRules): areas the ledger does not know,
 * free text for coded fields, party organisations by name, counts that do not add up, masked values.
 */
const L = useImportLedger();

const create = (name: string, more: Record<string, unknown> = {}) =>
  L.call<{ id: number }>('enterprises:create', { input: { name, areaId: L.areaId(), ...more } });

describe('areas the ledger does not know', () => {
  test('refuse their rows unless the clerk adds them; added areas are made once, with the type their name says', async () => {
    const path = L.csv('区域.csv', [
      ['企业名称', '所在村'],
      ['甲公司', '城南社区'],
      ['乙公司', '城南社区'],
      ['丙公司', '长安村'],
      ['丁公司', '长乐经济开发区'],
    ]);
    const preview = await L.preview(path);
    expect(preview.unknownAreas).toEqual([
      { name: '城南社区', rows: 2 },
      { name: '长乐经济开发区', rows: 1 },
    ]);
    expect(preview.rows.filter((r) => r.action === 'reject').map((r) => r.problems[0]!.reason)).toEqual([
      '所在区域“城南社区”不在台账的区域列表中；如需新增，请在预览上方点该区域旁的“添加”（命令行加 --create-missing）',
      '所在区域“城南社区”不在台账的区域列表中；如需新增，请在预览上方点该区域旁的“添加”（命令行加 --create-missing）',
      '所在区域“长乐经济开发区”不在台账的区域列表中；如需新增，请在预览上方点该区域旁的“添加”（命令行加 --create-missing）',
    ]);

    const report = await L.commit(path, { addAreas: ['城南社区'] });
    expect(report).toMatchObject({ added: 3 });
    expect(report.rejected.map((p) => p.row)).toEqual([5]);
    const lookups = await L.call<Lookups>('settings:lookups');
    expect(lookups.areas.map((a) => [a.name, a.type, a.enterprises])).toEqual([
      ['长安村', 'village', 1],
      ['城南社区', 'community', 2],
    ]);
  });
});

describe('行业 and 企业性质 free text', () => {
  test('maps through synonyms; what does not map is kept as 其他 (or in 备注) with the original text and a warning', async () => {
    const path = L.csv('性质.csv', [
      ['企业名称', '所在村', '行业', '企业性质'],
      ['甲公司', '长安村', '工业', '有限责任公司'],
      ['乙公司', '长安村', '纺织加工', '有限责任公司（自然人独资）'],
      ['丙公司', '长安村', '综合', '事业单位'],
    ]);
    const preview = await L.preview(path);
    expect(preview.unknownValues).toEqual([
      { field: 'industry', label: '行业', value: '纺织加工', mappedTo: '制造业', rows: 1 },
      {
        field: 'ownership',
        label: '企业性质',
        value: '有限责任公司（自然人独资）',
        mappedTo: '私营有限责任公司',
        rows: 1,
      },
      { field: 'industry', label: '行业', value: '综合', mappedTo: '未识别（原文记入备注）', rows: 1 },
      { field: 'ownership', label: '企业性质', value: '事业单位', mappedTo: '其他（保留原文）', rows: 1 },
    ]);
    const report = await L.commit(path);
    expect(report.added).toBe(3);
    expect(report.warnings).toEqual([
      { row: 4, column: '行业', value: '综合', reason: '行业“综合”无法识别，未填行业，原文已记入备注' },
      { row: 4, column: '企业性质', value: '事业单位', reason: '企业性质“事业单位”无法识别，已记为“其他”并保留原文' },
    ]);
    const all = await L.enterprises();
    expect(all.get('甲公司')).toMatchObject({ industry: 'C', ownership: 'private-llc', ownershipNote: '' });
    expect(all.get('乙公司')).toMatchObject({ industry: 'C', ownership: 'private-llc' });
    expect(all.get('丙公司')).toMatchObject({
      industry: null,
      note: '原表行业：综合',
      ownership: 'other',
      ownershipNote: '事业单位',
    });
  });
});

describe('组织设置 and 党组织名称', () => {
  test('create or link organisations by name: one 联合 record for every row naming it; a 单独建立 one covers one', async () => {
    await L.call('partyOrgs:save', { input: { name: '园区联合党支部', type: 'joint-branch' }, enterpriseIds: [] });
    const path = L.csv('组织.csv', [
      ['企业名称', '所在村', '党组织设置', '党组织名称'],
      ['甲公司', '长安村', '联合建立', '长安村联合党支部'],
      ['乙公司', '长安村', '联建', '长安村联合党支部'],
      ['丙公司', '长安村', '单独建立', '丙公司党支部'],
      ['丁公司', '长安村', '单建', ''],
      ['戊公司', '长安村', '挂靠', '长安村党委'],
      ['己公司', '长安村', '', '园区联合党支部'],
      ['庚公司', '长安村', '单独建立', '丙公司党支部'],
      ['辛公司', '长安村', '联合建立', '丙公司党支部'],
      ['壬公司', '长安村', '联合建立', ''],
      ['癸公司', '长安村', '未建', ''],
    ]);
    const report = await L.commit(path);
    expect(report.added).toBe(7);
    expect(report.rejected.map((p) => [p.row, p.column, p.reason])).toEqual([
      [
        8,
        '党组织名称',
        '“丙公司党支部”是党支部（单独建立），已覆盖“丙公司”，不能再覆盖其他企业；多家企业共建请填写联合党组织',
      ],
      [9, '党组织设置', '党组织“丙公司党支部”是党支部，属于“单独建立”，与本行组织设置“联合建立”不符，请核对'],
      [
        10,
        '党组织设置',
        '组织设置为“联合建立”，但未填写党组织名称；请填写所在联合党组织的名称，以便关联到同一个党组织',
      ],
    ]);
    expect(report.warnings).toEqual([
      { row: 5, column: '党组织设置', value: '单建', reason: '未填写党组织名称，将新建“丁公司党支部”' },
    ]);
    const orgs = await L.call<PartyOrgItem[]>('partyOrgs:list', {});
    expect(orgs.map((o) => [o.name, o.type, o.host, o.enterprises]).sort()).toEqual(
      [
        ['丁公司党支部', 'branch', 'enterprise', 1],
        ['丙公司党支部', 'branch', 'enterprise', 1],
        ['园区联合党支部', 'joint-branch', 'enterprise', 1],
        ['长安村联合党支部', 'joint-branch', 'enterprise', 2],
        ['长安村党委', 'committee', 'locality', 1],
      ].sort(),
    );
    const all = await L.enterprises();
    expect([...all.values()].map((e) => [e.name, e.orgSetting, e.partyOrgName])).toEqual([
      ['甲公司', 'joint', '长安村联合党支部'],
      ['乙公司', 'joint', '长安村联合党支部'],
      ['丙公司', 'standalone', '丙公司党支部'],
      ['丁公司', 'standalone', '丁公司党支部'],
      ['戊公司', 'attached', '长安村党委'],
      ['己公司', 'joint', '园区联合党支部'],
      ['癸公司', 'none', null],
    ]);
  });
});

describe('counts that do not add up, and masked values', () => {
  test('流动党员 greater than 正式 + 预备 is kept as typed, with a warning', async () => {
    const path = L.csv('流动.csv', [
      ['企业名称', '所在村', '党员人数/正式', '党员人数/预备', '党员人数/流动'],
      ['甲公司', '长安村', '1', '1', '5'],
    ]);
    const report = await L.commit(path, {
      columns: {
        企业名称: 'name',
        所在村: 'areaId',
        '党员人数/正式': 'fullMembers',
        '党员人数/预备': 'probationaryMembers',
        '党员人数/流动': 'membersFloating',
      },
    });
    expect(report).toMatchObject({ added: 1, rejected: [] });
    expect(report.warnings).toEqual([
      {
        row: 2,
        column: '党员人数/流动',
        value: '5',
        reason: '亮身份/流动党员（5名）多于正式与预备党员合计（2名），请核实',
      },
      {
        row: 2,
        column: '组织关系在本企业',
        value: '',
        reason: '按组织关系所在分列的党员合计5名，多于正式与预备党员合计2名，请核实',
      },
    ]);
    expect((await L.enterprises()).get('甲公司')).toMatchObject({
      fullMembers: 1,
      probationaryMembers: 1,
      membersFloating: 5,
    });
  });

  test('a masked value (with *) never overwrites real data, and is not stored on a new record either', async () => {
    await create('甲公司', { contactPhone: '13800000000' });
    await create('丙公司', { contactPhone: '13700001234' });
    const path = L.csv('脱敏.csv', [
      ['企业名称', '所在村', '联系电话', '职工人数'],
      ['甲公司', '长安村', '139****0000', '66'],
      ['乙公司', '长安村', '139****1111', '7'],
      // The ledger's own number as an export masks it: passed over without a word.
      ['丙公司', '长安村', '137****1234', '8'],
    ]);
    const report = await L.commit(path, { onMatch: 'update' });
    expect(report).toMatchObject({ added: 1, updated: 2, rejected: [] });
    expect(report.warnings).toEqual([
      {
        row: 2,
        column: '联系电话',
        value: '139****0000',
        reason: '联系电话“139****0000”是隐去部分内容的显示值，未导入（不会覆盖台账中的原有内容）',
      },
      {
        row: 3,
        column: '联系电话',
        value: '139****1111',
        reason: '联系电话“139****1111”是隐去部分内容的显示值，未导入（不会覆盖台账中的原有内容）',
      },
    ]);
    const all = await L.enterprises();
    expect(all.get('甲公司')).toMatchObject({ contactPhone: '13800000000', employees: 66 });
    expect(all.get('乙公司')).toMatchObject({ contactPhone: '', employees: 7 });
    expect(all.get('丙公司')).toMatchObject({ contactPhone: '13700001234', employees: 8 });
  });
});
