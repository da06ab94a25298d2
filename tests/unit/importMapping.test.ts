import { describe, expect, test } from 'vitest';
import { guessMapping, layoutSignature, normalizeHeader } from '../../shared/excel/guessMapping';
import { IMPORT_FIELDS, missingColumns } from '../../shared/excel/importFields';
import type { ImportKind } from '../../shared/excel/kinds';
import { SURVEY_FIELDS, SURVEY_ID_HEADER } from '../../shared/excel/survey';
import { ENTERPRISE_FIELD_LABELS } from '../../shared/domain/enterpriseInput';

/** header → field for the columns the guess mapped; unmapped headers are left out. */
function guessed(kind: ImportKind, headers: string[]): Record<string, string> {
  return Object.fromEntries(guessMapping(kind, headers).map((m) => [headers[m.column], m.field]));
}

describe('normalizeHeader', () => {
  test('spaces, line breaks, marks, units and brackets go; the words inside brackets stay', () => {
    expect(normalizeHeader(' 职工人数\n（人） ')).toBe('职工人数');
    expect(normalizeHeader('2023年营业收入(万元)')).toBe('2023年营业收入');
    expect(normalizeHeader('*企业（单位）名称')).toBe('企业单位名称');
    expect(normalizeHeader('业主是否党员（是/否）')).toBe('业主是否党员');
    expect(normalizeHeader('活动场所面积（㎡）')).toBe('活动场所面积');
    expect(normalizeHeader('所在村（社区）')).toBe('所在村社区');
    expect(normalizeHeader('ＡＢＣ　名称')).toBe('abc名称');
  });

  test('the parts of a two-row header stay apart, and a leading 其中 is dropped from each', () => {
    expect(normalizeHeader('党员人数 / 正式')).toBe('党员人数/正式');
    expect(normalizeHeader('从业人员/其中35岁以下')).toBe('从业人员/35岁以下');
  });
});

describe('guessMapping', () => {
  test('a clerk’s ledger header maps field by field, the 序号 and a stray column left alone', () => {
    const headers = [
      '序号',
      '企业（单位）名称',
      '统一社会信用代码',
      '所在村（社区）',
      '行业',
      '企业性质',
      '职工人数（人）',
      '2023年营业收入（万元）',
      '党员人数/正式',
      '党员人数/预备',
      '党员人数/流动',
      '党组织设置',
      '党组织名称',
      '法定代表人',
      '联系电话',
      '备用列',
      '备注',
    ];
    expect(guessed('enterprises', headers)).toEqual({
      '企业（单位）名称': 'name',
      统一社会信用代码: 'uscc',
      '所在村（社区）': 'areaId',
      行业: 'industry',
      企业性质: 'ownership',
      '职工人数（人）': 'employees',
      '2023年营业收入（万元）': 'revenue',
      '党员人数/正式': 'fullMembers',
      '党员人数/预备': 'probationaryMembers',
      '党员人数/流动': 'membersFloating',
      党组织设置: 'orgSetting',
      党组织名称: 'partyOrgId',
      法定代表人: 'ownerName',
      联系电话: 'contactPhone',
      备注: 'note',
    });
  });

  test('the synonyms of real headers find their fields', () => {
    expect(
      guessed('enterprises', ['单位名称', '从业人员数', '信用代码', '年营业收入（万元）', '业主', '手机']),
    ).toEqual({
      单位名称: 'name',
      从业人员数: 'employees',
      信用代码: 'uscc',
      '年营业收入（万元）': 'revenue',
      业主: 'ownerName',
      手机: 'contactPhone',
    });
    expect(guessed('enterprises', ['企业名称', '从业人员', '社会信用代码', '负责人', '正式党员', '预备党员'])).toEqual({
      企业名称: 'name',
      从业人员: 'employees',
      社会信用代码: 'uscc',
      负责人: 'ownerName',
      正式党员: 'fullMembers',
      预备党员: 'probationaryMembers',
    });
  });

  test('a field takes one column: the first exact match, a second one stays unmapped', () => {
    const mapping = guessMapping('enterprises', ['企业名称', '单位名称', '职工人数', '从业人员数']);
    expect(mapping).toEqual([
      { column: 0, field: 'name' },
      { column: 2, field: 'employees' },
    ]);
  });

  test('an exact synonym wins over an earlier column that only contains one', () => {
    expect(guessed('enterprises', ['企业名称及简称', '企业名称'])).toEqual({ 企业名称: 'name' });
  });

  test('a header containing a field’s words maps, the longest word deciding; a phone header only to a phone', () => {
    expect(guessed('enterprises', ['企业名称', '企业实际从业人员', '联系人电话', '联系人'])).toEqual({
      企业名称: 'name',
      企业实际从业人员: 'employees',
      联系人电话: 'contactPhone',
      联系人: 'contactName',
    });
    // 指导员电话 is about a phone: it never becomes the 指导员 column.
    expect(guessed('enterprises', ['企业名称', '指导员电话'])).toEqual({
      企业名称: 'name',
      指导员电话: 'contactPhone',
    });
  });

  test('short words match only a header that is exactly them: 党员人数统计 is not 正式党员, 人数说明 not 从业人员', () => {
    expect(guessed('enterprises', ['企业名称', '党员人数统计', '人数说明'])).toEqual({ 企业名称: 'name' });
    expect(guessed('enterprises', ['企业名称', '人数', '党员'])).toEqual({
      企业名称: 'name',
      人数: 'employees',
      党员: 'fullMembers',
    });
  });

  test('a member roster, an instructors list and a contact list map to their own fields', () => {
    expect(
      guessed('members', [
        '序号',
        '姓名',
        '性别',
        '出生年月',
        '学历',
        '入党时间',
        '正式/预备',
        '组织关系所在',
        '岗位',
        '联系电话',
        '身份证号码',
        '所在企业',
      ]),
    ).toEqual({
      姓名: 'name',
      性别: 'gender',
      出生年月: 'birthMonth',
      学历: 'education',
      入党时间: 'joinedOn',
      '正式/预备': 'status',
      组织关系所在: 'location',
      岗位: 'position',
      联系电话: 'phone',
      身份证号码: 'idNumber',
      所在企业: 'enterpriseId',
    });
    expect(guessed('members', ['企业名称', '统一社会信用代码', '党员姓名'])).toEqual({
      企业名称: 'enterpriseId',
      统一社会信用代码: 'enterpriseUscc',
      党员姓名: 'name',
    });
    expect(guessed('instructors', ['姓名', '单位及职务', '手机', '专兼职', '来源', '派驻时间', '派驻企业'])).toEqual({
      姓名: 'name',
      单位及职务: 'position',
      手机: 'phone',
      专兼职: 'fullTime',
      来源: 'source',
      派驻时间: 'appointedOn',
      派驻企业: 'enterprises',
    });
    expect(guessed('contacts', ['联系领导', '职务', '联系电话', '联系企业'])).toEqual({
      联系领导: 'name',
      职务: 'position',
      联系电话: 'phone',
      联系企业: 'enterprises',
    });
  });

  test('a 调查表 this program wrote maps every column back: the record id and the survey fields', () => {
    const headers = [SURVEY_ID_HEADER, ...SURVEY_FIELDS.map((f) => ENTERPRISE_FIELD_LABELS[f])];
    expect(guessMapping('survey', headers)).toEqual(
      headers.map((_, i) => ({ column: i, field: i === 0 ? 'id' : SURVEY_FIELDS[i - 1] })),
    );
  });
});

describe('layoutSignature', () => {
  test('the same layout with other spacing, units or trailing blank columns is the same signature', () => {
    const a = layoutSignature('enterprises', ['企业名称', '职工人数（人）', '党员人数/正式']);
    expect(layoutSignature('enterprises', [' 企业名称 ', '职工人数', '党员人数 / 正式', '', ''])).toBe(a);
    expect(layoutSignature('enterprises', ['职工人数', '企业名称', '党员人数/正式'])).not.toBe(a);
    expect(layoutSignature('members', ['企业名称', '职工人数（人）', '党员人数/正式'])).not.toBe(a);
  });
});

describe('the field catalog', () => {
  test('every kind lists each field once, with a Chinese label', () => {
    for (const [kind, fields] of Object.entries(IMPORT_FIELDS)) {
      const keys = fields.map((f) => f.key);
      expect(new Set(keys).size, kind).toBe(keys.length);
      for (const f of fields) expect(f.label, `${kind}.${f.key}`).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  test('the columns an import cannot do without are named in the refusal', () => {
    expect(missingColumns('enterprises', new Set(['uscc']))).toBe('导入企业台账须有“企业名称”列，请在列对应关系中指定');
    expect(missingColumns('members', new Set(['name']))).toBe(
      '导入党员名册须有“所在企业”或“所在企业统一社会信用代码”列，请在列对应关系中指定',
    );
    expect(missingColumns('members', new Set(['name', 'enterpriseUscc']))).toBeNull();
    expect(missingColumns('survey', new Set(['name']))).toBe(
      `导入调查表回收须有“${SURVEY_ID_HEADER}”列，请在列对应关系中指定`,
    );
  });
});
