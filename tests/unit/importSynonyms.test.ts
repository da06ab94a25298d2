import { describe, expect, test } from 'vitest';
import { importField } from '../../shared/excel/importFields';
import {
  ABOVE_SCALE_SYNONYMS,
  areaTypeOf,
  EDUCATION_SYNONYMS,
  ENTERPRISE_KIND_SYNONYMS,
  FULL_TIME_SYNONYMS,
  GENDER_SYNONYMS,
  INSTRUCTOR_SOURCE_SYNONYMS,
  matchChoice,
  matchIndustry,
  MEMBER_LOCATION_SYNONYMS,
  MEMBER_STATUS_SYNONYMS,
  OPERATING_STATUS_SYNONYMS,
  ORG_SETTING_SYNONYMS,
  orgSettingFromName,
  partyOrgTypeOf,
  type SynonymTable,
} from '../../shared/excel/synonyms';

const code = <K extends string>(table: SynonymTable<K>, raw: string) => matchChoice(table, raw)?.value ?? null;
/** 企业性质 as the import reads it: 国有, 集体 and 上市 match nothing (they become 其他 with the text kept). */
const ownership = (raw: string) => importField('enterprises', 'ownership')!.choices!.match(raw);

describe('行业 (GB/T 4754 门类)', () => {
  test('a section’s name, its letter, or the letter beside the name', () => {
    expect(matchIndustry('制造业')).toEqual({ value: 'C', exact: true });
    expect(matchIndustry('批发和零售业')).toEqual({ value: 'F', exact: true });
    expect(matchIndustry('C')).toEqual({ value: 'C', exact: true });
    expect(matchIndustry('c')).toEqual({ value: 'C', exact: true });
    expect(matchIndustry('C制造业')).toEqual({ value: 'C', exact: true });
    expect(matchIndustry('制造业（C）')).toEqual({ value: 'C', exact: true });
    expect(matchIndustry('Ｅ　建筑业')).toEqual({ value: 'E', exact: true });
  });

  test('the words a township uses: exact ones, and text containing a keyword (reported as mapped)', () => {
    expect(matchIndustry('工业')).toEqual({ value: 'C', exact: true });
    expect(matchIndustry('商贸')).toEqual({ value: 'F', exact: true });
    expect(matchIndustry('餐饮')).toEqual({ value: 'H', exact: true });
    expect(matchIndustry('纺织服装加工')).toEqual({ value: 'C', exact: false });
    expect(matchIndustry('物流运输')).toEqual({ value: 'G', exact: false });
    expect(matchIndustry('农产品批发')).toEqual({ value: 'F', exact: false });
    expect(matchIndustry('房地产开发')).toEqual({ value: 'K', exact: false });
    expect(matchIndustry('小额贷款')).toEqual({ value: 'J', exact: false });
    expect(matchIndustry('幼儿园')).toEqual({ value: 'P', exact: false });
    expect(matchIndustry('水产养殖')).toEqual({ value: 'A', exact: false });
  });

  test('text that names no section matches nothing', () => {
    expect(matchIndustry('其它')).toBeNull();
    expect(matchIndustry('综合')).toBeNull();
    expect(matchIndustry('ZZ')).toBeNull();
  });
});

describe('企业性质', () => {
  test('labels and the common ways of writing them', () => {
    expect(ownership('私营有限责任公司')).toEqual({ value: 'private-llc', exact: true });
    expect(ownership('有限责任公司')).toEqual({ value: 'private-llc', exact: true });
    expect(ownership('私营有限公司')).toEqual({ value: 'private-llc', exact: true });
    expect(ownership('股份有限公司(非上市)')).toEqual({ value: 'joint-stock', exact: true });
    expect(ownership('个人独资企业')).toEqual({ value: 'sole-proprietorship', exact: true });
    expect(ownership('个体')).toEqual({ value: 'individual', exact: true });
  });

  test('the more specific word wins: 外商独资 is foreign investment, not a sole proprietorship', () => {
    expect(ownership('有限责任公司（自然人投资或控股）')).toEqual({ value: 'private-llc', exact: false });
    expect(ownership('外商独资企业')).toEqual({ value: 'foreign', exact: false });
    expect(ownership('中外合资经营企业')).toEqual({ value: 'foreign', exact: false });
    expect(ownership('台港澳法人独资')).toEqual({ value: 'hk-macao-taiwan', exact: false });
    expect(ownership('普通合伙企业')).toEqual({ value: 'partnership', exact: false });
    expect(ownership('非上市股份公司')).toEqual({ value: 'joint-stock', exact: false });
  });

  test('国有, 集体 and 上市 are none of the non-public kinds, and nothing matches 事业单位', () => {
    expect(ownership('集体企业')).toBeNull();
    expect(ownership('国有独资')).toBeNull();
    expect(ownership('上市股份有限公司')).toBeNull();
    expect(ownership('事业单位')).toBeNull();
  });
});

describe('coded columns', () => {
  test('单位类型', () => {
    expect(code(ENTERPRISE_KIND_SYNONYMS, '企业')).toBe('enterprise');
    expect(code(ENTERPRISE_KIND_SYNONYMS, '个体户')).toBe('individual');
    expect(code(ENTERPRISE_KIND_SYNONYMS, '民非')).toBe('private-non-enterprise');
    expect(code(ENTERPRISE_KIND_SYNONYMS, '行业协会')).toBe('social-group');
    expect(code(ENTERPRISE_KIND_SYNONYMS, '律师事务所')).toBe('intermediary');
  });

  test('经营状况', () => {
    expect(code(OPERATING_STATUS_SYNONYMS, '在营')).toBe('normal');
    expect(code(OPERATING_STATUS_SYNONYMS, '存续')).toBe('normal');
    expect(code(OPERATING_STATUS_SYNONYMS, '经营困难')).toBe('difficult');
    expect(code(OPERATING_STATUS_SYNONYMS, '停业')).toBe('suspended');
    expect(code(OPERATING_STATUS_SYNONYMS, '已吊销营业执照')).toBe('deregistered');
    expect(code(OPERATING_STATUS_SYNONYMS, '迁出本镇')).toBe('moved-out');
  });

  test('组织设置: 单独建立/单建/独立, 联合建立/联建, 挂靠, 未建立/未建/无', () => {
    for (const w of ['单独建立', '单建', '独立', '独立建立']) expect(code(ORG_SETTING_SYNONYMS, w)).toBe('standalone');
    for (const w of ['联合建立', '联建', '联合']) expect(code(ORG_SETTING_SYNONYMS, w)).toBe('joint');
    for (const w of ['挂靠', '挂靠村党委']) expect(code(ORG_SETTING_SYNONYMS, w)).toBe('attached');
    for (const w of ['未建立', '未建', '无', '暂无', '尚未组建']) expect(code(ORG_SETTING_SYNONYMS, w)).toBe('none');
  });

  test('党员: 组织关系所在, 正式/预备, 性别, 学历', () => {
    expect(code(MEMBER_LOCATION_SYNONYMS, '本企业')).toBe('enterprise');
    expect(code(MEMBER_LOCATION_SYNONYMS, '县人才市场')).toBe('talent-agency');
    expect(code(MEMBER_LOCATION_SYNONYMS, '原单位')).toBe('origin');
    expect(code(MEMBER_LOCATION_SYNONYMS, '临时组织关系')).toBe('temporary');
    expect(code(MEMBER_LOCATION_SYNONYMS, '流动党员')).toBe('floating');
    expect(code(MEMBER_STATUS_SYNONYMS, '正式')).toBe('full');
    expect(code(MEMBER_STATUS_SYNONYMS, '预备党员')).toBe('probationary');
    expect(code(GENDER_SYNONYMS, '女')).toBe('female');
    expect(code(GENDER_SYNONYMS, '男性')).toBe('male');
    expect(code(EDUCATION_SYNONYMS, '大学专科')).toBe('college');
    expect(code(EDUCATION_SYNONYMS, '大专')).toBe('college');
    expect(code(EDUCATION_SYNONYMS, '全日制本科')).toBe('bachelor');
    expect(code(EDUCATION_SYNONYMS, '硕士研究生')).toBe('postgraduate');
    expect(code(EDUCATION_SYNONYMS, '初中')).toBe('junior-or-below');
  });

  test('指导员: 来源 and 专职/兼职; 规模以上 as 规上/规下', () => {
    expect(code(INSTRUCTOR_SOURCE_SYNONYMS, '机关干部')).toBe('government-cadre');
    expect(code(INSTRUCTOR_SOURCE_SYNONYMS, '退二线')).toBe('retired-cadre');
    expect(code(INSTRUCTOR_SOURCE_SYNONYMS, '社会招聘')).toBe('public-recruitment');
    expect(code(INSTRUCTOR_SOURCE_SYNONYMS, '企业内部推优')).toBe('enterprise-internal');
    expect(code(FULL_TIME_SYNONYMS, '专职')).toBe('yes');
    expect(code(FULL_TIME_SYNONYMS, '兼职')).toBe('no');
    expect(code(ABOVE_SCALE_SYNONYMS, '规上')).toBe('yes');
    expect(code(ABOVE_SCALE_SYNONYMS, '规下')).toBe('no');
  });

  test('an unknown word matches nothing rather than something', () => {
    expect(code(ORG_SETTING_SYNONYMS, '筹建中')).toBeNull();
    expect(code(OPERATING_STATUS_SYNONYMS, '')).toBeNull();
  });
});

describe('what a new record is from its name', () => {
  test('an area’s type', () => {
    expect(areaTypeOf('长安村')).toBe('village');
    expect(areaTypeOf('城南社区')).toBe('community');
    expect(areaTypeOf('长乐经济开发区')).toBe('industrial-park');
    expect(areaTypeOf('轻纺城市场')).toBe('market');
    expect(areaTypeOf('金融大厦')).toBe('building');
    expect(areaTypeOf('古城步行街')).toBe('street');
  });

  test('a party organisation’s type from its name and the row’s 组织设置', () => {
    expect(partyOrgTypeOf('华信纺织有限公司党支部', 'standalone')).toBe('branch');
    expect(partyOrgTypeOf('华信集团党委', 'standalone')).toBe('committee');
    expect(partyOrgTypeOf('华信集团党总支', 'standalone')).toBe('general-branch');
    expect(partyOrgTypeOf('工业园区联合党支部', 'joint')).toBe('joint-branch');
    expect(partyOrgTypeOf('商会联合党委', 'joint')).toBe('joint-committee');
    expect(partyOrgTypeOf('长安村党委', 'attached')).toBe('committee');
    expect(partyOrgTypeOf('流动党员党支部', 'standalone')).toBe('floating-branch');
    expect(orgSettingFromName('工业园区联合党支部')).toBe('joint');
    expect(orgSettingFromName('华信公司党支部')).toBe('standalone');
  });
});
