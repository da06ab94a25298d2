import { z } from '../zod';
import { isoDate, phoneNumber, requiredText } from '../domain/fieldSchemas';
import { checkIdNumber, idNumberProblemMessage, normalizeIdNumber } from '../domain/idNumber';
import { EDUCATIONS, GENDERS, MEMBER_LOCATIONS, MEMBER_STATUSES } from '../domain/labels';
import type { Member, MemberListRow } from '../domain/party';
import { channel } from './channel';
import type { HistoryEntry } from './enterprises';
import {
  byId,
  choiceOf,
  listSearch,
  optionalChoiceOf,
  optionalText,
  paging,
  recordId,
  requiredRef,
  type Page,
  type Saved,
} from './fields';

/** 出生年月 as YYYY-MM. */
const birthMonth = z
  .string()
  .trim()
  .nullish()
  .transform((v) => (v ? v : null))
  .refine((v) => v === null || /^(19|20)\d{2}-(0[1-9]|1[0-2])$/.test(v), '出生年月应为年-月，例如 1985-06');

/** 身份证号: optional; full-width digits and a lower-case x are accepted as typed. */
export const idNumberField = z
  .string()
  .nullish()
  .transform((v) => (v && normalizeIdNumber(v) ? normalizeIdNumber(v) : null))
  .superRefine((v, ctx) => {
    if (v === null) return;
    // The form shows the masked value; sent back unchanged it means "keep the stored number" (the core decides).
    if (v.includes('*')) return;
    const checked = checkIdNumber(v);
    if (!checked.ok)
      ctx.addIssue({ code: 'custom', message: `身份证号${idNumberProblemMessage(checked.problem, checked.expected)}` });
  });

export const memberInput = z
  .object({
    enterpriseId: requiredRef('所在企业'),
    name: requiredText('党员姓名', 30),
    gender: optionalChoiceOf('性别', GENDERS),
    birthMonth,
    education: optionalChoiceOf('学历', EDUCATIONS),
    joinedOn: isoDate('入党时间'),
    status: choiceOf('党员类别', MEMBER_STATUSES).default('full'),
    location: choiceOf('组织关系所在', MEMBER_LOCATIONS).default('enterprise'),
    position: optionalText('岗位/职务', 40),
    phone: phoneNumber('联系电话'),
    idNumber: idNumberField,
    note: optionalText('备注', 500),
  })
  .strict();
export type MemberInput = z.input<typeof memberInput>;
export type MemberValues = z.output<typeof memberInput>;

export const memberQuery = z
  .object({
    enterpriseId: recordId.optional(),
    search: listSearch,
    statuses: z.array(choiceOf('党员类别', MEMBER_STATUSES)).optional(),
    locations: z.array(choiceOf('组织关系所在', MEMBER_LOCATIONS)).optional(),
  })
  .strict();
export type MemberQuery = z.input<typeof memberQuery>;

/** The Chinese name of every member field: the contract's messages and the member's history both use them. */
export const MEMBER_FIELD_LABELS: Readonly<Record<keyof Omit<Member, 'id' | 'createdAt' | 'updatedAt'>, string>> = {
  enterpriseId: '所在企业',
  name: '党员姓名',
  gender: '性别',
  birthMonth: '出生年月',
  education: '学历',
  joinedOn: '入党时间',
  status: '党员类别',
  location: '组织关系所在',
  position: '岗位/职务',
  phone: '联系电话',
  idNumber: '身份证号',
  note: '备注',
};

const LABELS: Readonly<Record<string, string>> = {
  ...MEMBER_FIELD_LABELS,
  id: '党员编号',
  offset: '起始行',
  limit: '每页行数',
  input: '党员信息',
  query: '筛选条件',
  search: '搜索内容',
  statuses: '党员类别',
  locations: '组织关系所在',
  toEnterpriseId: '转入企业',
  on: '转接日期',
  kept: '党员名册',
};

export const memberChannels = {
  /** Members of one enterprise or of the whole township; 身份证号 and phone masked. */
  'members:list': channel<Page<MemberListRow>>()(
    z.object({ query: memberQuery.prefault({}), ...paging }).strict(),
    LABELS,
  ),
  /**
   * One member for its edit form, 身份证号 and phone masked like every answer (the full value only through
   * `personal:reveal`); sent back unchanged, a masked value keeps the stored one.
   */
  'members:get': channel<Member>()(byId, LABELS),
  /**
   * Adds (no id) or changes a member. The first member added to an enterprise starts its roster; from then
   * on the enterprise's counts come from the roster.
   */
  'members:save': channel<Saved>()(z.object({ id: recordId.optional(), input: memberInput }).strict(), LABELS),
  'members:delete': channel<null>()(byId, LABELS),
  /** 组织关系转接: the member moves to another enterprise (which must keep a roster); both counts follow. */
  'members:transfer': channel<null>()(
    z.object({ id: recordId, toEnterpriseId: requiredRef('转入企业'), on: isoDate('转接日期') }).strict(),
    LABELS,
  ),
  /**
   * Starts or stops keeping a roster for an enterprise. Starting derives its counts from the roster at once;
   * stopping keeps the last counts as typed values.
   */
  /** The member's own changes, newest first, 身份证号 masked; a 组织关系转接 shows as a change of 所在企业. */
  'members:history': channel<HistoryEntry[]>()(byId, LABELS),
  'members:setRoster': channel<null>()(z.object({ enterpriseId: recordId, kept: z.boolean() }).strict(), LABELS),
};
