import { Alert, App, Card, Col, Empty, Row, Segmented } from 'antd';
import { useCallback, useMemo, useState } from 'react';
import type { CountyView } from '../../../shared/ipc/county';
import { Chart } from '../../components/charts/Chart';
import { IndicatorCard } from '../dashboard/IndicatorCard';
import { PickContext } from '../dashboard/NumberLink';
import { townshipRatesOption } from './countyChart';
import { asIndicatorResult, standardDefinition, STANDARD_NOTE } from './figures';

/** 覆盖概览: the county's indicator cards as a township's dashboard shows its own, and each indicator by township. */
export function CountyOverview({ view }: { view: CountyView }) {
  const { message } = App.useApp();
  const [shown, setShown] = useState(0);
  const results = useMemo(() => view.county.indicators.map(asIndicatorResult), [view]);
  // The county holds counts, not enterprises: the list behind a number is in that township's own ledger.
  const pick = useCallback(() => void message.info('全县汇总只有统计数，企业名单请打开相应乡镇的台账查看'), [message]);
  const index = Math.min(shown, view.county.indicators.length - 1);
  const figure = view.county.indicators[index];
  const option = useMemo(
    () => (figure ? townshipRatesOption(index, figure, view.townships) : null),
    [figure, index, view.townships],
  );

  return (
    <div data-testid="county-overview">
      <Alert type="info" showIcon title={STANDARD_NOTE} style={{ marginBottom: 16 }} />
      <PickContext.Provider value={pick}>
        <Row gutter={[16, 16]}>
          {results.map((r) => (
            <Col key={r.key} xs={24} md={12} xl={8}>
              <IndicatorCard result={r} definition={standardDefinition(r.key)} partyWork="each-own" />
            </Col>
          ))}
        </Row>
      </PickContext.Provider>
      <Card size="small" title="各乡镇覆盖率" style={{ marginTop: 16 }}>
        {figure && option ? (
          <>
            <Segmented
              value={index}
              onChange={(v) => setShown(v)}
              options={view.county.indicators.map((f, i) => ({ value: i, label: f.name }))}
              style={{ marginBottom: 12, maxWidth: '100%', overflowX: 'auto' }}
              data-testid="county-chart-indicator"
            />
            <Chart
              option={option}
              height={Math.max(160, view.townships.length * 40 + 60)}
              ariaLabel={`${figure.name}：各乡镇覆盖率`}
              testId="chart-county-townships"
            />
          </>
        ) : (
          <Empty description="没有可画的指标" />
        )}
      </Card>
    </div>
  );
}
