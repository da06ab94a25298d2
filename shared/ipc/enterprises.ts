import { z } from 'zod';
import type { EnterpriseDetail, EnterpriseListRow } from '../domain/enterprise';
import { channel } from './channel';

export const ENTERPRISE_SORT_KEYS = ['name', 'areaName', 'employees', 'revenue', 'fullMembers', 'id'] as const;
export type EnterpriseSortKey = (typeof ENTERPRISE_SORT_KEYS)[number];

export const ENTERPRISE_PAGE_MAX = 500;

const LABELS = { offset: '起始行', limit: '每页行数', sortBy: '排序字段', sortOrder: '排序方向', id: '企业编号' };

export interface EnterprisePage {
  total: number;
  rows: EnterpriseListRow[];
}

export const enterpriseChannels = {
  'enterprises:list': channel<EnterprisePage>()(
    z
      .object({
        offset: z.number().int().min(0).default(0),
        limit: z.number().int().min(1).max(ENTERPRISE_PAGE_MAX).default(50),
        sortBy: z.enum(ENTERPRISE_SORT_KEYS).default('id'),
        sortOrder: z.enum(['asc', 'desc']).default('asc'),
      })
      .strict(),
    LABELS,
  ),
  'enterprises:get': channel<EnterpriseDetail>()(z.object({ id: z.number().int().positive() }).strict(), LABELS),
};
