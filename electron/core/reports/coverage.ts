import type { Condition, SetClause } from '../../../shared/domain/indicators';
import { ORG_SETTINGS } from '../../../shared/domain/labels';
import { SIZE_BANDS, type SizeBand } from '../../../shared/domain/sizeBand';
import type { HeaderNode, ReportColumn, ReportModel, ReportRow } from '../../../shared/excel/reportModel';
import { chineseDate } from '../../../shared/excel/reportModel';
import { liveContext, liveIndicators, liveReport } from '../services/stats';
import { countIndicators, type CountedIndicator } from '../stats/report';
import { liveSource } from '../stats/source';
import { aggregate } from './aggregate';
import { reportHead, type ReportInput } from './context';

/** Every count here is of the enterprises the coverage indicators count (domain.md §4): 企业 and 个体工商户. */
const COUNTED: SetClause = { fact: 'kind', in: ['enterprise', 'individual'] };
const BANDS = Object.keys(SIZE_BANDS) as SizeBand[];

interface CountColumn {
  key: string;
  header: string;
  condition: Condition;
}

const COUNT_COLUMNS: CountColumn[] = [
  { key: 'all', header: '企业总数', condition: [COUNTED] },
  ...BANDS.map((band) => ({
    key: `band-${band}`,
    header: band === 'unknown' ? '人数不详' : `${band}类`,
    condition: [COUNTED, { fact: 'sizeBand' as const, in: [band] }],
  })),
  ...(['standalone', 'joint', 'attached'] as const).map((setting) => ({
    key: `org-${setting}`,
    header: ORG_SETTINGS[setting],
    condition: [COUNTED, { fact: 'orgSetting' as const, in: [setting] }],
  })),
  { key: 'with-members', header: '有党员的企业', condition: [COUNTED, { fact: 'members', min: 1, max: null }] },
  {
    key: 'members-no-org',
    header: '有党员未建党组织的企业',
    condition: [COUNTED, { fact: 'members', min: 1, max: null }, { fact: 'hasOrg', is: false }],
  },
];

/**
 * 非公有制企业党组织覆盖情况统计表: a row per area (in the ledger's order, every area even without enterprises) and
 * the 合计. The counts come from countIndicators (each column an indicator whose denominator is the column's
 * condition), the member sums from the same compiler, and the rates are the ledger's enabled indicators broken down
 * by area — the dashboard's numbers. Each rate is written as 已覆盖 ÷ 应覆盖 of its own row, so the 合计 row's rate is
 * of the totals.
 */
export function coverageReport(input: ReportInput): ReportModel {
  const { db, today } = input;
  const ctx = liveContext(db, today);
  const asIndicators: CountedIndicator[] = COUNT_COLUMNS.map((c) => ({
    key: c.key,
    name: c.header,
    denominator: c.condition,
    numerator: [],
    target: null,
    note: '',
  }));
  const counts = countIndicators(db, liveSource, asIndicators, ctx);
  const members = aggregate(
    db,
    [
      { condition: [COUNTED], measure: { sum: 'fullMembers' } },
      { condition: [COUNTED], measure: { sum: 'probationaryMembers' } },
    ],
    ctx,
    'area',
  );
  const indicators = liveReport(db, today).indicators;
  const enabled = liveIndicators(db);
  const areas = liveSource.labels(db).areas;

  const columns: ReportColumn[] = [
    { key: 'area', header: '区域', width: 6, kind: 'text' },
    ...COUNT_COLUMNS.map((c) => ({ key: c.key, header: c.header, width: 3, kind: 'int' as const, sum: true })),
    { key: 'full', header: '正式党员', width: 3, kind: 'int', sum: true },
    { key: 'probationary', header: '预备党员', width: 3, kind: 'int', sum: true },
    ...indicators.flatMap((ind, i): ReportColumn[] => [
      { key: `ind${i}-d`, header: '应覆盖', width: 3, kind: 'int', sum: true },
      { key: `ind${i}-n`, header: '已覆盖', width: 3, kind: 'int', sum: true },
      {
        key: `ind${i}-r`,
        header: ind.target === null ? '比率' : `比率（目标${Math.round(ind.target * 1000) / 10}%）`,
        width: 4,
        kind: 'percent',
        ratio: { numerator: `ind${i}-n`, denominator: `ind${i}-d` },
      },
    ]),
  ];
  const header: HeaderNode[] = [
    'area',
    { label: '企业数', children: ['all', { label: '按规模分', children: BANDS.map((b) => `band-${b}`) }] },
    { label: '已建党组织的企业', children: ['org-standalone', 'org-joint', 'org-attached'] },
    { label: '党员分布', children: ['with-members', 'members-no-org'] },
    { label: '党员人数', children: ['full', 'probationary'] },
    ...indicators.map((ind, i) => ({
      label: ind.name,
      note: enabled.find((e) => e.key === ind.key)?.note || undefined,
      children: [`ind${i}-d`, `ind${i}-n`, `ind${i}-r`],
    })),
  ];
  const perArea = (key: string): ReportRow => {
    const c = counts.map((r) => r.breakdowns.area.find((b) => b.key === key)?.denominator ?? 0);
    const m = members.get(key) ?? [0, 0];
    const rates = indicators.flatMap((ind) => {
      const b = ind.breakdowns.area.find((x) => x.key === key);
      return [b?.denominator ?? 0, b?.numerator ?? 0, null];
    });
    const label = areas.find((a) => a.key === key)?.label ?? `（编号${key}）`;
    return { cells: [label, ...c, m[0]!, m[1]!, ...rates] };
  };
  const notes = [
    '说明：1. 统计对象为在册的企业和个体工商户，不含注销、迁出的单位及民办非企业单位、社会团体、社会中介组织。',
    '2. 规模类别：A类30人以下；B类30–49人；C类50–79人且年营业收入500万元以下；D类80人以上，或50–79人且年营业收入500万元以上；从业人员不详的单列。',
    '3. 已建党组织包括单独建立、联合建立和挂靠；比率＝已覆盖÷应覆盖，合计行的比率按合计数计算。',
  ];
  const unknownRevenue = indicators.filter((i) => i.revenueUnknown > 0);
  if (unknownRevenue.length > 0) {
    notes.push(
      `4. ${unknownRevenue.map((i) => `“${i.name}”中有${i.revenueUnknown}家营业收入不详，按500万元以下计`).join('；')}，请核实。`,
    );
  }
  return {
    ...reportHead(input, 'coverage'),
    sheetName: '覆盖情况统计表',
    scope: `统计截止日期：${chineseDate(ctx.asOf)}`,
    header,
    columns,
    rows: areas.map((a) => perArea(a.key)),
    total: { label: '合计' },
    notes,
    freezeColumns: 1,
  };
}
