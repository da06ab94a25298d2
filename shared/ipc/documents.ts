import { z } from '../zod';
import { idsOf } from '../domain/labels';
import { DOC_CODE } from '../documents/number';
import {
  DOC_KINDS,
  DOC_SOURCES,
  DOC_STATUSES,
  URGENCIES,
  type DocKind,
  type DocSource,
  type DocStatus,
  type GongwenContent,
} from '../documents/model';
import { CONTENT_LABELS, TITLE_MAX } from '../documents/rules';
import { channel } from './channel';
import type { ExportDone } from './exports';
import { byId, listSearch, optionalRef, optionalText, paging, recordId, requiredRef, type Page } from './fields';

/** One line of 公文管理's list. */
export interface DocumentRow {
  id: number;
  kind: DocKind;
  source: DocSource;
  status: DocStatus;
  /** 长委〔2026〕3号 once issued; null for a draft. */
  number: string | null;
  title: string;
  date: string;
  enterpriseName: string | null;
  updatedAt: string;
}

export interface DocumentDetail {
  id: number;
  source: DocSource;
  status: DocStatus;
  number: string | null;
  content: GongwenContent;
  /** What the document was made from or answers, for the links on its screen. */
  enterpriseId: number | null;
  enterpriseName: string | null;
  planId: number | null;
  campaignId: number | null;
  issuedAt: string | null;
  withdrawnAt: string | null;
  withdrawReason: string;
  createdAt: string;
  updatedAt: string;
  /** Set on a 批复 once issued: where it was recorded (the organisation's formation steps), for the screen to say so. */
  recordedOn: string | null;
}

/** The next free number for a 代字 and year: never one taken before, withdrawn or not. */
export interface NextNumber {
  code: string;
  year: number;
  seq: number;
  number: string;
}

/** A line of the 发文登记: a number taken (issued or withdrawn) or a gap no document in this ledger holds. */
export interface RegisterEntry {
  code: string;
  year: number;
  seq: number;
  number: string;
  state: 'issued' | 'withdrawn' | 'gap';
  documentId: number | null;
  title: string;
  kind: DocKind | null;
  date: string | null;
  issuedAt: string | null;
  actor: string;
  withdrawReason: string;
}

const LABELS = {
  id: '公文',
  source: '公文类型',
  status: '状态',
  year: '年度',
  code: '发文机关代字',
  search: '搜索',
  offset: '起始行',
  limit: '每页行数',
  enterpriseId: '企业',
  campaignId: '专项行动',
  areaId: '区域',
  table: '附件表格',
  content: '公文内容',
  seq: '发文序号',
  reason: '撤回原因',
  target: '保存位置',
  ...CONTENT_LABELS,
  columns: '表格列',
  rows: '表格行',
  text: '附件内容',
};

const year = z
  .number('年度应填数字')
  .int('年度应为整数')
  .min(2000, '年度应在2000年以后')
  .max(2100, '年度不能晚于2100年');
const docCode = z.string().trim().regex(DOC_CODE, '发文机关代字应为1至10个汉字，例如“长委”');
/** A date or blank: a draft may lack it; issuing requires it (shared/documents/rules.ts). */
const draftDate = z
  .string()
  .trim()
  .refine((s) => s === '' || /^\d{4}-\d{2}-\d{2}$/.test(s), '日期应为 2011-08-09 的形式')
  .default('');
const cell = z.string().max(500, '表格单元格不能超过500个字');

const attachment = z
  .object({
    title: optionalText('附件标题', 100),
    table: z
      .object({
        columns: z
          .array(z.object({ title: z.string().max(50), width: z.number().min(0.2).max(20) }).strict())
          .min(1, '附件表格至少要有一列')
          .max(20, '附件表格不能超过20列'),
        rows: z.array(z.array(cell).max(20)).max(20_000, '附件表格不能超过20000行'),
      })
      .strict()
      .refine((t) => t.rows.every((r) => r.length === t.columns.length), '附件表格每行的列数应与表头一致')
      .nullable()
      .default(null),
    text: optionalText('附件内容', 50_000),
  })
  .strict();

/** The content as a draft may hold it: lengths and shapes checked; what issuing needs is checked when issuing. */
export const contentSchema = z
  .object({
    kind: z.enum(idsOf(DOC_KINDS), '请选择文种'),
    urgency: z.enum(idsOf(URGENCIES), '请选择紧急程度').default('none'),
    banner: optionalText('发文机关标志', 30),
    signer: optionalText('签发人', 10),
    title: optionalText('标题', TITLE_MAX + 40),
    addressees: optionalText('主送机关', 200),
    body: optionalText('正文', 100_000),
    attachments: z.array(attachment).max(9, '附件不能超过9个').default([]),
    issuer: optionalText('发文机关署名', 30),
    date: draftDate,
    sealed: z.boolean().default(true),
    note: optionalText('附注', 200),
    cc: optionalText('抄送机关', 300),
    printedBy: optionalText('印发机关', 30),
    printedOn: draftDate,
  })
  .strict();

/** The ledger tables a notice may carry as 附件. */
export const ATTACHABLE_TABLES = {
  'members-no-org': '有党员未建党组织企业名册',
  instructors: '党建工作指导员名单',
  leaders: '领导联系点名单',
  ledger: '非公企业党建工作台账',
} as const;
export type AttachableTable = keyof typeof ATTACHABLE_TABLES;

/** What a pre-filled draft is made from; also what `print:pdf` prints directly (the CLI) without saving a draft. */
export const draftRequest = z
  .object({
    source: z.enum(idsOf(DOC_SOURCES), '请选择公文类型'),
    kind: z.enum(idsOf(DOC_KINDS), '请选择文种').optional(),
    enterpriseId: optionalRef('企业'),
    campaignId: optionalRef('专项行动'),
    areaId: optionalRef('区域'),
    /** For a table notice: which ledger table goes in as 附件. */
    table: z.enum(idsOf(ATTACHABLE_TABLES), '请选择附件表格').optional(),
  })
  .strict();
export type DraftRequest = z.output<typeof draftRequest>;

export const documentChannels = {
  'documents:list': channel<Page<DocumentRow>>()(
    z
      .object({
        status: z.enum(idsOf(DOC_STATUSES), '请选择状态').optional(),
        year: year.optional(),
        search: listSearch,
        ...paging,
      })
      .strict(),
    LABELS,
  ),
  'documents:get': channel<DocumentDetail>()(byId, LABELS),
  /**
   * A new draft, pre-filled from the ledger and the settings: a 批复 for an enterprise (its 请示's title and date from
   * the formation steps when recorded), the 指导员 notice with its 名单, a campaign notice with the 名册, or a notice
   * with a ledger table attached. Nothing is numbered until it is issued.
   */
  'documents:draft': channel<DocumentDetail>()(draftRequest, LABELS),
  'documents:save': channel<DocumentDetail>()(z.object({ id: recordId, content: contentSchema }).strict(), LABELS),
  /** Only a draft may be deleted; an issued document is withdrawn instead and keeps its number. */
  'documents:delete': channel<void>()(byId, LABELS),
  /**
   * Takes the next number (or the sequence the clerk chose, if free) and archives the document in one transaction:
   * both or neither. Refused, naming the field, while the content is not ready to print.
   */
  'documents:issue': channel<DocumentDetail>()(
    z
      .object({
        id: recordId,
        seq: z.number('发文序号应填数字').int('发文序号应为整数').min(1, '发文序号从1开始').max(99_999).optional(),
      })
      .strict(),
    LABELS,
  ),
  /** The number stays taken and shows as 已撤回 in the register. */
  'documents:withdraw': channel<DocumentDetail>()(
    z
      .object({
        id: recordId,
        reason: z.string('请填写撤回原因').trim().min(1, '请填写撤回原因').max(200, '撤回原因不能超过200个字'),
      })
      .strict(),
    LABELS,
  ),
  'documents:nextNumber': channel<NextNumber>()(z.object({ code: docCode.optional(), year }).strict(), LABELS),
  'documents:register': channel<RegisterEntry[]>()(z.object({ code: docCode.optional(), year }).strict(), LABELS),
  'documents:exportRegister': channel<ExportDone>()(
    z.object({ code: docCode.optional(), year, target: z.string().min(1).max(64).optional() }).strict(),
    LABELS,
  ),
  /** The documents made for an enterprise or its plan (a 批复 answering its 请示), newest first. */
  'documents:forEnterprise': channel<DocumentRow[]>()(z.object({ enterpriseId: requiredRef('企业') }).strict(), LABELS),
};
