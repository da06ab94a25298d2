import { ENTERPRISE_FIELD_LABELS, type EnterpriseFields } from '../domain/enterpriseInput';
import { INDUSTRY_SECTIONS, OWNERSHIPS } from '../domain/labels';
import { IMPORT_KINDS, type ImportKind } from './kinds';
import { SURVEY_FIELDS, SURVEY_ID_HEADER } from './survey';
import {
  ABOVE_SCALE_SYNONYMS,
  CONTROL_TYPE_SYNONYMS,
  EDUCATION_SYNONYMS,
  ENTERPRISE_KIND_SYNONYMS,
  FORMATION_METHOD_SYNONYMS,
  FULL_TIME_SYNONYMS,
  GENDER_SYNONYMS,
  INSTRUCTOR_SOURCE_SYNONYMS,
  MEMBER_LOCATION_SYNONYMS,
  MEMBER_STATUS_SYNONYMS,
  OPERATING_STATUS_SYNONYMS,
  ORG_SETTING_SYNONYMS,
  OWNERSHIP_SYNONYMS,
  matchChoice,
  matchIndustry,
  type ChoiceMatch,
  type SynonymTable,
} from './synonyms';

/**
 * What each kind of import can fill, field by field: the key the mapping uses, the Chinese name the screens and
 * messages use, the header texts real spreadsheets put over such a column, and how a cell becomes a value.
 */
export type ValueType =
  | 'text'
  | 'count'
  | 'amount'
  | 'date'
  /** 出生年月: a year and month. */
  | 'month'
  | 'yesNo'
  | 'phone'
  | 'uscc'
  | 'regNo'
  | 'idNumber'
  /** A coded choice read through `choices`. */
  | 'choice'
  /** References by name to the ledger's lists. */
  | 'area'
  | 'partyOrg'
  | 'workGroup'
  | 'instructor'
  | 'leader'
  /** A member's enterprise, by name or by credit code. */
  | 'enterpriseName'
  | 'enterpriseUscc'
  /** Enterprise names in one cell, split on 、，,；; and line breaks. */
  | 'enterpriseList'
  /** The ledger's record id a 调查表 carries. */
  | 'recordId';

/** How a coded column's text becomes a code, and the codes' Chinese labels for messages and the preview. */
export interface ChoiceReader {
  labels: Readonly<Record<string, string>>;
  match: (raw: string) => ChoiceMatch<string>;
}

export interface ImportField {
  key: string;
  label: string;
  /**
   * Header texts that mean this field besides the label. One written `=人数` matches only a header that is exactly
   * that: as part of a longer header (党员人数) it would mislead.
   */
  synonyms: readonly string[];
  type: ValueType;
  /** For `choice`, and for `yesNo` fields whose columns also say 规上/规下 or 专职/兼职. */
  choices?: ChoiceReader;
  /**
   * What happens to a choice nobody recognises: `reject` the row, keep it as `other` with the original text
   * (企业性质, domain.md §9), or `note` it (行业 has no 其他: left blank, the text kept in 备注).
   */
  unknownChoice?: 'reject' | 'other' | 'note';
  /** Free prose (备注, 地址) where a * is just a character, not a masked value. */
  prose?: boolean;
  /** The part of the record it belongs to, for grouping a long list of fields on the mapping screen. */
  group?: string;
}

const reader = (t: SynonymTable<string>): ChoiceReader => ({ labels: t.labels, match: (raw) => matchChoice(t, raw) });
const words = (list: string) => list.split(' ');

type EnterpriseKey = keyof EnterpriseFields;

const e = (key: EnterpriseKey, type: ValueType, synonyms: string, more: Partial<ImportField> = {}): ImportField => ({
  key,
  label: ENTERPRISE_FIELD_LABELS[key],
  synonyms: words(synonyms),
  type,
  ...more,
});

const choice = (
  key: EnterpriseKey,
  choices: SynonymTable<string>,
  synonyms: string,
  unknownChoice: ImportField['unknownChoice'] = 'reject',
) => e(key, 'choice', synonyms, { choices: reader(choices), unknownChoice });

const yesNo = (key: EnterpriseKey, synonyms: string) => e(key, 'yesNo', synonyms);

export const ENTERPRISE_IMPORT_FIELDS: readonly ImportField[] = [
  e(
    'name',
    'text',
    '企业名称 单位名称 企业（单位）名称 企业单位名称 非公企业名称 组织名称 两新组织名称 =名称 企业全称 单位全称 商号名称 字号名称',
  ),
  e('uscc', 'uscc', '统一社会信用代码 信用代码 社会信用代码 统一信用代码 统一代码 组织机构代码'),
  e('regNo', 'regNo', '工商注册号 注册号 营业执照注册号 营业执照号 工商登记号'),
  choice('kind', ENTERPRISE_KIND_SYNONYMS, '单位类型 组织类型 =类型 单位性质 组织类别'),
  e('ownership', 'choice', '企业性质 企业类型 经济类型 登记注册类型 所有制 经济性质', {
    // 国有, 集体 and 上市 are none of the non-public kinds: 其他 with the wording kept, and a warning.
    choices: {
      labels: OWNERSHIPS,
      match: (raw) => (/上市|国有|集体/.test(raw.replace('非上市', '')) ? null : matchChoice(OWNERSHIP_SYNONYMS, raw)),
    },
    unknownChoice: 'other',
  }),
  e('industry', 'choice', '所属行业 行业类别 行业门类 行业分类 所属行业门类 国民经济行业 主营行业', {
    choices: { labels: INDUSTRY_SECTIONS, match: matchIndustry },
    unknownChoice: 'note',
  }),
  e('aboveScale', 'yesNo', '规模以上 是否规模以上 规上企业 是否规上 规模以上企业 规上/规下', {
    choices: reader(ABOVE_SCALE_SYNONYMS),
  }),
  choice('controlType', CONTROL_TYPE_SYNONYMS, '经济控制类型 控制类型 控股情况'),
  e(
    'areaId',
    'area',
    '所在区域 区域 所在村 所在村社区 所属村 所属村社区 村社区 村（社区） 所在村（社区） 所属区域 村居 所在地 片区 所属村居',
  ),
  e('address', 'text', '地址 企业地址 经营地址 注册地址 详细地址 生产经营地址 住所', { prose: true }),
  e('foundedOn', 'date', '成立日期 成立时间 注册日期 注册时间 开业日期 成立年月'),
  choice('operatingStatus', OPERATING_STATUS_SYNONYMS, '经营状况 经营状态 经营情况 生产经营状况 =状态 登记状态'),
  e('statusSince', 'date', '状况起始日期 停产日期 注销日期 迁出日期'),
  e('revenue', 'amount', '年营业收入 营业收入 营收 年营收 销售收入 年销售收入 主营业务收入 产值 年产值'),
  e('payroll', 'amount', '工资总额 年工资总额 职工工资总额'),
  e(
    'employees',
    'count',
    '从业人员数 从业人员 职工人数 职工数 员工人数 员工数 从业人数 用工人数 =人数 职工总数 在岗职工 在岗职工数 从业人员总数',
  ),
  e('youngEmployees', 'count', '35岁以下职工数 35岁以下 35岁以下人数 35岁以下职工 青年职工'),
  e(
    'ownerName',
    'text',
    '业主/法定代表人 法定代表人 法人代表 业主 负责人 企业负责人 出资人 企业主 法人 经营者 业主姓名 法定代表人姓名 法定代表人（负责人） 董事长',
  ),
  yesNo('ownerIsMember', '业主是否党员 法定代表人是否党员 出资人是否党员 负责人是否党员 业主党员 法人是否党员'),
  yesNo('ownerIsSecretary', '业主兼任党组织书记 出资人兼任书记 法定代表人兼任书记 是否兼任书记'),
  yesNo('ownerIsDeputy', '业主是否两代表一委员 两代表一委员 是否两代表一委员'),
  e('contactName', 'text', '联系人 联络员 企业联系人 党建联络员 联系人姓名'),
  e(
    'contactPhone',
    'phone',
    '联系电话 电话 手机 手机号码 联系方式 电话号码 联系人电话 联系手机 负责人电话 法人电话 业主电话 办公电话',
  ),
  e('fullMembers', 'count', '正式党员 正式党员数 正式党员人数 =正式 党员人数/正式 党员数/正式 =党员人数 =党员数 =党员'),
  e('probationaryMembers', 'count', '预备党员 预备党员数 预备党员人数 =预备 党员人数/预备 党员数/预备'),
  e('activists', 'count', '入党积极分子 积极分子 入党积极分子数 积极分子人数'),
  e('membersInEnterprise', 'count', '组织关系在本企业 在本企业 关系在本企业 组织关系在本单位'),
  e('membersInTalentAgency', 'count', '组织关系在人才职介机构 在人才职介机构 人才职介机构 在人才市场'),
  e('membersAtOrigin', 'count', '组织关系在原单位或街道社区 在原单位或街道社区 原单位或街道社区 在原单位'),
  e('membersTemporary', 'count', '临时组织关系 =临时'),
  e('membersFloating', 'count', '亮身份/流动党员 流动党员 亮身份 流动党员数 =流动'),
  choice(
    'orgSetting',
    ORG_SETTING_SYNONYMS,
    '组织设置 党组织设置 党组织建立情况 建立党组织情况 是否建立党组织 党组织组建情况 组建情况 建组情况 组建形式 党组织建设情况',
  ),
  e('partyOrgId', 'partyOrg', '所在党组织 党组织名称 所属党组织 =党组织 党支部名称 支部名称 所在党支部 党组织全称'),
  e('noOrgReason', 'text', '党组织未建原因 未建原因 未建立原因 未建党组织原因', { prose: true }),
  choice('formationDirection', FORMATION_METHOD_SYNONYMS, '组建方向 组建方式 拟组建方式 组建途径'),
  yesNo('hasVenue', '有活动场所 活动场所 是否有活动场所 有无活动场所'),
  e('venueArea', 'amount', '活动场所面积 场所面积 活动阵地面积'),
  yesNo('fundingInBudget', '党建经费纳入企业预算 党建经费 经费纳入预算'),
  yesNo('hasUnion', '建有工会 工会 是否建立工会 有无工会'),
  yesNo('hasYouthLeague', '建有共青团组织 共青团 团组织 是否建立团组织'),
  yesNo('hasWomenFederation', '建有妇联组织 妇联 妇女组织 是否建立妇联'),
  e('workGroupId', 'workGroup', '推进组 责任推进组 所属推进组 工作组'),
  e('instructorId', 'instructor', '党建工作指导员 =指导员 党建指导员 联系指导员'),
  e('leaderId', 'leader', '联系领导 联系镇领导 联系点领导 挂联领导 包联领导'),
  yesNo('keyCultivation', '重点培育 是否重点培育 双强培育'),
  e('starRating', 'count', '星级 星级评定'),
  e('note', 'text', '备注 =说明 =其他', { prose: true }),
  e('surveyedOn', 'date', '摸底核实日期 核实日期 摸底日期 调查日期'),
];

/** The enterprise form's sections (八清), for the mapping screen's field list. */
const ENTERPRISE_GROUPS: Readonly<Record<string, string>> = Object.fromEntries(
  (
    [
      ['基本情况', 'name uscc regNo kind ownership industry aboveScale controlType areaId address foundedOn'],
      ['经营与职工', 'operatingStatus statusSince revenue payroll employees youngEmployees'],
      ['业主与联系人', 'ownerName ownerIsMember ownerIsSecretary ownerIsDeputy contactName contactPhone'],
      [
        '党员与党组织',
        'fullMembers probationaryMembers activists membersInEnterprise membersInTalentAgency membersAtOrigin membersTemporary membersFloating orgSetting partyOrgId noOrgReason formationDirection',
      ],
      ['阵地与群团', 'hasVenue venueArea fundingInBudget hasUnion hasYouthLeague hasWomenFederation'],
      ['工作力量与其他', 'workGroupId instructorId leaderId keyCultivation starRating note surveyedOn'],
    ] as const
  ).flatMap(([group, keys]) => keys.split(' ').map((k) => [k, group])),
);

const f = (key: string, label: string, type: ValueType, synonyms: string, more: Partial<ImportField> = {}) => ({
  key,
  label,
  type,
  synonyms: synonyms ? words(synonyms) : [],
  ...more,
});

const MEMBER_FIELDS: readonly ImportField[] = [
  f(
    'enterpriseId',
    '所在企业',
    'enterpriseName',
    '企业名称 所在企业 单位名称 工作单位 所在单位 企业（单位）名称 所在企业名称',
  ),
  f(
    'enterpriseUscc',
    '所在企业统一社会信用代码',
    'enterpriseUscc',
    '统一社会信用代码 信用代码 社会信用代码 企业信用代码',
  ),
  f('name', '党员姓名', 'text', '姓名 党员姓名 名字'),
  f('gender', '性别', 'choice', '', { choices: reader(GENDER_SYNONYMS), unknownChoice: 'reject' }),
  f('birthMonth', '出生年月', 'month', '出生年月 出生日期 出生年月日 生日'),
  f('education', '学历', 'choice', '文化程度 最高学历 学历学位', {
    choices: reader(EDUCATION_SYNONYMS),
    unknownChoice: 'reject',
  }),
  f('joinedOn', '入党时间', 'date', '入党时间 入党日期 入党年月 加入党组织日期'),
  f('status', '党员类别', 'choice', '正式/预备 正式或预备 党员身份 =类别 人员类别 正式党员/预备党员', {
    choices: reader(MEMBER_STATUS_SYNONYMS),
    unknownChoice: 'reject',
  }),
  f('location', '组织关系所在', 'choice', '组织关系 组织关系所在地 组织关系所在单位 党组织关系', {
    choices: reader(MEMBER_LOCATION_SYNONYMS),
    unknownChoice: 'reject',
  }),
  f('position', '岗位/职务', 'text', '岗位 职务 岗位职务 工作岗位 现任职务'),
  f('phone', '联系电话', 'phone', '电话 手机 手机号码 联系方式'),
  f('idNumber', '身份证号', 'idNumber', '身份证号码 公民身份号码 身份证'),
  f('note', '备注', 'text', '=说明', { prose: true }),
];

const ENTERPRISE_LIST = '联系企业 派驻企业 指导企业 联系点 联系点企业 负责企业 企业名称 挂联企业 包联企业 所联系企业';

const INSTRUCTOR_FIELDS: readonly ImportField[] = [
  f('name', '指导员姓名', 'text', '姓名 =指导员 党建工作指导员 党建指导员'),
  f('position', '单位职务', 'text', '单位及职务 工作单位及职务 职务 现任职务 工作单位'),
  f('phone', '电话', 'phone', '联系电话 手机 手机号码 联系方式'),
  f('fullTime', '专职/兼职', 'yesNo', '专兼职 专职或兼职 是否专职 专职兼职', { choices: reader(FULL_TIME_SYNONYMS) }),
  f('source', '来源', 'choice', '指导员来源 人员来源 选派来源', {
    choices: reader(INSTRUCTOR_SOURCE_SYNONYMS),
    unknownChoice: 'reject',
  }),
  f('appointedOn', '派驻日期', 'date', '派驻时间 选派日期 选派时间 任职时间'),
  f('enterprises', '派驻企业', 'enterpriseList', ENTERPRISE_LIST),
];

const CONTACT_FIELDS: readonly ImportField[] = [
  f('name', '领导姓名', 'text', '姓名 联系领导 =领导 联系领导姓名'),
  f('position', '职务', 'text', '领导职务 现任职务 单位职务'),
  f('phone', '电话', 'phone', '联系电话 手机 手机号码 联系方式'),
  f('note', '备注', 'text', '=说明', { prose: true }),
  f('enterprises', '联系企业', 'enterpriseList', ENTERPRISE_LIST),
];

const SURVEY_IMPORT_FIELDS: readonly ImportField[] = [
  f('id', SURVEY_ID_HEADER, 'recordId', '记录编号'),
  ...SURVEY_FIELDS.map((key) => ENTERPRISE_IMPORT_FIELDS.find((x) => x.key === key)!),
];

export const IMPORT_FIELDS: Readonly<Record<ImportKind, readonly ImportField[]>> = {
  enterprises: ENTERPRISE_IMPORT_FIELDS.map((x) => ({ ...x, group: ENTERPRISE_GROUPS[x.key] })),
  members: MEMBER_FIELDS,
  instructors: INSTRUCTOR_FIELDS,
  contacts: CONTACT_FIELDS,
  survey: SURVEY_IMPORT_FIELDS,
};

export function importField(kind: ImportKind, key: string): ImportField | null {
  return IMPORT_FIELDS[kind].find((x) => x.key === key) ?? null;
}

/**
 * Without these columns an import cannot run at all: each group needs one of its fields mapped (a member's
 * enterprise may be given by name or by credit code).
 */
export const REQUIRED_COLUMNS: Readonly<Record<ImportKind, readonly (readonly string[])[]>> = {
  enterprises: [['name']],
  members: [['name'], ['enterpriseId', 'enterpriseUscc']],
  instructors: [['name']],
  contacts: [['name']],
  survey: [['id']],
};

/** The Chinese message for a mapping that lacks a required column, or null when it has them all. */
export function missingColumns(kind: ImportKind, mapped: ReadonlySet<string>): string | null {
  const missing = REQUIRED_COLUMNS[kind].filter((group) => !group.some((k) => mapped.has(k)));
  if (missing.length === 0) return null;
  const names = missing.map((group) => group.map((k) => `“${importField(kind, k)!.label}”`).join('或')).join('、');
  return `导入${IMPORT_KINDS[kind]}须有${names}列，请在列对应关系中指定`;
}
