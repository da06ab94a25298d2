import { Spin } from 'antd';
import { lazy, Suspense } from 'react';
import type { ChartProps } from './chartOption';

export type { ChartClick, ChartOption, ChartProps } from './chartOption';

const loadEChart = () => import('./EChart');
const EChart = lazy(loadEChart);

/**
 * ECharts is not part of the first download: it is fetched when a ledger or the county view opens (their first view is
 * a dashboard), so it arrives while the figures are still being counted rather than after them. The start screen never
 * loads it. Repeated calls share the one request.
 */
export function prefetchCharts(): void {
  void loadEChart().catch(() => undefined);
}

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
