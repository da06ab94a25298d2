import { BarChart, LineChart, ScatterChart } from 'echarts/charts';
import { AriaComponent, GridComponent, LegendComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import { init, use as registerParts, type ECharts } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useEffectEvent, useRef } from 'react';
import type { ChartProps } from './chartOption';

// Only what the dashboard draws; SVG keeps the labels as text (crisp when printed, readable by tests).
registerParts([
  BarChart,
  LineChart,
  ScatterChart,
  AriaComponent,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TooltipComponent,
  SVGRenderer,
]);

/**
 * One ECharts instance in a div that follows its container's size (window resized, sider folded, tab shown).
 * The instance is made the first time the div has a size: a chart in a hidden tab waits until it is shown.
 */
export default function EChart({ option, height, ariaLabel, onClick, testId }: ChartProps) {
  const ref = useRef<HTMLDivElement>(null);
  const chart = useRef<ECharts | null>(null);
  // The option to draw once the div has a size.
  const latest = useRef(option);
  const click = useEffectEvent((seriesIndex: number, dataIndex: number) => onClick?.({ seriesIndex, dataIndex }));

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
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
    const observer = new ResizeObserver(fit);
    observer.observe(el);
    fit();
    return () => {
      observer.disconnect();
      chart.current?.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    latest.current = option;
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);

  return (
    <div
      ref={ref}
      role="img"
      aria-label={ariaLabel}
      data-testid={testId}
      style={{ width: '100%', height, cursor: onClick ? 'pointer' : undefined }}
    />
  );
}
