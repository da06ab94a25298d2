import { z } from '../zod';
import type { Enterprise } from './enterprise';
import {
  CONTROL_TYPES,
  ENTERPRISE_KINDS,
  FORMATION_METHODS,
  idsOf,
  INDUSTRY_SECTIONS,
  OPERATING_STATUSES,
  OWNERSHIPS,
} from './labels';
import { isoDate, phoneNumber, requiredText } from './fieldSchemas';
import { checkUscc, normalizeUscc, usccProblemMessage } from './uscc';

/** What a clerk types for one enterprise: every field of the record except its id and timestamps. */
export type EnterpriseFields = Omit<Enterprise, 'id' | 'createdAt' | 'updatedAt'>;

/** The Chinese name of every field, for the form, the messages that name a field, and the history. */
export const ENTERPRISE_FIELD_LABELS: Readonly<Record<keyof EnterpriseFields, string>> = {
  name: '企业名称',
  uscc: '统一社会信用代码',
  regNo: '工商注册号',
  kind: '单位类型',
  ownership: '企业性质',
  ownershipNote: '企业性质说明',
  industry: '行业',
  aboveScale: '规模以上',
  controlType: '经济控制类型',
  areaId: '所在区域',
  address: '地址',
  foundedOn: '成立日期',
  operatingStatus: '经营状况',
  statusSince: '状况起始日期',
  revenue: '年营业收入',
  payroll: '工资总额',
  employees: '从业人员数',
  youngEmployees: '35岁以下职工数',
  ownerName: '业主/法定代表人',
  ownerIsMember: '业主是否党员',
  ownerIsSecretary: '业主兼任党组织书记',
  ownerIsDeputy: '业主是否“两代表一委员”',
  contactName: '联系人',
  contactPhone: '联系电话',
  fullMembers: '正式党员',
  probationaryMembers: '预备党员',
  activists: '入党积极分子',
  membersInEnterprise: '组织关系在本企业',
  membersInTalentAgency: '组织关系在人才职介机构',
  membersAtOrigin: '组织关系在原单位或街道社区',
  membersTemporary: '临时组织关系',
  membersFloating: '亮身份/流动党员',
  rosterKept: '党员名册',
  partyOrgId: '所在党组织',
  orgSetting: '组织设置',
  noOrgReason: '党组织未建原因',
  formationDirection: '组建方向',
  hasVenue: '有活动场所',
  venueArea: '活动场所面积',
  fundingInBudget: '党建经费纳入企业预算',
  hasUnion: '建有工会',
  hasYouthLeague: '建有共青团组织',
  hasWomenFederation: '建有妇联组织',
  workGroupId: '推进组',
  instructorId: '党建工作指导员',
  leaderId: '联系领导',
  associationId: '所属商会/行业协会',
  leadEnterpriseId: '龙头企业',
  keyCultivation: '重点培育',
  starRating: '星级',
  note: '备注',
  surveyedOn: '摸底核实日期',
};

const L = ENTERPRISE_FIELD_LABELS;

const text = (field: keyof EnterpriseFields, max: number) =>
  z
    .string()
    .trim()
    .max(max, `${L[field]}不能超过${max}个字`)
    // Line breaks and tabs are what a clerk types in 备注; other control characters come only from bad pastes.
    .refine((s) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/.test(s), `${L[field]}含有不允许的控制字符`)
    .default('');

/** Blank becomes null; a number must be finite, not negative, and not absurd. */
const amount = (field: keyof EnterpriseFields, max: number, integer: boolean) => {
  let n = z.number(`${L[field]}应填数字`).min(0, `${L[field]}不能为负数`).max(max, `${L[field]}不能超过${max}`);
  if (integer) n = n.int(`${L[field]}应为整数`);
  return n.nullish().transform((v) => v ?? null);
};

const count = (field: keyof EnterpriseFields) =>
  z
    .number(`${L[field]}应填数字`)
    .int(`${L[field]}应为整数`)
    .min(0, `${L[field]}不能为负数`)
    .max(100_000, `${L[field]}不能超过100000`)
    .default(0);

const optionalCount = (field: keyof EnterpriseFields) => amount(field, 100_000, true);

const choice = <K extends string>(field: keyof EnterpriseFields, labels: Readonly<Record<K, string>>) =>
  z.enum(idsOf(labels), `请从列表中选择${L[field]}`);

const optionalChoice = <K extends string>(field: keyof EnterpriseFields, labels: Readonly<Record<K, string>>) =>
  choice(field, labels)
    .nullish()
    .transform((v) => v ?? null);

const ref = (field: keyof EnterpriseFields) =>
  z
    .number(`请选择${L[field]}`)
    .int(`请选择${L[field]}`)
    .positive(`请选择${L[field]}`)
    .nullish()
    .transform((v) => v ?? null);

const bool = z.boolean().default(false);

/** A 15-digit 工商注册号 (the old registration number), kept apart from the credit code. */
const regNo = z
  .string()
  .trim()
  .nullish()
  .transform((v) => (v ? normalizeUscc(v) : null))
  .refine((v) => v === null || /^\d{13}$|^\d{15}$/.test(v), '工商注册号应为13位或15位数字');

const uscc = z
  .string()
  .nullish()
  .transform((v) => (v && normalizeUscc(v) ? normalizeUscc(v) : null))
  .superRefine((v, ctx) => {
    if (v === null) return;
    const checked = checkUscc(v);
    if (!checked.ok)
      ctx.addIssue({ code: 'custom', message: `统一社会信用代码${usccProblemMessage(checked.problem)}` });
  });

/**
 * The shape of one enterprise as the screen, the import and the core accept it. Cross-field rules (dates in
 * order, counts that must add up) are in `checkEnterprise`, because some need today's date.
 */
export const enterpriseInput = z
  .object({
    name: requiredText(L.name, 100),
    uscc,
    regNo,
    kind: choice('kind', ENTERPRISE_KINDS).default('enterprise'),
    ownership: optionalChoice('ownership', OWNERSHIPS),
    ownershipNote: text('ownershipNote', 50),
    industry: optionalChoice('industry', INDUSTRY_SECTIONS),
    aboveScale: bool,
    controlType: optionalChoice('controlType', CONTROL_TYPES),
    areaId: z.number(`请选择${L.areaId}`).int(`请选择${L.areaId}`).positive(`请选择${L.areaId}`),
    address: text('address', 200),
    foundedOn: isoDate(L.foundedOn),
    operatingStatus: choice('operatingStatus', OPERATING_STATUSES).default('normal'),
    statusSince: isoDate(L.statusSince),
    revenue: amount('revenue', 100_000_000, false),
    payroll: amount('payroll', 10_000_000, false),
    employees: amount('employees', 1_000_000, true),
    youngEmployees: amount('youngEmployees', 1_000_000, true),
    ownerName: text('ownerName', 30),
    ownerIsMember: bool,
    ownerIsSecretary: bool,
    ownerIsDeputy: bool,
    contactName: text('contactName', 30),
    contactPhone: phoneNumber('联系电话'),
    fullMembers: count('fullMembers'),
    probationaryMembers: count('probationaryMembers'),
    activists: count('activists'),
    membersInEnterprise: optionalCount('membersInEnterprise'),
    membersInTalentAgency: optionalCount('membersInTalentAgency'),
    membersAtOrigin: optionalCount('membersAtOrigin'),
    membersTemporary: optionalCount('membersTemporary'),
    membersFloating: optionalCount('membersFloating'),
    partyOrgId: ref('partyOrgId'),
    noOrgReason: text('noOrgReason', 200),
    formationDirection: optionalChoice('formationDirection', FORMATION_METHODS),
    hasVenue: bool,
    venueArea: amount('venueArea', 1_000_000, false),
    fundingInBudget: bool,
    hasUnion: bool,
    hasYouthLeague: bool,
    hasWomenFederation: bool,
    workGroupId: ref('workGroupId'),
    instructorId: ref('instructorId'),
    leaderId: ref('leaderId'),
    associationId: ref('associationId'),
    leadEnterpriseId: ref('leadEnterpriseId'),
    keyCultivation: bool,
    starRating: z.number('星级应为0到5').int('星级应为0到5').min(0, '星级应为0到5').max(5, '星级应为0到5').default(0),
    note: text('note', 1000),
    surveyedOn: isoDate(L.surveyedOn),
  })
  .strict();

export type EnterpriseInput = z.input<typeof enterpriseInput>;
/** What the core stores: blanks normalised, codes upper-cased. */
export type EnterpriseValues = z.output<typeof enterpriseInput>;
