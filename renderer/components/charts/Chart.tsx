import { Alert, Spin } from 'antd';
import type { ECharts } from 'echarts/core';
import { useEffect, useEffectEvent, useRef, useState } from 'react';
import { fetchOnce } from '../fetchOnce';
import type { ChartProps } from './chartOption';

export type { ChartClick, ChartOption, ChartProps } from './chartOption';

/** ECharts' own chunk. */
const loadParts = fetchOnce(() => import('./echartsParts'));

/**
 * ECharts is not part of the first download: it is fetched when a ledger opens (its first view is the dashboard), so
 * it arrives while the figures are still being counted rather than after them; the county view, whose figures come
 * with its opening, loads it with its first chart. The start screen never loads it. Repeated calls share one request.
 */
export function prefetchCharts(): void {
  void loadParts().catch(() => undefined);
}

/**
 * A chart drawn by ECharts: give it an option and a height; it fills its container's width and follows it (window
 * resized, sider folded, tab shown). The instance is made once ECharts' code is here and the div has a size: a chart
 * in a hidden tab waits until it is shown. The code is awaited in an effect, not by suspending: React holds a
 * suspended boundary's content back for 300 ms after its fallback appeared, so the charts came that much later.
 */
export function Chart({ option, height, ariaLabel, onClick, testId }: ChartProps) {
  const ref = useRef<HTMLDivElement>(null);
  const chart = useRef<ECharts | null>(null);
  // The option to draw once the div has a size.
  const latest = useRef(option);
  const [state, setState] = useState<'loading' | 'ready' | 'failed'>('loading');
  const click = useEffectEvent((seriesIndex: number, dataIndex: number) => onClick?.({ seriesIndex, dataIndex }));

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    let live = true;
    let observer: ResizeObserver | null = null;
    loadParts().then(
      ({ init }) => {
        if (!live) return;
        const fit = () => {
          if (el.clientWidth === 0 || el.clientHeight === 0) return;
          if (chart.current) {
            chart.current.resize();
            return;
          }
          const c = init(el, undefined, { renderer: 'svg', locale: 'ZH' });
          // Marks the chart fully drawn (animation done), for the dashboard benchmark and tests to wait on.
          c.on('finished', () => el.setAttribute('data-drawn', 'true'));
          c.setOption(latest.current, { notMerge: true });
          c.on('click', (p) => {
            if (typeof p.seriesIndex === 'number' && typeof p.dataIndex === 'number') click(p.seriesIndex, p.dataIndex);
          });
          chart.current = c;
        };
        observer = new ResizeObserver(fit);
        observer.observe(el);
        fit();
        setState('ready');
      },
      () => live && setState('failed'),
    );
    return () => {
      live = false;
      observer?.disconnect();
      chart.current?.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    latest.current = option;
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);

  return (
    <div style={{ position: 'relative' }}>
      <div
        ref={ref}
        role="img"
        aria-label={ariaLabel}
        data-testid={testId}
        style={{ width: '100%', height, cursor: onClick ? 'pointer' : undefined }}
      />
      {state !== 'ready' && (
        <div style={{ position: 'absolute', inset: 0, display: 'grid', placeItems: 'center' }}>
          {state === 'loading' ? (
            <Spin description="正在绘制图表…" />
          ) : (
            <Alert type="error" showIcon title="图表程序未能载入，请重新打开本页（数字不受影响）" />
          )}
        </div>
      )}
    </div>
  );
}
