import type { CountyIndicatorFigure, CountyTownship } from '../../../shared/ipc/county';
import type { ChartOption } from '../../components/charts/Chart';
import { percent, STATUS_LOOK, statusOf } from '../dashboard/status';

const pct = (rate: number | null) => (rate === null ? null : Math.round(rate * 1000) / 10);

/** One indicator's rate in each township, in its status colour, the target a dashed line: which township lags. */
export function townshipRatesOption(
  index: number,
  county: CountyIndicatorFigure,
  townships: CountyTownship[],
): ChartOption {
  const rows = townships.map((t) => ({ township: t.township, figure: t.indicators[index]! }));
  return {
    aria: { enabled: true },
    grid: { left: 8, right: 56, top: 28, bottom: 24, containLabel: true },
    tooltip: {
      trigger: 'item',
      formatter: (p) => {
        const r = rows[(p as { dataIndex: number }).dataIndex]!;
        const f = r.figure;
        return `${r.township}<br/>覆盖率 ${percent(f.rate)}（${f.numerator}/${f.denominator}）${
          f.shortfall ? `<br/>还差 ${f.shortfall} 家` : ''
        }`;
      },
    },
    xAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
    yAxis: {
      type: 'category',
      data: rows.map((r) => r.township),
      inverse: true,
      axisLabel: { width: 110, overflow: 'break', lineHeight: 14 },
    },
    series: [
      {
        name: '覆盖率',
        type: 'bar',
        barMaxWidth: 18,
        data: rows.map((r) => ({
          value: pct(r.figure.rate) ?? 0,
          itemStyle: { color: STATUS_LOOK[statusOf(r.figure, county.target)].color },
        })),
        label: {
          show: true,
          position: 'right',
          formatter: (p) =>
            rows[p.dataIndex]!.figure.rate === null ? '无数据' : percent(rows[p.dataIndex]!.figure.rate),
        },
        markLine:
          county.target === null
            ? undefined
            : {
                symbol: 'none',
                silent: true,
                lineStyle: { type: 'dashed', color: '#262626' },
                label: { formatter: `目标 ${percent(county.target)}`, position: 'start' },
                data: [{ xAxis: pct(county.target)! }],
              },
      },
    ],
  };
}
