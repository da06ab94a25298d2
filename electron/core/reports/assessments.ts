import {
  GRADES,
  HARD_INDICATORS,
  MODEL_THRESHOLD,
  QUALIFIED_THRESHOLD,
  STANDARD_IDS,
  STANDARDS,
  type HardIndicator,
} from '../../../shared/domain/assessments';
import type { HeaderNode, ReportColumn, ReportModel, ReportRow } from '../../../shared/excel/reportModel';
import { listAssessments } from '../db/repos/assessments';
import { prepared } from '../db/statements';
import { reportHead, SCOPE_SQL, scopeParams, yesNo, type ReportInput } from './context';

const HARD = Object.keys(HARD_INDICATORS) as HardIndicator[];

/**
 * 双强评价汇总表 of one year, best first, from the same list as the 双强评价 tab: each enterprise's rank is its place
 * in the whole township, kept when the table is narrowed to an area or work group.
 */
export function assessmentsReport(input: ReportInput): ReportModel {
  const { db, scope, year } = input;
  const inScope = new Set(
    prepared(db, 'reports:scopeIds', () => `SELECT e.id FROM enterprises e WHERE ${SCOPE_SQL}`)
      .pluck()
      .all(...scopeParams(scope)) as number[],
  );
  const list = listAssessments(db, { year }).filter((a) => inScope.has(a.enterpriseId));
  const rows: ReportRow[] = list.map((a) => ({
    cells: [
      a.rank,
      a.enterpriseName,
      a.areaName,
      ...STANDARD_IDS.map((s) => a.scores[s]),
      a.total,
      ...HARD.map((h) => yesNo(a.hard[h])),
      GRADES[a.grade],
      a.keyCultivation ? '是' : '',
      a.assessedOn,
    ],
  }));
  const columns: ReportColumn[] = [
    { key: 'rank', header: '名次', width: 2, kind: 'int' },
    { key: 'enterprise', header: '企业名称', width: 12, kind: 'text' },
    { key: 'area', header: '所在区域', width: 5, kind: 'text' },
    ...STANDARD_IDS.map((s) => ({
      key: s,
      header: `${STANDARDS[s].label}（${STANDARDS[s].max}分）`,
      width: 4,
      kind: 'amount' as const,
    })),
    { key: 'total', header: '总分', width: 3, kind: 'amount' },
    ...HARD.map((h) => ({ key: `hard-${h}`, header: HARD_INDICATORS[h], width: 5, kind: 'text' as const })),
    { key: 'grade', header: '评定等级', width: 3, kind: 'text' },
    { key: 'key', header: '重点培育', width: 3, kind: 'text' },
    { key: 'assessedOn', header: '评价日期', width: 5, kind: 'date' },
  ];
  const header: HeaderNode[] = [
    'rank',
    'enterprise',
    'area',
    { label: '“双强”标准得分', children: [...STANDARD_IDS, 'total'] },
    { label: '硬性指标', children: HARD.map((h) => `hard-${h}`) },
    'grade',
    'key',
    'assessedOn',
  ];
  const byGrade = (Object.keys(GRADES) as (keyof typeof GRADES)[])
    .map((g) => `${GRADES[g]}${list.filter((a) => a.grade === g).length}家`)
    .join('，');
  return {
    ...reportHead(input, 'assessments'),
    title: `${year}年度双强评价汇总表`,
    sheetName: '双强评价汇总表',
    scope: [scope.text, `评价年度：${year}年`].filter(Boolean).join('　'),
    header,
    columns,
    rows,
    notes: [
      `说明：共评价${list.length}家，${byGrade}。总分${MODEL_THRESHOLD}分以上且硬性指标全部达到的评为示范，${QUALIFIED_THRESHOLD}分以上为达标，其余为培育；名次为在全镇的排名，得分相同的名次并列。`,
    ],
    freezeColumns: 2,
  };
}
