import { StarFilled } from '@ant-design/icons';
import { Tag, Tooltip, type TableColumnsType } from 'antd';
import { GRADES, STANDARDS, STANDARD_IDS, type AssessmentRow, type Grade } from '../../../shared/domain/assessments';
import { OpenLink } from '../../components/OpenLink';

const GRADE_COLORS: Record<Grade, string> = { model: 'red', qualified: 'green', cultivate: 'default' };

export function GradeTag({ grade }: { grade: Grade }) {
  return (
    <Tag color={GRADE_COLORS[grade]} data-testid="assessment-grade">
      {GRADES[grade]}
    </Tag>
  );
}

/** A score as entered: whole numbers bare, otherwise its one decimal. */
const score = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(1));

/**
 * The ranking: 名次, the enterprise (its name opens it in the ledger), each standard's score under its own name with
 * the full marks in a tooltip, the total, the grade and the marks a clerk scans for (示范候选, 重点培育).
 */
export function assessmentColumns(openEnterprise: (id: number) => void): TableColumnsType<AssessmentRow> {
  return [
    {
      title: '名次',
      dataIndex: 'rank',
      width: 56,
      align: 'right',
      fixed: 'left',
      onCell: () => ({ 'data-col': 'rank' }) as object,
    },
    {
      title: '企业',
      dataIndex: 'enterpriseName',
      width: 220,
      fixed: 'left',
      render: (name: string, r) => (
        <OpenLink onOpen={() => openEnterprise(r.enterpriseId)} testId="assessment-enterprise-link">
          {name}
        </OpenLink>
      ),
    },
    { title: '区域', dataIndex: 'areaName', width: 120 },
    ...STANDARD_IDS.map((s) => ({
      title: <Tooltip title={`满分${STANDARDS[s].max}分`}>{STANDARDS[s].label}</Tooltip>,
      key: s,
      width: 76,
      align: 'right' as const,
      render: (_v: unknown, r: AssessmentRow) => score(r.scores[s]),
      onCell: () => ({ 'data-col': s }) as object,
    })),
    {
      title: '总分',
      dataIndex: 'total',
      width: 64,
      align: 'right',
      render: (n: number) => <strong>{score(n)}</strong>,
      onCell: () => ({ 'data-col': 'total' }) as object,
    },
    { title: '等次', dataIndex: 'grade', width: 68, render: (g: Grade) => <GradeTag grade={g} /> },
    {
      title: '示范候选',
      dataIndex: 'modelCandidate',
      width: 80,
      align: 'center',
      render: (candidate: boolean) =>
        candidate ? (
          <Tooltip title="双强示范企业候选">
            <span data-testid="assessment-model-candidate" style={{ color: '#cf1322' }}>
              <StarFilled /> 候选
            </span>
          </Tooltip>
        ) : null,
    },
    {
      title: '重点培育',
      dataIndex: 'keyCultivation',
      width: 80,
      align: 'center',
      render: (key: boolean) =>
        key ? (
          <Tag color="gold" data-testid="assessment-key-cultivation">
            重点培育
          </Tag>
        ) : null,
    },
  ];
}

export const columnsWidth = assessmentColumns(() => undefined).reduce(
  (sum, c) => sum + (typeof c.width === 'number' ? c.width : 0),
  0,
);
