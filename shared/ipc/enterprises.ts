import { z } from '../zod';
import type { EnterpriseDetail, EnterpriseListRow } from '../domain/enterprise';
import { ENTERPRISE_FIELD_LABELS, enterpriseInput } from '../domain/enterpriseInput';
import { ENTERPRISE_KINDS, idsOf, OPERATING_STATUSES, ORG_SETTINGS } from '../domain/labels';
import { SIZE_BANDS } from '../domain/sizeBand';
import { channel } from './channel';
import { indicatorSelection } from './stats';

/** Every list column can be sorted on. */
export const ENTERPRISE_SORT_KEYS = [
  'id',
  'name',
  'uscc',
  'kind',
  'ownership',
  'industry',
  'areaName',
  'address',
  'operatingStatus',
  'employees',
  'revenue',
  'sizeBand',
  'fullMembers',
  'activists',
  'orgSetting',
  'partyOrgName',
  'workGroupName',
  'instructorName',
  'keyCultivation',
  'starRating',
  'ownerName',
  'contactName',
  'surveyedOn',
  'updatedAt',
] as const;
export type EnterpriseSortKey = (typeof ENTERPRISE_SORT_KEYS)[number];

export const ENTERPRISE_PAGE_MAX = 500;
/** The most enterprises one bulk change or one "select all" may name. */
export const ENTERPRISE_BULK_MAX = 200_000;
export const SEARCH_MAX_LENGTH = 50;

const ids = (label: string, max = 200) => z.array(z.number().int().positive(), `${label}无效`).max(max);

/** What narrows the ledger list: one search box and the filters beside it. Everything is optional. */
export const enterpriseQuery = z
  .object({
    search: z.string().trim().max(SEARCH_MAX_LENGTH, `搜索内容不能超过${SEARCH_MAX_LENGTH}个字`).optional(),
    areaIds: ids('所在区域').optional(),
    sizeBands: z.array(z.enum(idsOf(SIZE_BANDS))).optional(),
    kinds: z.array(z.enum(idsOf(ENTERPRISE_KINDS))).optional(),
    orgSettings: z.array(z.enum(idsOf(ORG_SETTINGS))).optional(),
    operatingStatuses: z.array(z.enum(idsOf(OPERATING_STATUSES))).optional(),
    /** 0 means 未分组. */
    workGroupIds: z.array(z.number().int().min(0)).max(200).optional(),
    hasMembers: z.boolean().optional(),
    keyCultivation: z.boolean().optional(),
    /** The enterprises behind one number of the dashboard. */
    indicator: indicatorSelection.optional(),
  })
  .strict();
export type EnterpriseQuery = z.input<typeof enterpriseQuery>;
export type ParsedEnterpriseQuery = z.output<typeof enterpriseQuery>;

/** What a bulk action may change on many enterprises at once: exactly one of these. */
export const bulkPatch = z.union([
  z.object({ areaId: z.number().int().positive('请选择所在区域') }).strict(),
  z.object({ workGroupId: z.number().int().positive().nullable() }).strict(),
  z.object({ instructorId: z.number().int().positive().nullable() }).strict(),
  z.object({ leaderId: z.number().int().positive().nullable() }).strict(),
  z.object({ operatingStatus: z.enum(idsOf(OPERATING_STATUSES)) }).strict(),
  /** 重点培育, set from the 双强 assessments' ranking. */
  z.object({ keyCultivation: z.boolean('请选择是否重点培育') }).strict(),
]);
export type BulkPatch = z.infer<typeof bulkPatch>;

const LABELS: Readonly<Record<string, string>> = {
  ...ENTERPRISE_FIELD_LABELS,
  offset: '起始行',
  limit: '每页行数',
  sortBy: '排序字段',
  sortOrder: '排序方向',
  id: '企业编号',
  ids: '所选企业',
  query: '筛选条件',
  search: '搜索内容',
  areaIds: '所在区域',
  sizeBands: '规模类别',
  kinds: '单位类型',
  orgSettings: '组织设置',
  operatingStatuses: '经营状况',
  workGroupIds: '推进组',
  hasMembers: '有无党员',
  indicator: '指标企业',
  patch: '批量修改内容',
  input: '企业信息',
};

export interface EnterprisePage {
  total: number;
  rows: EnterpriseListRow[];
}

/** One changed field (or a whole-record event) in an enterprise's history, ready to read. */
export interface HistoryEntry {
  batchId: number;
  at: string;
  actor: string;
  action: string;
  op: 'insert' | 'update' | 'delete' | 'reveal';
  field: string | null;
  fieldLabel: string | null;
  oldText: string | null;
  newText: string | null;
}

export interface SaveResult {
  id: number;
  /** Warnings the clerk accepted by saving, repeated so the screen can show them after a save. */
  warnings: { field: string; message: string }[];
}

export const enterpriseChannels = {
  'enterprises:list': channel<EnterprisePage>()(
    z
      .object({
        query: enterpriseQuery.default({}),
        offset: z.number().int().min(0).default(0),
        limit: z.number().int().min(1).max(ENTERPRISE_PAGE_MAX).default(50),
        sortBy: z.enum(ENTERPRISE_SORT_KEYS).default('id'),
        sortOrder: z.enum(['asc', 'desc']).default('asc'),
      })
      .strict(),
    LABELS,
  ),
  /** Every id the query matches, in id order: for "select all results". */
  'enterprises:ids': channel<number[]>()(z.object({ query: enterpriseQuery.default({}) }).strict(), LABELS),
  /** For the detail and the edit form; 联系电话 masked (full only through `personal:reveal`). */
  'enterprises:get': channel<EnterpriseDetail>()(z.object({ id: z.number().int().positive() }).strict(), LABELS),
  'enterprises:create': channel<SaveResult>()(z.object({ input: enterpriseInput }).strict(), LABELS),
  'enterprises:update': channel<SaveResult>()(
    z.object({ id: z.number().int().positive(), input: enterpriseInput }).strict(),
    LABELS,
  ),
  'enterprises:delete': channel<null>()(z.object({ id: z.number().int().positive() }).strict(), LABELS),
  'enterprises:bulkUpdate': channel<{ changed: number }>()(
    z
      .object({
        ids: z.array(z.number().int().positive()).min(1, '请先选择企业').max(ENTERPRISE_BULK_MAX),
        patch: bulkPatch,
      })
      .strict(),
    LABELS,
  ),
  'enterprises:history': channel<HistoryEntry[]>()(z.object({ id: z.number().int().positive() }).strict(), LABELS),
};
