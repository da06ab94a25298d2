import type { EnterpriseKind, OperatingStatus, OrgSetting } from '../../../../shared/domain/labels';
import type { SizeBand } from '../../../../shared/domain/sizeBand';
import type { EnterpriseQuery, EnterpriseSortKey } from '../../../../shared/ipc/enterprises';
import type { IndicatorSelection } from '../../../../shared/ipc/stats';

/** What the filter controls hold; null means 全部 for the yes/no filters. */
export interface Filters {
  areaIds: number[];
  sizeBands: SizeBand[];
  kinds: EnterpriseKind[];
  orgSettings: OrgSetting[];
  operatingStatuses: OperatingStatus[];
  /** 0 stands for 未分组. */
  workGroupIds: number[];
  hasMembers: boolean | null;
  keyCultivation: boolean | null;
}

export const NO_FILTERS: Filters = {
  areaIds: [],
  sizeBands: [],
  kinds: [],
  orgSettings: [],
  operatingStatuses: [],
  workGroupIds: [],
  hasMembers: null,
  keyCultivation: null,
};

export interface Sort {
  by: EnterpriseSortKey;
  order: 'asc' | 'desc';
}

export const DEFAULT_SORT: Sort = { by: 'id', order: 'asc' };

const LIST_FILTERS = ['areaIds', 'sizeBands', 'kinds', 'orgSettings', 'operatingStatuses', 'workGroupIds'] as const;

/**
 * The query the core receives: only what narrows the list, arrays in a fixed order so equal filters compare equal.
 * `indicator` narrows it to the enterprises behind a dashboard number.
 */
export function buildQuery(filters: Filters, search: string, indicator?: IndicatorSelection | null): EnterpriseQuery {
  const query: Record<string, unknown> = {};
  if (indicator) query.indicator = indicator;
  const text = search.trim();
  if (text) query.search = text;
  for (const field of LIST_FILTERS) {
    const values: (string | number)[] = filters[field];
    if (values.length > 0) {
      query[field] = [...values].sort((a, b) =>
        typeof a === 'number' && typeof b === 'number' ? a - b : a < b ? -1 : 1,
      );
    }
  }
  if (filters.hasMembers !== null) query.hasMembers = filters.hasMembers;
  if (filters.keyCultivation !== null) query.keyCultivation = filters.keyCultivation;
  return query as EnterpriseQuery;
}

export function isFiltered(query: EnterpriseQuery): boolean {
  return Object.keys(query).length > 0;
}

const KEY_ORDER = ['indicator', 'search', ...LIST_FILTERS, 'hasMembers', 'keyCultivation'] as const;

/** e.g. `org-coverage-members:gap:area:3`, and `…:campaign:2` among one 专项行动's enterprises. */
function selectionText(s: IndicatorSelection): string {
  return [
    s.key,
    s.part,
    ...(s.breakdown ? [s.breakdown.dimension, s.breakdown.key] : []),
    ...(s.campaignId === undefined ? [] : ['campaign', String(s.campaignId)]),
  ].join(':');
}

/** A stable name for what the query matches (sort aside): the selection belongs to it. */
export function filterKey(query: EnterpriseQuery): string {
  const parts: string[] = [];
  for (const field of KEY_ORDER) {
    if (field === 'indicator') {
      if (query.indicator) parts.push(`indicator=${selectionText(query.indicator)}`);
      continue;
    }
    const value = query[field];
    if (value !== undefined) parts.push(`${field}=${Array.isArray(value) ? value.join(',') : String(value)}`);
  }
  return parts.join('&');
}

/**
 * A readable, stable name for a query and sort, e.g. `search=长乐&areaIds=3,5&sort=employees:desc`: the loaded rows
 * belong to one name, and the grid exposes it (data-query) so tests can tell fresh rows from stale ones.
 */
export function listKey(query: EnterpriseQuery, sort: Sort): string {
  const filters = filterKey(query);
  return `${filters ? `${filters}&` : ''}sort=${sort.by}:${sort.order}`;
}

/** Header clicks cycle ascending → descending → back to the ledger's own order. */
export function nextSort(current: Sort, by: EnterpriseSortKey): Sort {
  if (current.by !== by) return { by, order: 'asc' };
  return current.order === 'asc' ? { by, order: 'desc' } : DEFAULT_SORT;
}
