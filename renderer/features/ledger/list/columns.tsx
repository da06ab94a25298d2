import dayjs from 'dayjs';
import type { ReactNode } from 'react';
import type { EnterpriseListRow } from '../../../../shared/domain/enterprise';
import {
  ENTERPRISE_KINDS,
  INDUSTRY_SECTIONS,
  OPERATING_STATUSES,
  ORG_SETTINGS,
  OWNERSHIPS,
} from '../../../../shared/domain/labels';
import type { EnterpriseSortKey } from '../../../../shared/ipc/enterprises';
import { count, orDash, yesNo } from '../../../components/format';
import { gridOrgSettingTag, gridSizeBandTag, gridStatusTag } from './gridTags';

/** One column a clerk can show: `text` is its plain wording (also the cell's hover title), `render` a richer look. */
export interface GridColumn {
  key: string;
  title: string;
  width: number;
  sortKey?: EnterpriseSortKey;
  align?: 'right' | 'center';
  text: (r: EnterpriseListRow) => string;
  render?: (r: EnterpriseListRow) => ReactNode;
}

// One formatter for every cell: toLocaleString with options builds a new one per call, which made each scroll step
// of the grid a long task.
const AMOUNT = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 2 });

function amount(n: number | null): string {
  return n === null ? '不详' : AMOUNT.format(n);
}

function dateTime(iso: string): string {
  const d = dayjs(iso);
  return d.isValid() ? d.format('YYYY-MM-DD HH:mm') : iso;
}

function sizeBandText(r: EnterpriseListRow): string {
  const band = r.sizeBand === 'unknown' ? '不详' : `${r.sizeBand}类`;
  return r.revenueNeedsConfirming ? `${band}（营收待核实）` : band;
}

/** Every column in display order; the 列设置 popover only chooses which are shown. */
export const COLUMNS: readonly GridColumn[] = [
  { key: 'name', title: '企业名称', width: 260, sortKey: 'name', text: (r) => r.name },
  { key: 'uscc', title: '统一社会信用代码', width: 190, sortKey: 'uscc', text: (r) => orDash(r.uscc) },
  { key: 'kind', title: '单位类型', width: 120, sortKey: 'kind', text: (r) => ENTERPRISE_KINDS[r.kind] },
  {
    key: 'ownership',
    title: '企业性质',
    width: 150,
    sortKey: 'ownership',
    text: (r) => (r.ownership ? OWNERSHIPS[r.ownership] : '—'),
  },
  {
    key: 'industry',
    title: '行业',
    width: 200,
    sortKey: 'industry',
    text: (r) => (r.industry ? `${r.industry} ${INDUSTRY_SECTIONS[r.industry]}` : '—'),
  },
  { key: 'areaName', title: '所在区域', width: 130, sortKey: 'areaName', text: (r) => r.areaName },
  { key: 'address', title: '地址', width: 220, sortKey: 'address', text: (r) => orDash(r.address) },
  {
    key: 'operatingStatus',
    title: '经营状况',
    width: 96,
    sortKey: 'operatingStatus',
    text: (r) => OPERATING_STATUSES[r.operatingStatus],
    render: (r) => gridStatusTag(r.operatingStatus),
  },
  {
    key: 'employees',
    title: '从业人员',
    width: 96,
    sortKey: 'employees',
    align: 'right',
    text: (r) => count(r.employees),
  },
  {
    key: 'revenue',
    title: '营业收入(万元)',
    width: 130,
    sortKey: 'revenue',
    align: 'right',
    text: (r) => amount(r.revenue),
  },
  {
    key: 'sizeBand',
    title: '规模类别',
    width: 150,
    sortKey: 'sizeBand',
    text: sizeBandText,
    render: (r) => gridSizeBandTag(r.sizeBand, r.revenueNeedsConfirming),
  },
  {
    key: 'members',
    title: '党员（正式/预备）',
    width: 140,
    sortKey: 'fullMembers',
    align: 'right',
    text: (r) => `${r.fullMembers} / ${r.probationaryMembers}`,
  },
  {
    key: 'activists',
    title: '入党积极分子',
    width: 110,
    sortKey: 'activists',
    align: 'right',
    text: (r) => String(r.activists),
  },
  {
    key: 'orgSetting',
    title: '组织设置',
    width: 100,
    sortKey: 'orgSetting',
    text: (r) => ORG_SETTINGS[r.orgSetting],
    render: (r) => gridOrgSettingTag(r.orgSetting),
  },
  {
    key: 'partyOrgName',
    title: '所在党组织',
    width: 200,
    sortKey: 'partyOrgName',
    text: (r) => orDash(r.partyOrgName),
  },
  {
    key: 'workGroupName',
    title: '推进组',
    width: 130,
    sortKey: 'workGroupName',
    text: (r) => r.workGroupName ?? '未分组',
  },
  {
    key: 'instructorName',
    title: '指导员',
    width: 100,
    sortKey: 'instructorName',
    text: (r) => orDash(r.instructorName),
  },
  {
    key: 'keyCultivation',
    title: '重点培育',
    width: 90,
    sortKey: 'keyCultivation',
    align: 'center',
    text: (r) => yesNo(r.keyCultivation),
  },
  {
    key: 'starRating',
    title: '星级',
    width: 100,
    sortKey: 'starRating',
    text: (r) => (r.starRating > 0 ? '★'.repeat(r.starRating) : '—'),
  },
  { key: 'ownerName', title: '业主', width: 100, sortKey: 'ownerName', text: (r) => orDash(r.ownerName) },
  { key: 'contactName', title: '联系人', width: 100, sortKey: 'contactName', text: (r) => orDash(r.contactName) },
  { key: 'contactPhone', title: '联系电话', width: 130, text: (r) => orDash(r.contactPhone) },
  { key: 'surveyedOn', title: '摸底核实日期', width: 120, sortKey: 'surveyedOn', text: (r) => orDash(r.surveyedOn) },
  { key: 'updatedAt', title: '更新时间', width: 150, sortKey: 'updatedAt', text: (r) => dateTime(r.updatedAt) },
];

export const COLUMN_BY_KEY: ReadonlyMap<string, GridColumn> = new Map(COLUMNS.map((c) => [c.key, c]));

export const DEFAULT_VISIBLE: readonly string[] = [
  'name',
  'uscc',
  'areaName',
  'operatingStatus',
  'employees',
  'revenue',
  'sizeBand',
  'members',
  'orgSetting',
  'workGroupName',
];

export const MIN_COLUMN_WIDTH = 56;
export const MAX_COLUMN_WIDTH = 800;
