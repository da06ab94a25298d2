/**
 * Every enum the program reads is English; its Chinese label for screens and reports lives beside it.
 * `as const` objects keep the id list and the labels in one place.
 */
export type LabelMap<K extends string> = Readonly<Record<K, string>>;

export function idsOf<K extends string>(labels: LabelMap<K>): [K, ...K[]] {
  return Object.keys(labels) as [K, ...K[]];
}

export const ENTERPRISE_KINDS = {
  enterprise: '企业',
  individual: '个体工商户',
  'private-non-enterprise': '民办非企业单位',
  'social-group': '社会团体',
  intermediary: '社会中介组织',
} as const;
export type EnterpriseKind = keyof typeof ENTERPRISE_KINDS;

export const OWNERSHIPS = {
  'private-llc': '私营有限责任公司',
  'joint-stock': '股份有限公司(非上市)',
  'sole-proprietorship': '个人独资',
  partnership: '合伙',
  foreign: '外商投资',
  'hk-macao-taiwan': '港澳台投资',
  individual: '个体工商户',
  other: '其他',
} as const;
export type Ownership = keyof typeof OWNERSHIPS;

export const OPERATING_STATUSES = {
  normal: '正常',
  difficult: '困难',
  suspended: '停产',
  deregistered: '注销',
  'moved-out': '迁出',
} as const;
export type OperatingStatus = keyof typeof OPERATING_STATUSES;

/** 注销 and 迁出 leave the statistics but stay in the ledger's history. */
export const INACTIVE_STATUSES: readonly OperatingStatus[] = ['deregistered', 'moved-out'];

export const ORG_SETTINGS = {
  standalone: '单独建立',
  joint: '联合建立',
  attached: '挂靠',
  none: '未建立',
} as const;
export type OrgSetting = keyof typeof ORG_SETTINGS;

export const AREA_TYPES = {
  village: '村',
  community: '社区',
  'industrial-park': '工业园区',
  market: '专业市场',
  building: '商务楼宇',
  street: '特色街区',
} as const;
export type AreaType = keyof typeof AREA_TYPES;

export const FORMATION_METHODS = {
  standalone: '单独组建',
  'instructor-assisted': '派员帮建',
  'park-joint': '园区联建',
  'industry-joint': '行业统建',
  'leader-led': '龙头领建',
  'area-joint': '区域合建',
  'village-joint': '村企联建',
} as const;
export type FormationMethod = keyof typeof FORMATION_METHODS;

/** 经济控制类型 as the 党内统计 form splits them. */
export const CONTROL_TYPES = {
  'private-sole': '私有经济控制·私营独资',
  'private-hmt-invested': '私有经济控制·港澳台商投资',
  'private-foreign-invested': '私有经济控制·外商投资',
  'private-other': '私有经济控制·其他',
  'hmt-sole': '港澳台商经济控制·港澳台商独资',
  'hmt-other': '港澳台商经济控制·其他',
  'foreign-sole': '外商经济控制·外商独资',
  'foreign-other': '外商经济控制·其他',
} as const;
export type ControlType = keyof typeof CONTROL_TYPES;

/** GB/T 4754-2017 门类. */
export const INDUSTRY_SECTIONS = {
  A: '农、林、牧、渔业',
  B: '采矿业',
  C: '制造业',
  D: '电力、热力、燃气及水生产和供应业',
  E: '建筑业',
  F: '批发和零售业',
  G: '交通运输、仓储和邮政业',
  H: '住宿和餐饮业',
  I: '信息传输、软件和信息技术服务业',
  J: '金融业',
  K: '房地产业',
  L: '租赁和商务服务业',
  M: '科学研究和技术服务业',
  N: '水利、环境和公共设施管理业',
  O: '居民服务、修理和其他服务业',
  P: '教育',
  Q: '卫生和社会工作',
  R: '文化、体育和娱乐业',
  S: '公共管理、社会保障和社会组织',
  T: '国际组织',
} as const;
export type IndustrySection = keyof typeof INDUSTRY_SECTIONS;

/** Where the members' 组织关系 sit: a breakdown of the enterprise's member total. */
export const MEMBER_LOCATIONS = {
  enterprise: '在本企业',
  'talent-agency': '在人才职介机构',
  origin: '在原单位或街道社区',
  temporary: '临时组织关系',
  floating: '亮身份/流动党员',
} as const;
export type MemberLocation = keyof typeof MEMBER_LOCATIONS;

/** Where a 党建工作指导员 comes from (source 001). */
export const INSTRUCTOR_SOURCES = {
  'government-cadre': '机关干部',
  'retired-cadre': '退居二线干部',
  'public-recruitment': '社会招聘',
  'enterprise-internal': '企业内部推优',
  other: '其他',
} as const;
export type InstructorSource = keyof typeof INSTRUCTOR_SOURCES;

/** 党组织类型 (domain.md §2). */
export const PARTY_ORG_TYPES = {
  committee: '党委',
  'general-branch': '党总支',
  branch: '党支部',
  'joint-committee': '联合党委',
  'joint-general-branch': '联合党总支',
  'joint-branch': '联合党支部',
  'floating-branch': '流动党员党支部',
} as const;
export type PartyOrgType = keyof typeof PARTY_ORG_TYPES;

/**
 * Where an organisation stands. One built in enterprises covers them as 单独建立 (one enterprise) or 联合建立
 * (a 联合 type, many); a 属地 organisation — a village, community or park committee, the 两新组织党工委 — is what
 * an enterprise is 挂靠 to, and what enterprise organisations report to.
 */
export const ORG_HOSTS = {
  enterprise: '企业党组织',
  locality: '属地党组织（村、社区、园区、党工委等）',
} as const;
export type OrgHost = keyof typeof ORG_HOSTS;

/** The steps of forming a new branch, in order (source 002). */
export const FORMATION_STEPS = {
  request: '企业请示',
  approval: '镇党委批准',
  candidates: '候选人报告',
  election: '党员大会选举',
  'result-report': '选举结果报告',
  reply: '批复',
  plaque: '挂牌',
} as const;
export type FormationStepKind = keyof typeof FORMATION_STEPS;

export const GENDERS = { male: '男', female: '女' } as const;
export type Gender = keyof typeof GENDERS;

export const EDUCATIONS = {
  postgraduate: '研究生',
  bachelor: '大学本科',
  college: '大学专科',
  secondary: '中专',
  'high-school': '高中',
  'junior-or-below': '初中及以下',
} as const;
export type Education = keyof typeof EDUCATIONS;

export const MEMBER_STATUSES = { full: '正式党员', probationary: '预备党员' } as const;
export type MemberStatus = keyof typeof MEMBER_STATUSES;

/** 工作记录类型. */
export const WORK_LOG_KINDS = {
  visit: '走访',
  forum: '座谈',
  'org-activity': '党组织活动',
  assistance: '帮扶解难',
  training: '培训',
  other: '其他',
} as const;
export type WorkLogKind = keyof typeof WORK_LOG_KINDS;

/** What an attachment (scan or photo) belongs to. */
export const ATTACHMENT_OWNERS = { 'formation-step': '组建步骤', 'work-log': '工作记录' } as const;
export type AttachmentOwner = keyof typeof ATTACHMENT_OWNERS;

export const REMINDER_KINDS = {
  'term-expiry': '换届提醒',
  'probation-due': '预备党员转正',
  'split-out': '剥离单独组建',
  'org-type': '组织类型调整',
  'follow-up': '工作跟进',
} as const;
export type ReminderKind = keyof typeof REMINDER_KINDS;
