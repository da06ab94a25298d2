import { REPORTS } from '../../../shared/excel/kinds';
import type { HeaderNode, ReportColumn, ReportModel } from '../../../shared/excel/reportModel';
import type { CountyReport } from '../county/merge';
import { partyStatsLayout } from './partyStats';

/**
 * 全县汇总表: the county view as the sheets of one workbook, each laid out by the one report writer so it prints as
 * every other table does. Plain data from countyReport; nothing here opens or writes a township's file.
 */
export interface CountyHead {
  /** 填报单位: the county's organisation, or blank when the townships do not agree on it (county/session.ts). */
  unit: string;
  date: string;
}

export const COUNTY_WORKBOOK_TITLE = '非公企业党建工作全县汇总表';

const head = (h: CountyHead, sheetName: string, title: string, scope: string) => ({
  report: 'county' as const,
  sheetName,
  title,
  unit: h.unit,
  date: h.date,
  scope,
  preparer: '',
  reviewer: '',
});

const percentText = (target: number) => `${Math.round(target * 1000) / 10}%`;

/**
 * 全县指标汇总: a row per township and a 全县合计 row; per standard indicator 分子, 分母 and 比例. The 合计 row is
 * the writer's SUM of the rows above and its 比例 the formula over those sums — the same figures as countyReport's
 * county row, which recomputes each rate from the summed counts (a rate is never summed).
 */
export function countyIndicatorsSheet(report: CountyReport, h: CountyHead): ReportModel {
  const indicators = report.county.indicators;
  const columns: ReportColumn[] = [
    { key: 'township', header: '乡镇', width: 8, kind: 'text' },
    { key: 'file', header: '台账文件', width: 10, kind: 'text' },
    { key: 'enterprises', header: '企业数', width: 5, kind: 'int', sum: true },
    ...indicators.flatMap((ind, i): ReportColumn[] => [
      { key: `n${i}`, header: '分子', width: 5, kind: 'int', sum: true },
      { key: `d${i}`, header: '分母', width: 5, kind: 'int', sum: true },
      { key: `r${i}`, header: '比例', width: 6, kind: 'percent', ratio: { numerator: `n${i}`, denominator: `d${i}` } },
    ]),
  ];
  const header: HeaderNode[] = [
    'township',
    'file',
    'enterprises',
    ...indicators.map((ind, i) => ({
      label: ind.target === null ? ind.name : `${ind.name}（目标${percentText(ind.target)}）`,
      children: [`n${i}`, `d${i}`, `r${i}`],
    })),
  ];
  return {
    ...head(h, '全县指标汇总', COUNTY_WORKBOOK_TITLE, `共${report.townships.length}个乡镇`),
    header,
    columns,
    rows: report.townships.map((t) => ({
      // The 比例 cells are formulas the writer works out from 分子 and 分母; the value here is only a placeholder.
      cells: [t.township, t.file, t.enterprises, ...t.indicators.flatMap((c) => [c.numerator, c.denominator, null])],
      alert: t.indicators.flatMap((c, i) => (c.met === false ? [5 + i * 3] : [])),
    })),
    total: { label: '全县合计' },
    notes: [
      '说明：1. 各乡镇均按默认指标口径统计（不论乡镇是否修改或停用了本镇的指标），企业数不含注销、迁出的企业；' +
        '2. 全县合计的比例按合计的分子、分母计算，不是各乡镇比例相加或平均；3. 未达到目标的比例以红色显示。',
    ],
    freezeColumns: 1,
  };
}

/** 党内统计（全县）: the township's own 党内统计 layout around the county's cell-wise sum. */
export function countyPartyStatsSheet(report: CountyReport, h: CountyHead): ReportModel {
  const scope = `全县${report.townships.length}个乡镇汇总`;
  return partyStatsLayout(
    report.county.partyStats,
    head(h, '党内统计（全县）', REPORTS['party-stats'], scope),
    '各乡镇（街道）台账中在册',
  );
}

/** 跨乡镇重复企业: one row per entry, so each township's clerk finds their own line. Reported, never merged. */
export function countyDuplicatesSheet(report: CountyReport, h: CountyHead): ReportModel {
  const rows = report.duplicates.flatMap((d) =>
    d.entries.map((e) => ({ cells: [d.uscc, e.township, e.file, e.name] })),
  );
  return {
    ...head(h, '跨乡镇重复企业', '在两个以上乡镇登记的企业', `共${report.duplicates.length}家`),
    header: ['uscc', 'township', 'file', 'name'],
    columns: [
      { key: 'uscc', header: '统一社会信用代码', width: 12, kind: 'text' },
      { key: 'township', header: '乡镇', width: 8, kind: 'text' },
      { key: 'file', header: '台账文件', width: 10, kind: 'text' },
      { key: 'name', header: '企业名称', width: 20, kind: 'text' },
    ],
    rows,
    notes: [
      report.duplicates.length === 0
        ? '说明：按统一社会信用代码比对各乡镇在册企业（不含注销、迁出），未发现在两个以上乡镇登记的企业。'
        : '说明：按统一社会信用代码比对各乡镇在册企业（不含注销、迁出）；这些企业在各乡镇分别计数、未合并，请核实归属后由迁出乡镇办理迁出。',
    ],
  };
}

export function countyWorkbook(report: CountyReport, h: CountyHead): ReportModel[] {
  return [countyIndicatorsSheet(report, h), countyPartyStatsSheet(report, h), countyDuplicatesSheet(report, h)];
}
