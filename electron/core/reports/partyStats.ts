import type { Condition, SetClause } from '../../../shared/domain/indicators';
import type { ControlType, PartyOrgType } from '../../../shared/domain/labels';
import { chineseDate, type HeaderNode, type ReportColumn, type ReportModel } from '../../../shared/excel/reportModel';
import { liveContext } from '../services/stats';
import type { Sql } from '../stats/compile';
import { aggregate, type Figure, type Measure } from './aggregate';
import { reportHead, type ReportInput } from './context';

/**
 * 党内统计 "非公有经济控制的企业法人单位建立党的基层组织情况", in the form's fixed matrix (domain.md §7). Counted over
 * the active (not 注销/迁出) units of kind 企业 — the 企业法人单位; 个体工商户 and the 社会组织 kinds are not on this form.
 * Each cell is the row's figure among the column's enterprises, all from one pass of the statistics compiler.
 * Where the form's wording needed a reading, the reading is in ROW_NOTES and COLUMN_NOTES, written into the sheet
 * as comments and as 说明 lines.
 */
const ENTERPRISE: SetClause = { fact: 'kind', in: ['enterprise'] };

const secretary: Sql = { sql: 'e.owner_is_secretary = 1', params: [] };
const control = (type: ControlType): Sql => ({ sql: 'e.control_type = ?', params: [type] });
const orgType = (types: PartyOrgType[]): Sql => ({
  sql: 'EXISTS (SELECT 1 FROM party_orgs o WHERE o.id = e.party_org_id AND o.type IN (SELECT value FROM json_each(?)))',
  params: [JSON.stringify(types)],
});

interface Column {
  key: string;
  header: string;
  condition: Condition;
  extra?: Sql;
  note?: string;
}

const COLUMNS: Column[] = [
  { key: 'total', header: '总数', condition: [] },
  { key: 'emp50', header: '从业人员50人以上的', condition: [{ fact: 'employees', min: 50, max: null }] },
  { key: 'emp100', header: '从业人员100人以上的', condition: [{ fact: 'employees', min: 100, max: null }] },
  { key: 'owner', header: '法定代表人是党员的', condition: [{ fact: 'ownerIsMember', is: true }] },
  {
    key: 'secretary',
    header: '其中：兼任企业党组织书记的',
    condition: [{ fact: 'ownerIsMember', is: true }],
    extra: secretary,
    note: '法定代表人是党员且台账登记为兼任本企业党组织书记的。',
  },
  { key: 'private-sole', header: '私营独资', condition: [], extra: control('private-sole') },
  { key: 'private-hmt', header: '港澳台商投资', condition: [], extra: control('private-hmt-invested') },
  { key: 'private-foreign', header: '外商投资', condition: [], extra: control('private-foreign-invested') },
  { key: 'hmt-sole', header: '港澳台商独资', condition: [], extra: control('hmt-sole') },
  { key: 'foreign-sole', header: '外商独资', condition: [], extra: control('foreign-sole') },
];

const HAS_ORG_JOINTLY: Condition = [{ fact: 'orgSetting', in: ['joint', 'attached'] }];
const NO_ORG: Condition = [{ fact: 'orgSetting', in: ['none'] }];
const count: Measure = { count: true };

interface Row {
  label: string;
  condition: Condition;
  extra?: Sql;
  measure: Measure;
  note?: string;
}

const ROWS: Row[] = [
  { label: '单位数', condition: [], measure: count },
  { label: '　其中：党建工作指导员联系的', condition: [{ fact: 'hasInstructor', is: true }], measure: count },
  { label: '已单独建立党组织的', condition: [{ fact: 'orgSetting', in: ['standalone'] }], measure: count },
  {
    label: '　其中：建立党委的',
    condition: [{ fact: 'orgSetting', in: ['standalone'] }],
    extra: orgType(['committee']),
    measure: count,
  },
  {
    label: '　　　　建立党总支部的',
    condition: [{ fact: 'orgSetting', in: ['standalone'] }],
    extra: orgType(['general-branch']),
    measure: count,
  },
  {
    label: '　　　　建立党支部的',
    condition: [{ fact: 'orgSetting', in: ['standalone'] }],
    extra: orgType(['branch', 'floating-branch']),
    measure: count,
    note: '单独建立的党支部，含在本企业单独建立的流动党员党支部。',
  },
  {
    label: '已建立联合党支部的',
    condition: HAS_ORG_JOINTLY,
    measure: count,
    note: '含联合建立党组织的企业和挂靠属地党组织（村、社区、园区党组织等）的企业，使“单独建立＋联合建立＋未建立＝单位数”。',
  },
  {
    label: '　其中：具有3名以上党员的',
    condition: [...HAS_ORG_JOINTLY, { fact: 'fullMembers', min: 3, max: null }],
    measure: count,
    note: '按正式党员3名以上计，即已具备单独建立党支部条件的企业。',
  },
  {
    label: '联合党支部数',
    condition: [{ fact: 'orgSetting', in: ['joint'] }],
    measure: { distinct: 'partyOrg' },
    note: '本栏企业所在的联合党组织（联合党支部、联合党总支、联合党委）个数，同一组织只计一次；挂靠的属地党组织不计入。',
  },
  { label: '未建立党组织的', condition: NO_ORG, measure: count },
  {
    label: '　其中：应建尚未建立的',
    condition: [...NO_ORG, { fact: 'fullMembers', min: 3, max: null }],
    measure: count,
    note: '有正式党员3名以上、尚未建立党组织的企业。',
  },
  {
    label: '　　　　仅有个别党员的',
    condition: [...NO_ORG, { fact: 'members', min: 1, max: null }, { fact: 'fullMembers', min: null, max: 2 }],
    measure: count,
    note: '有党员（正式或预备）但正式党员不足3名的企业。',
  },
  {
    label: '　　　　没有党员的',
    condition: [...NO_ORG, { fact: 'members', min: null, max: 0 }],
    measure: count,
  },
  {
    label: '补充：党建工作指导员人数',
    condition: [{ fact: 'hasInstructor', is: true }],
    measure: { distinct: 'instructor' },
    note: '本栏企业的现任党建工作指导员人数，一人联系多家企业只计一次。',
  },
  {
    label: '　　　在岗职工数',
    condition: [],
    measure: { sum: 'employees' },
    note: '按台账“从业人员数”合计，人数不详的企业不计入。',
  },
  { label: '　　　　其中：已建立党组织的', condition: [{ fact: 'hasOrg', is: true }], measure: { sum: 'employees' } },
  {
    label: '　　　　　　　未建党组织但有党建工作指导员的',
    condition: [
      { fact: 'hasOrg', is: false },
      { fact: 'hasInstructor', is: true },
    ],
    measure: { sum: 'employees' },
  },
  {
    label: '　　　党员数',
    condition: [],
    measure: { sum: 'members' },
    note: '正式党员与预备党员之和，按在企业工作的党员计，不论组织关系所在。',
  },
  { label: '　　　　其中：已建立党组织的', condition: [{ fact: 'hasOrg', is: true }], measure: { sum: 'members' } },
  {
    label: '　　　　　　　未建党组织但有党建工作指导员的',
    condition: [
      { fact: 'hasOrg', is: false },
      { fact: 'hasInstructor', is: true },
    ],
    measure: { sum: 'members' },
  },
];

const and = (a?: Sql, b?: Sql): Sql | undefined =>
  a && b ? { sql: `(${a.sql}) AND (${b.sql})`, params: [...a.params, ...b.params] } : (a ?? b);

/** The cells as numbers, row by row, column by column (for the report and for anyone checking it). */
export function partyStatsMatrix(input: Pick<ReportInput, 'db' | 'today'>): number[][] {
  const figures: Figure[] = ROWS.flatMap((row) =>
    COLUMNS.map((col) => ({
      condition: [ENTERPRISE, ...col.condition, ...row.condition],
      extra: and(col.extra, row.extra),
      measure: row.measure,
    })),
  );
  const values = aggregate(input.db, figures, liveContext(input.db, input.today), 'township').get('')!;
  return ROWS.map((_, r) => values.slice(r * COLUMNS.length, (r + 1) * COLUMNS.length));
}

export const PARTY_STATS_ROWS = ROWS.map((r) => r.label.trim());
export const PARTY_STATS_COLUMNS = COLUMNS.map((c) => c.key);
/** The form as a screen shows it: the 项目 labels indented as printed, the columns' bottom header cells. */
export const PARTY_STATS_FORM = { rows: ROWS.map((r) => r.label), columns: COLUMNS.map((c) => c.header) };

export function partyStatsReport(input: ReportInput): ReportModel {
  return partyStatsLayout(partyStatsMatrix(input), {
    ...reportHead(input, 'party-stats'),
    sheetName: '党内统计',
    scope: `统计截止日期：${chineseDate(liveContext(input.db, input.today).asOf)}`,
  });
}

type Head = Pick<ReportModel, 'report' | 'title' | 'unit' | 'date' | 'preparer' | 'reviewer' | 'sheetName' | 'scope'>;

/**
 * The form laid out around a matrix: one township's, or the county's sum of them (reports/county.ts), whose 说明
 * then says the enterprises are those of every township's ledger.
 */
export function partyStatsLayout(matrix: number[][], head: Head, counted = '台账中在册'): ReportModel {
  const columns: ReportColumn[] = [
    { key: 'item', header: '项目', width: 23, kind: 'text' },
    { key: 'line', header: '行次', width: 2, kind: 'int' },
    ...COLUMNS.map((c) => ({ key: c.key, header: c.header, width: 4, kind: 'int' as const, note: c.note })),
  ];
  const header: HeaderNode[] = [
    'item',
    'line',
    'total',
    { label: '其中', children: ['emp50', 'emp100', 'owner', 'secretary'] },
    {
      label: '按经济控制类型分',
      children: [
        { label: '私有经济控制', children: ['private-sole', 'private-hmt', 'private-foreign'] },
        { label: '港澳台商经济控制', children: ['hmt-sole'] },
        { label: '外商经济控制', children: ['foreign-sole'] },
      ],
    },
  ];
  // One paragraph, so that the form with its readings still prints on one page.
  const notes = [
    [
      `说明：1. 统计对象为${counted}（不含注销、迁出）的企业法人单位，不含个体工商户和社会组织；经济控制类型未登记或为“其他”的企业只计入总数等栏。`,
      ...ROWS.filter((r) => r.note).map((r, i) => `${i + 2}. ${r.label.trim()}：${r.note}`),
    ].join(''),
  ];
  return {
    ...head,
    header,
    columns,
    rows: ROWS.map((row, r) => ({
      cells: [row.label, r + 1, ...matrix[r]!],
      notes: row.note ? { 0: row.note } : undefined,
    })),
    notes,
    freezeColumns: 2,
  };
}
