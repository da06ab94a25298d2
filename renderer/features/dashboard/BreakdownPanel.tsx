import { Card, Col, Empty, Row, Select, Space, Table, Tabs, Typography } from 'antd';
import { memo, useContext, useMemo, useState } from 'react';
import {
  BREAKDOWN_DIMENSIONS,
  type BreakdownDimension,
  type BreakdownRow,
  type IndicatorResult,
} from '../../../shared/domain/indicators';
import { Chart, type ChartClick } from '../../components/charts/Chart';
import { HelpTip } from '../help/HelpTip';
import { areaOption } from './chartOptions';
import { NumberLink, PickContext, type Pick } from './NumberLink';
import { gapOf, percent, STATUS_LOOK, statusOf } from './status';

function BreakdownTable({ result, dimension }: { result: IndicatorResult; dimension: BreakdownDimension }) {
  const pick = (row: BreakdownRow, part: Pick['part']): Pick => ({
    key: result.key,
    name: result.name,
    part,
    row: { dimension, key: row.key, label: row.label },
  });
  return (
    <div data-testid="breakdown-table" data-dimension={dimension}>
      <Table<BreakdownRow>
        size="small"
        rowKey="key"
        pagination={false}
        dataSource={result.breakdowns[dimension]}
        locale={{ emptyText: '没有可分项的企业' }}
        onRow={(row) => ({ 'data-testid': 'breakdown-row', 'data-key': row.key }) as object}
        columns={[
          { key: 'label', title: BREAKDOWN_DIMENSIONS[dimension].replace('按', ''), dataIndex: 'label' },
          {
            key: 'denominator',
            title: '应覆盖（分母）',
            align: 'right',
            render: (_, r) => (
              <NumberLink value={r.denominator} pick={pick(r, 'denominator')} testId="row-denominator" />
            ),
          },
          {
            key: 'numerator',
            title: '已覆盖（分子）',
            align: 'right',
            render: (_, r) => <NumberLink value={r.numerator} pick={pick(r, 'numerator')} testId="row-numerator" />,
          },
          {
            key: 'rate',
            title: '覆盖率',
            align: 'right',
            render: (_, r) => (
              <span style={{ color: STATUS_LOOK[statusOf(r, result.target)].color }}>
                {r.rate === null ? '无数据' : percent(r.rate)}
              </span>
            ),
          },
          {
            key: 'gap',
            title: '未覆盖',
            align: 'right',
            render: (_, r) => <NumberLink value={gapOf(r)} pick={pick(r, 'gap')} testId="row-gap" />,
          },
          {
            key: 'shortfall',
            title: '还差（达到目标）',
            align: 'right',
            render: (_, r) =>
              r.shortfall === null ? (
                '—'
              ) : (
                <NumberLink value={r.shortfall} pick={pick(r, 'gap')} testId="row-shortfall" />
              ),
          },
        ]}
      />
    </div>
  );
}

/** The rate in each area as bars; a click on an area lists its enterprises not yet covered. */
function AreaChart({ result }: { result: IndicatorResult }) {
  const open = useContext(PickContext);
  const rows = useMemo(() => result.breakdowns.area.filter((r) => r.denominator > 0), [result]);
  const option = useMemo(() => areaOption(result, rows), [result, rows]);
  if (rows.length === 0) return <Empty description="各区域都没有应覆盖的企业，暂无可画的数字" />;
  const onClick = ({ dataIndex }: ChartClick) => {
    const row = rows[dataIndex];
    if (row && gapOf(row) > 0)
      open({
        key: result.key,
        name: result.name,
        part: 'gap',
        row: { dimension: 'area', key: row.key, label: row.label },
      });
  };
  return (
    <Chart
      option={option}
      height={Math.max(200, rows.length * 28 + 48)}
      ariaLabel={`${result.name}：各区域覆盖率`}
      onClick={onClick}
      testId="chart-areas"
    />
  );
}

/** One indicator broken down by area, work group (with 未分组) and size band; beside it, its rate by area. */
export const BreakdownPanel = memo(function BreakdownPanel({
  results,
  methodOf,
}: {
  results: IndicatorResult[];
  /** How an indicator is computed (its 计算方法), shown beside the chosen indicator; null when not known. */
  methodOf?: (key: string) => string | null;
}) {
  const [chosen, setChosen] = useState<string | null>(null);
  const [dimension, setDimension] = useState<BreakdownDimension>('area');
  // The indicator chosen earlier may have been disabled since: then the first one.
  const result = results.find((r) => r.key === chosen) ?? results[0];
  if (!result) return null;
  return (
    <Card
      size="small"
      title="分项统计"
      data-testid="breakdown-panel"
      extra={
        <Space size={4}>
          <Select
            aria-label="分项统计的指标"
            value={result.key}
            onChange={setChosen}
            options={results.map((r) => ({ value: r.key, label: r.name }))}
            style={{ width: 360, maxWidth: '60vw' }}
            data-testid="breakdown-indicator"
          />
          {methodOf?.(result.key) && <HelpTip text={methodOf(result.key)!} testId="breakdown-method" />}
        </Space>
      }
    >
      <Row gutter={[24, 16]}>
        <Col xs={24} xl={14}>
          <Tabs
            size="small"
            activeKey={dimension}
            onChange={(k) => setDimension(k as BreakdownDimension)}
            items={(Object.keys(BREAKDOWN_DIMENSIONS) as BreakdownDimension[]).map((d) => ({
              key: d,
              label: BREAKDOWN_DIMENSIONS[d],
              children: <BreakdownTable result={result} dimension={d} />,
            }))}
          />
        </Col>
        <Col xs={24} xl={10}>
          <Typography.Text strong>各区域覆盖率</Typography.Text>
          <AreaChart result={result} />
        </Col>
      </Row>
    </Card>
  );
});
