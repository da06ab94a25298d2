import { describe, expect, test } from 'vitest';
import {
  ENTERPRISE_FIELD_LABELS,
  enterpriseInput,
  type EnterpriseFields,
  type EnterpriseValues,
} from '../../shared/domain/enterpriseInput';
import { isCalendarDate, isoDate, phoneNumber } from '../../shared/domain/fieldSchemas';
import {
  CONTROL_TYPES,
  ENTERPRISE_KINDS,
  FORMATION_METHODS,
  INDUSTRY_SECTIONS,
  OPERATING_STATUSES,
  OWNERSHIPS,
} from '../../shared/domain/labels';

type Field = keyof EnterpriseFields;
const L = ENTERPRISE_FIELD_LABELS;
const CHINESE = /[\u4e00-\u9fff]/;

/** The least a clerk must type: a name and an area. */
const MINIMAL = { name: '长乐机械有限公司', areaId: 3 };

/**
 * 91330683123456788H — a credit code in 嵊州 (330683) built as GB 32100 prescribes:
 * organisation code 12345678 with its GB 11714 check digit 8 (sum 1·3+2·7+3·9+4·10+5·5+6·8+7·4+8·2 = 201,
 * 201 mod 11 = 3, 11 − 3 = 8), then the 18th character over the first 17:
 * 9·1+1·3+3·9+3·27+0·19+6·26+8·16+3·17+1·20+2·29+3·25+4·13+5·8+6·24+7·10+8·30+8·28
 * = 9+3+27+81+156+128+51+20+58+75+52+40+144+70+240+224 = 1378; 1378 = 44·31 + 14; 31 − 14 = 17 → “H”.
 */
const CODE = '91330683123456788H';
/** The same code as typed with a Chinese IME in full-width mode. */
const CODE_FULL_WIDTH = '９１３３０６８３１２３４５６７８８Ｈ';

function parse(extra: Record<string, unknown>) {
  return enterpriseInput.safeParse({ ...MINIMAL, ...extra });
}

function accepted(extra: Record<string, unknown>): EnterpriseValues {
  const result = parse(extra);
  if (!result.success) throw new Error(`expected acceptance, got ${JSON.stringify(result.error.issues)}`);
  return result.data;
}

/** The one issue a rejected input yields; its path and message are what the form shows beside the field. */
function rejection(extra: Record<string, unknown>, base: Record<string, unknown> = MINIMAL) {
  const result = enterpriseInput.safeParse({ ...base, ...extra });
  expect(result.success).toBe(false);
  const issues = result.error!.issues;
  expect(issues, JSON.stringify(issues)).toHaveLength(1);
  const issue = issues[0]!;
  return { path: issue.path, message: issue.message };
}

/** A rejection a clerk can act on: on the field, in Chinese, naming the field. */
function expectFieldRejection(field: Field, extra: Record<string, unknown>, message: string | RegExp) {
  const { path, message: actual } = rejection(extra);
  expect(path).toEqual([field]);
  expect(actual).toMatch(CHINESE);
  expect(actual).toContain(L[field]);
  if (typeof message === 'string') expect(actual).toBe(message);
  else expect(actual).toMatch(message);
}

describe('ENTERPRISE_FIELD_LABELS', () => {
  test('every key of the schema has a Chinese label; the other labels are the fields the core derives', () => {
    const shapeKeys = Object.keys(enterpriseInput.shape).sort();
    const labelKeys = Object.keys(ENTERPRISE_FIELD_LABELS).sort();
    // 组织设置 follows the organisation link and the roster flag the roster: labelled for history, never typed.
    expect([...shapeKeys, 'orgSetting', 'rosterKept'].sort()).toEqual(labelKeys);
    expect(shapeKeys).toHaveLength(50);
    for (const key of labelKeys) expect(L[key as Field], key).toMatch(CHINESE);
  });

  test('labels are distinct, so a message naming a field names only one', () => {
    const labels = Object.values(ENTERPRISE_FIELD_LABELS);
    expect(new Set(labels).size).toBe(labels.length);
  });

  test('a few labels as the survey form words them', () => {
    expect(L.name).toBe('企业名称');
    expect(L.uscc).toBe('统一社会信用代码');
    expect(L.regNo).toBe('工商注册号');
    expect(L.contactPhone).toBe('联系电话');
    expect(L.employees).toBe('从业人员数');
    expect(L.revenue).toBe('年营业收入');
    expect(L.payroll).toBe('工资总额');
    expect(L.starRating).toBe('星级');
  });
});

describe('a minimal enterprise', () => {
  test('{name, areaId} parses with every default filled in', () => {
    expect(accepted({})).toEqual({
      name: '长乐机械有限公司',
      uscc: null,
      regNo: null,
      kind: 'enterprise',
      ownership: null,
      ownershipNote: '',
      industry: null,
      aboveScale: false,
      controlType: null,
      areaId: 3,
      address: '',
      foundedOn: null,
      operatingStatus: 'normal',
      statusSince: null,
      revenue: null,
      payroll: null,
      employees: null,
      youngEmployees: null,
      ownerName: '',
      ownerIsMember: false,
      ownerIsSecretary: false,
      ownerIsDeputy: false,
      contactName: '',
      contactPhone: '',
      fullMembers: 0,
      probationaryMembers: 0,
      activists: 0,
      membersInEnterprise: null,
      membersInTalentAgency: null,
      membersAtOrigin: null,
      membersTemporary: null,
      membersFloating: null,
      partyOrgId: null,
      noOrgReason: '',
      formationDirection: null,
      hasVenue: false,
      venueArea: null,
      fundingInBudget: false,
      hasUnion: false,
      hasYouthLeague: false,
      hasWomenFederation: false,
      workGroupId: null,
      instructorId: null,
      leaderId: null,
      associationId: null,
      leadEnterpriseId: null,
      keyCultivation: false,
      starRating: 0,
      note: '',
      surveyedOn: null,
    });
  });

  test('null for an optional number, date, choice or reference is stored as null', () => {
    const v = accepted({
      uscc: null,
      regNo: null,
      ownership: null,
      industry: null,
      controlType: null,
      foundedOn: null,
      statusSince: null,
      surveyedOn: null,
      revenue: null,
      payroll: null,
      employees: null,
      youngEmployees: null,
      membersInEnterprise: null,
      membersFloating: null,
      formationDirection: null,
      venueArea: null,
      workGroupId: null,
      instructorId: null,
    });
    for (const f of [
      'uscc',
      'regNo',
      'ownership',
      'industry',
      'controlType',
      'foundedOn',
      'statusSince',
      'surveyedOn',
      'revenue',
      'payroll',
      'employees',
      'youngEmployees',
      'membersInEnterprise',
      'membersFloating',
      'formationDirection',
      'venueArea',
      'workGroupId',
      'instructorId',
    ] as const) {
      expect(v[f], f).toBeNull();
    }
  });

  test('blank strings for a code or a date become null, blank texts stay empty', () => {
    const v = accepted({ uscc: '', regNo: '  ', foundedOn: '', surveyedOn: '   ', address: '   ', note: '' });
    expect(v.uscc).toBeNull();
    expect(v.regNo).toBeNull();
    expect(v.foundedOn).toBeNull();
    expect(v.surveyedOn).toBeNull();
    expect(v.address).toBe('');
    expect(v.note).toBe('');
  });

  test('a complete record keeps every value the clerk typed', () => {
    const full = {
      name: '长乐机械有限公司',
      uscc: CODE,
      regNo: '330683000012345',
      kind: 'enterprise',
      ownership: 'private-llc',
      ownershipNote: '',
      industry: 'C',
      aboveScale: true,
      controlType: 'private-sole',
      areaId: 3,
      address: '长乐镇工业园区1号',
      foundedOn: '2011-08-09',
      operatingStatus: 'difficult',
      statusSince: '2024-03-01',
      revenue: 1234.5,
      payroll: 300.25,
      employees: 45,
      youngEmployees: 20,
      ownerName: '张三',
      ownerIsMember: true,
      ownerIsSecretary: true,
      ownerIsDeputy: false,
      contactName: '李四',
      contactPhone: '13800000000',
      fullMembers: 3,
      probationaryMembers: 1,
      activists: 2,
      membersInEnterprise: 2,
      membersInTalentAgency: 1,
      membersAtOrigin: 1,
      membersTemporary: 0,
      membersFloating: 0,
      partyOrgId: 8,
      noOrgReason: '',
      formationDirection: 'standalone',
      hasVenue: true,
      venueArea: 60.5,
      fundingInBudget: true,
      hasUnion: true,
      hasYouthLeague: false,
      hasWomenFederation: true,
      workGroupId: 2,
      instructorId: 5,
      leaderId: 4,
      associationId: 11,
      leadEnterpriseId: 12,
      keyCultivation: true,
      starRating: 4,
      note: '2024年摸底',
      surveyedOn: '2024-05-20',
    };
    expect(enterpriseInput.parse(full)).toEqual(full);
  });
});

describe('name and area', () => {
  test('the name is trimmed, including the ideographic space', () => {
    expect(accepted({ name: '  长乐机械有限公司 ' }).name).toBe('长乐机械有限公司');
    expect(accepted({ name: '\u3000长乐机械有限公司\u3000' }).name).toBe('长乐机械有限公司');
  });

  test.each([[''], ['   '], ['\u3000\u3000'], [undefined], [null], [42]])('name %j → 请填写企业名称', (name) => {
    const { path, message } = rejection({ name });
    expect(path).toEqual(['name']);
    expect(message).toBe('请填写企业名称');
  });

  test('a missing name → 请填写企业名称', () => {
    expect(rejection({}, { areaId: 3 })).toEqual({ path: ['name'], message: '请填写企业名称' });
  });

  test('100 characters are allowed, 101 are not', () => {
    expect(accepted({ name: '企'.repeat(100) }).name).toHaveLength(100);
    expectFieldRejection('name', { name: '企'.repeat(101) }, '企业名称不能超过100个字');
  });

  test.each([['长乐<script>'], ['长乐>机械'], ['长乐\t机械'], ['长乐\u0000机械']])(
    'name %j with a control character or angle bracket is refused',
    (name) => {
      expectFieldRejection('name', { name }, '企业名称含有不允许的字符');
    },
  );

  test('a missing areaId → 请选择所在区域', () => {
    expect(rejection({}, { name: '长乐机械有限公司' })).toEqual({ path: ['areaId'], message: '请选择所在区域' });
  });

  test.each([[0], [-1], [1.5], ['3'], [null]])('areaId %j → 请选择所在区域', (areaId) => {
    expect(rejection({ areaId })).toEqual({ path: ['areaId'], message: '请选择所在区域' });
  });
});

describe('统一社会信用代码', () => {
  test('a valid code is kept', () => {
    expect(accepted({ uscc: CODE }).uscc).toBe(CODE);
    expect(accepted({ uscc: '91350100M000100Y43' }).uscc).toBe('91350100M000100Y43');
  });

  test.each([[''], ['   '], ['\u3000'], [null], [undefined]])('blank %j → null', (uscc) => {
    expect(accepted({ uscc }).uscc).toBeNull();
  });

  test('full-width input is normalised to the ASCII upper-case code', () => {
    expect(accepted({ uscc: CODE_FULL_WIDTH }).uscc).toBe(CODE);
    expect(accepted({ uscc: '９１３３０６８３１２３４５６７８８ｈ' }).uscc).toBe(CODE);
  });

  test('lower-case letters are upper-cased, spaces dropped', () => {
    expect(accepted({ uscc: '91330683123456788h' }).uscc).toBe(CODE);
    expect(accepted({ uscc: '91350100m000100y43' }).uscc).toBe('91350100M000100Y43');
    expect(accepted({ uscc: ' 9133 0683 1234 5678 8H ' }).uscc).toBe(CODE);
    expect(accepted({ uscc: '913306831234\u30005678 8H' }).uscc).toBe(CODE);
  });

  test('a wrong check character is refused, saying which it should be', () => {
    const { path, message } = rejection({ uscc: '91330683123456788J' });
    expect(path).toEqual(['uscc']);
    expect(message).toContain('统一社会信用代码');
    expect(message).toContain('校验位');
    expect(message).toBe('统一社会信用代码校验位错误：第18位应为“H”，实际为“J”，请核对是否抄错');
  });

  test('a wrong check character typed in full-width lower case is reported in normalised form', () => {
    expect(rejection({ uscc: '９１３３０６８３１２３４５６７８８ｊ' }).message).toBe(
      '统一社会信用代码校验位错误：第18位应为“H”，实际为“J”，请核对是否抄错',
    );
  });

  test('a 15-digit number is refused as a 工商注册号', () => {
    const { path, message } = rejection({ uscc: '330683000012345' });
    expect(path).toEqual(['uscc']);
    expect(message).toBe('统一社会信用代码这是15位的工商注册号，不是统一社会信用代码，请填入“工商注册号”一栏');
    expect(message).toContain('工商注册号');
  });

  test('a wrong length is refused with the length typed', () => {
    expect(rejection({ uscc: CODE.slice(0, 17) })).toEqual({
      path: ['uscc'],
      message: '统一社会信用代码应为18位，实际为17位',
    });
  });

  test('a character outside the code alphabet is refused with its position', () => {
    const { path, message } = rejection({ uscc: '91330683I23456788H' });
    expect(path).toEqual(['uscc']);
    expect(message).toContain('统一社会信用代码');
    expect(message).toContain('第9位“I”不是有效字符');
  });
});

describe('工商注册号', () => {
  test('15 digits are kept', () => {
    expect(accepted({ regNo: '330683000012345' }).regNo).toBe('330683000012345');
  });

  test('13 digits (the older numbers) are kept, as the message promises', () => {
    expect(accepted({ regNo: '3306830000123' }).regNo).toBe('3306830000123');
  });

  test('full-width digits and surrounding spaces are normalised', () => {
    expect(accepted({ regNo: ' ３３０６８３００００１２３４５ ' }).regNo).toBe('330683000012345');
  });

  test.each([[''], ['  '], [null], [undefined]])('blank %j → null', (regNo) => {
    expect(accepted({ regNo }).regNo).toBeNull();
  });

  test.each([['12345'], ['33068300001234'], ['3306830000123456'], ['33068300001234X'], [CODE]])(
    '%s is refused',
    (regNo) => {
      expectFieldRejection('regNo', { regNo }, '工商注册号应为13位或15位数字');
    },
  );
});

describe('numbers', () => {
  test.each([
    ['employees', '从业人员数'],
    ['youngEmployees', '35岁以下职工数'],
    ['revenue', '年营业收入'],
    ['payroll', '工资总额'],
    ['venueArea', '活动场所面积'],
    ['membersInEnterprise', '组织关系在本企业'],
    ['membersFloating', '亮身份/流动党员'],
    ['fullMembers', '正式党员'],
    ['probationaryMembers', '预备党员'],
    ['activists', '入党积极分子'],
  ] as const)('a negative %s is refused naming %s', (field, label) => {
    expectFieldRejection(field, { [field]: -1 }, `${label}不能为负数`);
  });

  test('zero is a valid value, not a blank', () => {
    const v = accepted({ employees: 0, revenue: 0, payroll: 0, youngEmployees: 0, venueArea: 0, membersFloating: 0 });
    expect(v.employees).toBe(0);
    expect(v.revenue).toBe(0);
    expect(v.payroll).toBe(0);
    expect(v.youngEmployees).toBe(0);
    expect(v.venueArea).toBe(0);
    expect(v.membersFloating).toBe(0);
  });

  test('money and area may be fractional', () => {
    const v = accepted({ revenue: 1234.56, payroll: 0.5, venueArea: 60.5 });
    expect(v.revenue).toBe(1234.56);
    expect(v.payroll).toBe(0.5);
    expect(v.venueArea).toBe(60.5);
  });

  test.each([
    ['employees', '从业人员数'],
    ['youngEmployees', '35岁以下职工数'],
    ['fullMembers', '正式党员'],
    ['activists', '入党积极分子'],
    ['membersAtOrigin', '组织关系在原单位或街道社区'],
  ] as const)('a fractional %s is refused: %s应为整数', (field, label) => {
    expectFieldRejection(field, { [field]: 12.5 }, `${label}应为整数`);
  });

  test.each([
    ['employees', '45', '从业人员数应填数字'],
    ['revenue', '1234', '年营业收入应填数字'],
    ['payroll', '三百', '工资总额应填数字'],
    ['fullMembers', '3', '正式党员应填数字'],
    ['employees', Number.NaN, '从业人员数应填数字'],
    ['revenue', Number.POSITIVE_INFINITY, '年营业收入应填数字'],
  ] as const)('%s = %j is refused: %s', (field, value, message) => {
    expectFieldRejection(field, { [field]: value }, message);
  });

  test.each([
    ['employees', 1_000_000, 1_000_001, '从业人员数不能超过1000000'],
    ['revenue', 100_000_000, 100_000_001, '年营业收入不能超过100000000'],
    ['payroll', 10_000_000, 10_000_001, '工资总额不能超过10000000'],
    ['fullMembers', 100_000, 100_001, '正式党员不能超过100000'],
    ['membersTemporary', 100_000, 100_001, '临时组织关系不能超过100000'],
  ] as const)('%s: %i is the most allowed, %i is refused', (field, max, over, message) => {
    expect(accepted({ [field]: max })[field]).toBe(max);
    expectFieldRejection(field, { [field]: over }, message);
  });

  test('a null member count (fullMembers) is refused, not read as 0', () => {
    expectFieldRejection('fullMembers', { fullMembers: null }, '正式党员应填数字');
  });
});

describe('星级', () => {
  test.each([0, 1, 2, 3, 4, 5])('%i stars are accepted', (starRating) => {
    expect(accepted({ starRating }).starRating).toBe(starRating);
  });

  test.each([[-1], [6], [2.5], ['3'], [null]])('%j is refused: 星级应为0到5', (starRating) => {
    expectFieldRejection('starRating', { starRating }, '星级应为0到5');
  });
});

describe('联系电话', () => {
  test.each([
    ['13800000000', '13800000000'],
    ['0575-83012345', '0575-83012345'],
    ['057583012345', '057583012345'],
    ['010-12345678', '010-12345678'],
    ['83012345', '83012345'],
    ['0575-83012345-801', '0575-83012345-801'],
    [' 13800000000 ', '13800000000'],
    ['１３８００００００００', '13800000000'],
    ['０５７５-８３０１２３４５', '0575-83012345'],
    ['', ''],
    ['   ', ''],
  ])('%j is stored as %j', (contactPhone, stored) => {
    expect(accepted({ contactPhone }).contactPhone).toBe(stored);
  });

  test.each([['12345'], ['1380000000'], ['138000000001'], ['23800000000'], ['电话13800000000'], ['0575 83012345']])(
    '%j is refused naming 联系电话',
    (contactPhone) => {
      expectFieldRejection(
        'contactPhone',
        { contactPhone },
        '联系电话应为11位手机号，或带区号的固定电话，例如 0575-83012345',
      );
    },
  );
});

describe('dates', () => {
  const DATE_FIELDS = [
    ['foundedOn', '成立日期'],
    ['statusSince', '状况起始日期'],
    ['surveyedOn', '摸底核实日期'],
  ] as const;

  test.each(DATE_FIELDS)('%s accepts 2011-08-09 and trims it', (field) => {
    expect(accepted({ [field]: '2011-08-09' })[field]).toBe('2011-08-09');
    expect(accepted({ [field]: ' 2011-08-09 ' })[field]).toBe('2011-08-09');
  });

  test.each(
    DATE_FIELDS.flatMap(([field, label]) =>
      [
        '2011-02-30',
        '2011/8/9',
        '2011-8-9',
        '2011-13-01',
        '2011-02-29',
        '1899-12-31',
        '20110809',
        '2011-08-09T00:00',
      ].map((value) => [field, label, value] as const),
    ),
  )('%s refuses %s %j', (field, label, value) => {
    expectFieldRejection(field, { [field]: value }, `${label}应为有效日期，例如 2011-08-09`);
  });

  test('a leap day is accepted in a leap year', () => {
    expect(accepted({ foundedOn: '2012-02-29' }).foundedOn).toBe('2012-02-29');
    expect(accepted({ foundedOn: '2000-02-29' }).foundedOn).toBe('2000-02-29');
  });
});

describe('choices and references', () => {
  test.each([
    ['kind', 'company', '请从列表中选择单位类型'],
    ['operatingStatus', 'closed', '请从列表中选择经营状况'],
    ['ownership', 'state', '请从列表中选择企业性质'],
    ['industry', 'Z', '请从列表中选择行业'],
    ['controlType', 'public', '请从列表中选择经济控制类型'],
    ['formationDirection', 'alone', '请从列表中选择组建方向'],
  ] as const)('%s = %j is refused: %s', (field, value, message) => {
    expectFieldRejection(field, { [field]: value }, message);
  });

  test('every id of every label list is accepted', () => {
    for (const kind of Object.keys(ENTERPRISE_KINDS)) expect(accepted({ kind }).kind).toBe(kind);
    for (const ownership of Object.keys(OWNERSHIPS)) expect(accepted({ ownership }).ownership).toBe(ownership);
    for (const industry of Object.keys(INDUSTRY_SECTIONS)) expect(accepted({ industry }).industry).toBe(industry);
    for (const controlType of Object.keys(CONTROL_TYPES))
      expect(accepted({ controlType }).controlType).toBe(controlType);
    for (const operatingStatus of Object.keys(OPERATING_STATUSES))
      expect(accepted({ operatingStatus }).operatingStatus).toBe(operatingStatus);
    for (const formationDirection of Object.keys(FORMATION_METHODS))
      expect(accepted({ formationDirection }).formationDirection).toBe(formationDirection);
  });

  test.each([
    ['workGroupId', '请选择推进组'],
    ['instructorId', '请选择党建工作指导员'],
    ['leaderId', '请选择联系领导'],
    ['partyOrgId', '请选择所在党组织'],
    ['associationId', '请选择所属商会/行业协会'],
    ['leadEnterpriseId', '请选择龙头企业'],
  ] as const)('%s must be a positive whole id: %s', (field, message) => {
    expect(accepted({ [field]: 7 })[field]).toBe(7);
    for (const value of [0, -2, 1.5, '7']) expectFieldRejection(field, { [field]: value }, message);
  });
});

describe('texts', () => {
  test('texts are trimmed', () => {
    const v = accepted({ address: ' 长乐镇工业园区1号 ', ownerName: '\u3000张三 ', noOrgReason: ' 党员不足 ' });
    expect(v.address).toBe('长乐镇工业园区1号');
    expect(v.ownerName).toBe('张三');
    expect(v.noOrgReason).toBe('党员不足');
  });

  test.each([
    ['ownerName', 30, '业主/法定代表人不能超过30个字'],
    ['contactName', 30, '联系人不能超过30个字'],
    ['ownershipNote', 50, '企业性质说明不能超过50个字'],
    ['address', 200, '地址不能超过200个字'],
    ['noOrgReason', 200, '党组织未建原因不能超过200个字'],
    ['note', 1000, '备注不能超过1000个字'],
  ] as const)('%s: %i characters allowed, one more refused', (field, max, message) => {
    expect(accepted({ [field]: '字'.repeat(max) })[field]).toHaveLength(max);
    expectFieldRejection(field, { [field]: '字'.repeat(max + 1) }, message);
  });

  test('a control character (here BEL) in a text is refused naming the field', () => {
    expectFieldRejection('address', { address: '长乐\u0007镇' }, '地址含有不允许的控制字符');
  });
});

describe('strictness', () => {
  test('an unknown key is refused', () => {
    const result = parse({ email: 'a@b.c' });
    expect(result.success).toBe(false);
    const issues = result.error!.issues;
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ code: 'unrecognized_keys', keys: ['email'], path: [] });
  });

  test('the record fields the core sets (id, createdAt) are unknown keys here', () => {
    const result = parse({ id: 1, createdAt: '2024-01-01T00:00:00Z' });
    expect(result.success).toBe(false);
    expect(result.error!.issues[0]).toMatchObject({ code: 'unrecognized_keys', keys: ['id', 'createdAt'] });
  });

  test('组织设置 and the roster flag follow from links and are never typed; the old typed names are gone', () => {
    const result = parse({ orgSetting: 'joint', rosterKept: true, partyOrgName: '支部', superiorOrgName: '党工委' });
    expect(result.success).toBe(false);
    expect(result.error!.issues[0]).toMatchObject({
      code: 'unrecognized_keys',
      keys: ['orgSetting', 'rosterKept', 'partyOrgName', 'superiorOrgName'],
    });
  });

  test('several problems are all reported, each on its own field', () => {
    const result = parse({ employees: -1, contactPhone: '12345', foundedOn: '2011-02-30' });
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((i) => i.path[0]).sort()).toEqual(['contactPhone', 'employees', 'foundedOn']);
  });
});

describe('fieldSchemas', () => {
  test.each([
    ['2011-08-09', true],
    ['2012-02-29', true],
    ['1900-01-01', true],
    ['2011-02-30', false],
    ['2011-02-29', false],
    ['2011-04-31', false],
    ['2011-00-10', false],
    ['2011-12-00', false],
    ['1899-12-31', false],
    ['2011/8/9', false],
    ['2011-8-9', false],
    [' 2011-08-09', false],
    ['', false],
  ])('isCalendarDate(%j) → %s', (s, ok) => {
    expect(isCalendarDate(s)).toBe(ok);
  });

  test('isoDate names the label it was given', () => {
    const schema = isoDate('入党日期');
    expect(schema.parse('2020-07-01')).toBe('2020-07-01');
    expect(schema.parse(undefined)).toBeNull();
    expect(schema.parse('')).toBeNull();
    const result = schema.safeParse('2020-7-1');
    expect(result.success).toBe(false);
    expect(result.error!.issues[0]!.message).toBe('入党日期应为有效日期，例如 2011-08-09');
  });

  test('phoneNumber names the label it was given and defaults to empty', () => {
    const schema = phoneNumber('书记电话');
    expect(schema.parse(undefined)).toBe('');
    expect(schema.parse('１３９１２３４５６７８')).toBe('13912345678');
    const result = schema.safeParse('12345');
    expect(result.success).toBe(false);
    expect(result.error!.issues[0]!.message).toBe('书记电话应为11位手机号，或带区号的固定电话，例如 0575-83012345');
  });
});

describe('what a clerk types with a Chinese input method or on several lines', () => {
  test('备注 and 未建原因 keep line breaks and tabs', () => {
    const parsed = enterpriseInput.parse({
      name: '甲',
      areaId: 1,
      note: '第一行\n第二行\t备注',
      noOrgReason: '一\r\n二',
    });
    expect(parsed.note).toBe('第一行\n第二行\t备注');
    expect(parsed.noOrgReason).toBe('一\r\n二');
  });

  test('a landline typed in full-width digits and hyphen becomes ASCII', () => {
    expect(
      enterpriseInput.parse({ name: '甲', areaId: 1, contactPhone: '０５７５－８３０１２３４５' }).contactPhone,
    ).toBe('0575-83012345');
  });
});
