import {
  CONTROL_TYPES,
  EDUCATIONS,
  ENTERPRISE_KINDS,
  FORMATION_METHODS,
  GENDERS,
  INDUSTRY_SECTIONS,
  INSTRUCTOR_SOURCES,
  MEMBER_LOCATIONS,
  MEMBER_STATUSES,
  OPERATING_STATUSES,
  ORG_SETTINGS,
  OWNERSHIPS,
  type AreaType,
  type IndustrySection,
  type LabelMap,
  type OrgSetting,
  type PartyOrgType,
} from '../domain/labels';

/**
 * What clerks actually type in a coded column, mapped to the ledger's codes. A value matches when, after
 * normalising (full-width to half-width, spaces and brackets gone, upper case), it is a code, a label or one of
 * the listed words (exact); failing that, when it contains one of the `contains` keywords, tried in order so the
 * more specific word wins (外商独资 is 外商投资 before it is 个人独资). A contains-match is shown to the clerk as
 * mapped through synonyms; no match at all is the caller's business (reject, or 其他 with the text kept).
 */
export interface SynonymTable<K extends string> {
  labels: LabelMap<K>;
  /** Normalised word → code: codes, labels and the listed words. */
  exact: ReadonlyMap<string, K>;
  contains: readonly (readonly [string, K])[];
}

export type ChoiceMatch<K extends string> = { value: K; exact: boolean } | null;

/** Full-width to half-width, no spaces, brackets or their punctuation, upper case: how values and words compare. */
export function normalizeWord(raw: string): string {
  return raw
    .normalize('NFKC')
    .replace(/[\s\u3000()[\]{}<>【】〔〕“”"'‘’、,，.。;；:：·•\-—_/\\]/g, '')
    .toUpperCase();
}

export function matchChoice<K extends string>(table: SynonymTable<K>, raw: string): ChoiceMatch<K> {
  const word = normalizeWord(raw);
  if (word === '') return null;
  const exact = table.exact.get(word);
  if (exact !== undefined) return { value: exact, exact: true };
  for (const [keyword, code] of table.contains) {
    if (word.includes(keyword)) return { value: code, exact: false };
  }
  return null;
}

/**
 * A table from its labels, its extra words (code → words separated by spaces) and its contains-keywords in the
 * order they are tried (a list of [code, words]).
 */
function table<K extends string>(
  labels: LabelMap<K>,
  words: NoInfer<Partial<Record<K, string>>>,
  contains: readonly (readonly [NoInfer<K>, string])[] = [],
): SynonymTable<K> {
  const exact = new Map<string, K>();
  for (const [code, label] of Object.entries(labels) as [K, string][]) {
    exact.set(normalizeWord(code), code);
    exact.set(normalizeWord(label), code);
  }
  for (const [code, list] of Object.entries(words) as [K, string][]) {
    for (const w of list.split(' ')) exact.set(normalizeWord(w), code);
  }
  const keywords = contains.flatMap(([code, list]) => list.split(' ').map((w) => [normalizeWord(w), code] as const));
  return { labels, exact, contains: keywords };
}

/** GB/T 4754 门类 by name, by letter (C, C制造业) and by the words a township's spreadsheets use. */
export const INDUSTRY_SYNONYMS = table(
  INDUSTRY_SECTIONS,
  {
    A: '农业 林业 畜牧业 渔业 农林牧渔 农林牧渔业',
    B: '采矿 矿业',
    C: '工业 制造 加工 加工业 制造加工',
    D: '电力 燃气 水电气',
    E: '建筑 建筑业 建筑安装',
    F: '商贸 商业 批发 零售 批零 贸易 商贸流通',
    G: '运输 物流 交通运输 运输业',
    H: '餐饮 住宿 住宿餐饮 餐饮业',
    I: '软件 信息技术 IT',
    J: '金融',
    K: '房地产',
    L: '商务服务 租赁',
    M: '科技 技术服务',
    P: '教育培训',
    Q: '医疗',
    R: '文化',
    O: '服务业 居民服务',
    S: '社会组织',
  },
  [
    ['D', '电力 热力 燃气 供水 自来水'],
    ['B', '采矿 采石 矿'],
    ['K', '房地产 物业'],
    ['J', '金融 银行 保险 小额贷款 担保'],
    ['I', '软件 信息 互联网 网络 通信'],
    ['G', '运输 物流 快递 仓储 货运 邮政'],
    ['H', '餐饮 饭店 酒店 宾馆 住宿 农家乐'],
    ['E', '建筑 建设 装修 装饰 安装 工程'],
    ['F', '批发 零售 商贸 贸易 销售 超市 商店 商行 经销'],
    ['C', '制造 加工 生产 工业 纺织 服装 机械 化工 电器 食品'],
    ['L', '租赁 中介 咨询 广告 人力资源 劳务 旅行社 商务服务'],
    ['M', '科技 研发 技术服务 设计 检测'],
    ['N', '水利 环保 环境 园林 绿化'],
    ['O', '修理 维修 美容 美发 洗浴 家政 居民服务'],
    ['P', '教育 培训 学校 幼儿园'],
    ['Q', '医疗 医院 诊所 卫生 养老'],
    ['R', '文化 体育 娱乐 传媒'],
    ['A', '养殖 种植 农 林 牧 渔'],
  ],
);

/** A letter code written before or after the name (C制造业, 制造业(C)) is the code. */
export function matchIndustry(raw: string): ChoiceMatch<IndustrySection> {
  const word = normalizeWord(raw);
  const lettered = /^([A-T])(?![A-Z])|(?<![A-Z])([A-T])$/.exec(word);
  const letter = (lettered?.[1] ?? lettered?.[2]) as IndustrySection | undefined;
  if (letter && (word.length === 1 || /[\u4e00-\u9fff]/.test(word))) return { value: letter, exact: true };
  return matchChoice(INDUSTRY_SYNONYMS, raw);
}

/** 企业性质: what does not match is 其他 with the original wording kept (domain.md §9). */
export const OWNERSHIP_SYNONYMS = table(
  OWNERSHIPS,
  {
    'private-llc': '有限责任公司 有限公司 私营有限公司 私营有限责任公司 私营企业 私营 民营 民营企业 一人有限公司',
    'joint-stock': '股份有限公司 股份公司 非上市股份有限公司',
    'sole-proprietorship': '个人独资企业 独资企业 私营独资',
    partnership: '合伙企业 普通合伙 有限合伙',
    foreign: '外资 外资企业 外商投资企业 外商独资 中外合资 中外合作',
    'hk-macao-taiwan': '港澳台 港资 台资 澳资 港澳台商投资',
    individual: '个体 个体户',
  },
  [
    ['joint-stock', '非上市'],
    ['hk-macao-taiwan', '港 澳门 台湾 台商 台资'],
    ['foreign', '外商 外资 中外'],
    ['individual', '个体'],
    ['joint-stock', '股份'],
    // 有限责任公司（自然人独资） is a company, not a 个人独资企业.
    ['private-llc', '有限责任 有限公司'],
    ['sole-proprietorship', '个人独资 独资'],
    ['partnership', '合伙'],
    ['private-llc', '私营 民营'],
  ],
);

export const ENTERPRISE_KIND_SYNONYMS = table(
  ENTERPRISE_KINDS,
  {
    enterprise: '公司 企业法人 非公企业',
    individual: '个体 个体户',
    'private-non-enterprise': '民非 民办非企业 社会服务机构',
    'social-group': '社团',
    intermediary: '中介组织',
  },
  [
    ['individual', '个体'],
    ['private-non-enterprise', '民办非 民非'],
    ['intermediary', '中介 事务所'],
    ['social-group', '社会团体 社团 商会 协会 学会'],
    ['enterprise', '企业 公司'],
  ],
);

export const OPERATING_STATUS_SYNONYMS = table(
  OPERATING_STATUSES,
  {
    normal: '在营 存续 开业 营业 经营 正常经营 生产经营正常 良好 一般',
    difficult: '亏损 经营困难',
    suspended: '停业 歇业 半停产 停产停业',
    deregistered: '吊销 关闭 倒闭 已注销',
    'moved-out': '外迁 搬迁 已迁出',
  },
  [
    ['deregistered', '注销 吊销'],
    ['moved-out', '迁出 外迁'],
    ['suspended', '停产 停业 歇业'],
    ['difficult', '困难 亏损'],
    ['normal', '正常'],
  ],
);

export const ORG_SETTING_SYNONYMS = table(
  ORG_SETTINGS,
  {
    standalone: '单建 独立 独建 独立建立 单独组建 已单独建立',
    joint: '联建 联合 联合组建 已联合建立',
    attached: '挂靠建立 依托',
    none: '未建 无 没有 否 暂无 尚未建立 未组建',
  },
  [
    ['none', '未建 尚未'],
    ['attached', '挂靠'],
    ['joint', '联合 联建'],
    ['standalone', '单独 独立 单建'],
  ],
);

export const CONTROL_TYPE_SYNONYMS = table(
  CONTROL_TYPES,
  {
    'private-sole': '私营独资',
    'private-hmt-invested': '港澳台商投资',
    'private-foreign-invested': '外商投资',
    'hmt-sole': '港澳台商独资',
    'foreign-sole': '外商独资',
  },
  [
    ['hmt-sole', '港澳台商独资'],
    ['foreign-sole', '外商独资'],
    ['private-hmt-invested', '港澳台商投资'],
    ['private-foreign-invested', '外商投资'],
    ['private-sole', '私营独资'],
  ],
);

export const FORMATION_METHOD_SYNONYMS = table(
  FORMATION_METHODS,
  { standalone: '单独 单建', 'instructor-assisted': '帮建', 'park-joint': '园区', 'industry-joint': '行业' },
  [
    ['standalone', '单独'],
    ['instructor-assisted', '帮建 派员'],
    ['park-joint', '园区'],
    ['industry-joint', '行业'],
    ['leader-led', '龙头'],
    ['area-joint', '区域'],
    ['village-joint', '村企'],
  ],
);

export const MEMBER_LOCATION_SYNONYMS = table(
  MEMBER_LOCATIONS,
  {
    enterprise: '本企业 本单位 企业',
    'talent-agency': '人才市场 人才中心 职介机构',
    origin: '原单位 街道社区 社区 户籍地',
    temporary: '临时',
    floating: '流动 流动党员 亮身份',
  },
  [
    ['enterprise', '本企业 本单位'],
    ['talent-agency', '人才 职介'],
    ['temporary', '临时'],
    ['floating', '流动 亮身份'],
    ['origin', '原单位 街道 社区 村'],
  ],
);

export const GENDER_SYNONYMS = table(GENDERS, { male: '男性 M', female: '女性 F' });

export const EDUCATION_SYNONYMS = table(
  EDUCATIONS,
  {
    postgraduate: '硕士 博士 研究生及以上 硕士研究生 博士研究生',
    bachelor: '本科 大学 学士',
    college: '大专 专科 高职',
    secondary: '中技 技校 职高 中等专业',
    'high-school': '高中及同等学力',
    'junior-or-below': '初中 小学 文盲',
  },
  [
    ['postgraduate', '研究生 硕士 博士'],
    ['college', '专科 大专'],
    ['bachelor', '本科'],
    ['secondary', '中专 中技 技校 职高'],
    ['high-school', '高中'],
    ['junior-or-below', '初中 小学'],
  ],
);

export const MEMBER_STATUS_SYNONYMS = table(MEMBER_STATUSES, { full: '正式', probationary: '预备' }, [
  ['probationary', '预备'],
  ['full', '正式'],
]);

export const INSTRUCTOR_SOURCE_SYNONYMS = table(
  INSTRUCTOR_SOURCES,
  {
    'government-cadre': '机关 乡镇干部 镇干部',
    'retired-cadre': '退二线 退居二线',
    'public-recruitment': '招聘',
    'enterprise-internal': '内部推优 企业推优',
  },
  [
    ['retired-cadre', '退'],
    ['public-recruitment', '招聘'],
    ['enterprise-internal', '推优 企业'],
    ['government-cadre', '机关 干部'],
  ],
);

/** 专职/兼职 of an instructor, as a yes/no of 专职. */
export const FULL_TIME_SYNONYMS = table({ yes: '专职', no: '兼职' } as const, { yes: '是', no: '否' }, [
  ['yes', '专职'],
  ['no', '兼职'],
]);

/** 规模以上 columns say 规上/规下 as often as 是/否. */
export const ABOVE_SCALE_SYNONYMS = table(
  { yes: '是', no: '否' } as const,
  { yes: '规上 规模以上 限上', no: '规下 规模以下 限下' },
  [
    ['yes', '规上 规模以上'],
    ['no', '规下 规模以下'],
  ],
);

/** What kind of area a new area is, from its name (长安村, 城南社区, 经济开发区); a village when nothing says. */
export function areaTypeOf(name: string): AreaType {
  const rules: [RegExp, AreaType][] = [
    [/社区$/, 'community'],
    [/(园区|工业园|开发区|产业园|工业区|科技园|创业园|集聚区)$/, 'industrial-park'],
    [/市场$/, 'market'],
    [/(大厦|大楼|楼宇|写字楼|广场|中心)$/, 'building'],
    [/(街区|步行街|商业街|街)$/, 'street'],
  ];
  for (const [re, type] of rules) if (re.test(name)) return type;
  return 'village';
}

/**
 * The type of a party organisation created from a spreadsheet row, from its name and the row's 组织设置: the name
 * says the level (党委, 党总支, 党支部), the setting whether it is a 联合 one. A 挂靠 row names a 属地
 * organisation (a village's 党委 or 党支部), never a 联合 one.
 */
export function partyOrgTypeOf(name: string, setting: Exclude<OrgSetting, 'none'>): PartyOrgType {
  const n = normalizeWord(name);
  if (setting === 'standalone' && /流动党员/.test(n)) return 'floating-branch';
  const level = /总支/.test(n) ? 'general-branch' : /党委$|委员会$/.test(n) ? 'committee' : 'branch';
  if (setting !== 'joint') return level;
  if (level === 'general-branch') return 'joint-general-branch';
  return level === 'committee' ? 'joint-committee' : 'joint-branch';
}

/** The setting a name implies when the row does not say: 联合 in the name is a 联合 organisation. */
export function orgSettingFromName(name: string): Exclude<OrgSetting, 'none'> {
  return /联合/.test(normalizeWord(name)) ? 'joint' : 'standalone';
}
