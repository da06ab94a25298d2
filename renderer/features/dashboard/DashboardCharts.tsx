import { Alert, Card, Col, Empty, Row, Typography } from 'antd';
import { memo, useMemo } from 'react';
import type { IndicatorResult } from '../../../shared/domain/indicators';
import type { IndicatorTrend } from '../../../shared/ipc/stats';
import { Chart } from '../../components/charts/Chart';
import { ratesOption, trendMoments, trendOption } from './chartOptions';

function RatesChart({ results }: { results: IndicatorResult[] }) {
  const option = useMemo(() => ratesOption(results), [results]);
  const counted = results.filter((r) => r.rate !== null);
  if (counted.length === 0) return <Empty description="各项指标都没有应覆盖的企业，暂无可画的数字" />;
  return (
    <Chart
      option={option}
      height={Math.max(180, results.length * 48 + 40)}
      ariaLabel={`各项指标覆盖率与目标：${results.map((r) => r.name).join('、')}`}
      testId="chart-rates"
    />
  );
}

function TrendChart({ trends }: { trends: IndicatorTrend[] }) {
  const option = useMemo(() => trendOption(trends), [trends]);
  // The live ledger is always one point; a line needs at least one snapshot before it.
  if (trendMoments(trends).length < 2)
    return <Empty description="还没有统计快照。生成快照后，这里画出各项指标随时间的变化" />;
  return <Chart option={option} height={300} ariaLabel="各项指标覆盖率随时间的变化" testId="chart-trend" />;
}

/** Rates against targets, and each indicator over the snapshots. */
export const DashboardCharts = memo(function DashboardCharts({
  results,
  trends,
  trendsError,
  townshipTrend = false,
}: {
  results: IndicatorResult[];
  /** null while they are being read, or when reading them failed (said elsewhere). */
  trends: IndicatorTrend[] | null;
  trendsError: string | null;
  /** The rates are a campaign's while the trend, drawn from snapshots, stays the township's: say so. */
  townshipTrend?: boolean;
}) {
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={12}>
        <Card size="small" title="覆盖率与目标" style={{ height: '100%' }}>
          <RatesChart results={results} />
        </Card>
      </Col>
      <Col xs={24} xl={12}>
        <Card
          size="small"
          title={townshipTrend ? '变化趋势（按统计快照，全镇）' : '变化趋势（按统计快照）'}
          extra={
            townshipTrend && (
              <Typography.Text type="secondary" data-testid="trend-township-note">
                快照只有全镇的数字，趋势不按专项行动
              </Typography.Text>
            )
          }
          style={{ height: '100%' }}
        >
          {trendsError ? (
            <Alert type="error" showIcon title={trendsError} />
          ) : trends ? (
            <TrendChart trends={trends} />
          ) : (
            <Empty description="正在读取…" />
          )}
        </Card>
      </Col>
    </Row>
  );
});
