import { Spin } from 'antd';
import { Suspense } from 'react';
import { preloadable } from '../preloadable';
import type { ChartProps } from './chartOption';

export type { ChartClick, ChartOption, ChartProps } from './chartOption';

const echart = preloadable(() => import('./EChart').then((m) => m.default));
const EChart = echart.Component;

/**
 * ECharts is not part of the first download: it is fetched when a ledger opens (its first view is the dashboard), so
 * it arrives while the figures are still being counted rather than after them; the county view, whose figures come
 * with its opening, loads it with its first chart. The start screen never loads it. Repeated calls share one request.
 */
export function prefetchCharts(): void {
  void echart.load().catch(() => undefined);
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
