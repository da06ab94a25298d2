import type { BarSeriesOption, LineSeriesOption, ScatterSeriesOption } from 'echarts/charts';
import type {
  AriaComponentOption,
  GridComponentOption,
  LegendComponentOption,
  MarkLineComponentOption,
  TooltipComponentOption,
} from 'echarts/components';
import type { ComposeOption } from 'echarts/core';

/**
 * What a chart may be made of: the pieces registered in echartsParts.ts and nothing else, so an option that needs an
 * unregistered piece fails to compile instead of drawing nothing. Type-only: importing it loads no ECharts code.
 */
export type ChartOption = ComposeOption<
  | BarSeriesOption
  | LineSeriesOption
  | ScatterSeriesOption
  | GridComponentOption
  | LegendComponentOption
  | TooltipComponentOption
  | MarkLineComponentOption
  | AriaComponentOption
>;

/** A click on a bar or point: which series and which item of it. */
export interface ChartClick {
  seriesIndex: number;
  dataIndex: number;
}

export interface ChartProps {
  option: ChartOption;
  height: number;
  /** Read by tests and screen readers alike: what the chart shows, in words. */
  ariaLabel: string;
  onClick?: (click: ChartClick) => void;
  testId?: string;
}
