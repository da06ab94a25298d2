import { Spin } from 'antd';
import { lazy, Suspense } from 'react';
import type { ChartProps } from './chartOption';

export type { ChartClick, ChartOption, ChartProps } from './chartOption';

// ECharts is fetched when a screen with charts is loaded, so screens without charts (the ledger list) never load it;
// it starts at once rather than at the first chart, so it arrives while the figures are still being counted.
const loadEChart = () => import('./EChart');
const EChart = lazy(loadEChart);
void loadEChart();

/** A chart drawn by ECharts: give it an option and a height; it fills its container's width and follows it. */
export function Chart(props: ChartProps) {
  return (
    <Suspense
      fallback={
        <div style={{ height: props.height, display: 'grid', placeItems: 'center' }}>
          <Spin description="正在绘制图表…" />
        </div>
      }
    >
      <EChart {...props} />
    </Suspense>
  );
}
