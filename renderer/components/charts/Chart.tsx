import { Spin } from 'antd';
import { lazy, Suspense } from 'react';
import type { ChartProps } from './chartOption';

export type { ChartClick, ChartOption, ChartProps } from './chartOption';

// ECharts is fetched the first time a chart is drawn, so screens without charts (the ledger list) never load it.
const EChart = lazy(() => import('./EChart'));

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
