import type { BreakdownRow, IndicatorCount, IndicatorResult } from '../../../shared/domain/indicators';
import type { IndicatorTrend } from '../../../shared/ipc/stats';
import type { ChartOption } from '../../components/charts/Chart';
import { percent, STATUS_LOOK, statusOf } from './status';

/** Rates are drawn in percent, to one decimal, as the cards show them. */
const pct = (rate: number | null) => (rate === null ? null : Math.round(rate * 1000) / 10);

const PERCENT_AXIS = {
  type: 'value' as const,
  min: 0,
  max: 100,
  axisLabel: { formatter: '{value}%' },
};

/** Long category names (indicator or area names) wrap instead of running into the bars. */
const wrapped = (width: number) => ({ width, overflow: 'break' as const, lineHeight: 14 });

/** Indicators as horizontal bars in their status colour, each target a dark tick across its bar. */
export function ratesOption(results: IndicatorResult[]): ChartOption {
  const names = results.map((r) => r.name);
  return {
    aria: { enabled: true },
    grid: { left: 8, right: 48, top: 8, bottom: 24, containLabel: true },
    tooltip: {
      trigger: 'item',
      formatter: (p) => {
        const r = results[(p as { dataIndex: number }).dataIndex]!;
        return `${r.name}<br/>覆盖率 ${percent(r.rate)}（${r.numerator}/${r.denominator}）<br/>目标 ${
          r.target === null ? '未设' : percent(r.target)
        }`;
      },
    },
    xAxis: PERCENT_AXIS,
    yAxis: { type: 'category', data: names, inverse: true, axisLabel: wrapped(180) },
    series: [
      {
        name: '覆盖率',
        type: 'bar',
        barMaxWidth: 22,
        data: results.map((r) => ({
          value: pct(r.rate) ?? 0,
          itemStyle: { color: STATUS_LOOK[statusOf(r, r.target)].color },
        })),
        label: {
          show: true,
          position: 'right',
          formatter: (p) => (results[p.dataIndex]!.rate === null ? '无数据' : percent(results[p.dataIndex]!.rate)),
        },
      },
      {
        name: '目标',
        type: 'scatter',
        symbol: 'rect',
        symbolSize: [3, 26],
        itemStyle: { color: '#262626' },
        data: results.map((r) => (r.target === null ? null : pct(r.target))),
        tooltip: {
          formatter: (p) => `${results[p.dataIndex]!.name}<br/>目标 ${percent(results[p.dataIndex]!.target)}`,
        },
        z: 3,
      },
    ],
  };
}

/** A place's figures in a by-place chart: an area of the township, or a township of the county. */
export type PlaceRate = IndicatorCount & { label: string };

/**
 * One indicator's rate in each place, in its status colour, the target a dashed line: which place lags. `hint` ends
 * each tooltip (what a click does, where a click does something).
 */
export function ratesByPlaceOption(rows: PlaceRate[], target: number | null, hint = ''): ChartOption {
  return {
    aria: { enabled: true },
    grid: { left: 8, right: 56, top: 28, bottom: 24, containLabel: true },
    tooltip: {
      trigger: 'item',
      formatter: (p) => {
        const r = rows[(p as { dataIndex: number }).dataIndex]!;
        return `${r.label}<br/>覆盖率 ${percent(r.rate)}（${r.numerator}/${r.denominator}）${
          r.shortfall ? `<br/>还差 ${r.shortfall} 家` : ''
        }${hint}`;
      },
    },
    xAxis: PERCENT_AXIS,
    yAxis: { type: 'category', data: rows.map((r) => r.label), inverse: true, axisLabel: wrapped(110) },
    series: [
      {
        name: '覆盖率',
        type: 'bar',
        barMaxWidth: 18,
        data: rows.map((r) => ({
          value: pct(r.rate) ?? 0,
          itemStyle: { color: STATUS_LOOK[statusOf(r, target)].color },
        })),
        label: {
          show: true,
          position: 'right',
          formatter: (p) => (rows[p.dataIndex]!.rate === null ? '无数据' : percent(rows[p.dataIndex]!.rate)),
        },
        markLine:
          target === null
            ? undefined
            : {
                symbol: 'none',
                silent: true,
                lineStyle: { type: 'dashed', color: '#262626' },
                // The category axis runs downwards, so the line starts at the top, clear of the value axis labels.
                label: { formatter: `目标 ${percent(target)}`, position: 'start' },
                data: [{ xAxis: pct(target)! }],
              },
      },
    ],
  };
}

/** One indicator's rate in each area with enterprises to count; a click lists the area's uncovered enterprises. */
export function areaOption(result: IndicatorResult, rows: BreakdownRow[]): ChartOption {
  return ratesByPlaceOption(rows, result.target, '<br/>点击列出未覆盖企业');
}

/** The moments the trend is drawn at: every snapshot any indicator has a point for, oldest first, then now. */
export function trendMoments(trends: IndicatorTrend[]): { key: string; label: string }[] {
  const seen = new Map<string, { key: string; label: string; takenOn: string; live: boolean }>();
  for (const t of trends) {
    for (const p of t.points) {
      const key = p.snapshotId === null ? 'live' : String(p.snapshotId);
      if (!seen.has(key))
        seen.set(key, {
          key,
          label: p.snapshotId === null ? `当前（${p.takenOn}）` : p.takenOn,
          takenOn: p.takenOn,
          live: p.snapshotId === null,
        });
    }
  }
  return [...seen.values()].sort(
    (a, b) => Number(a.live) - Number(b.live) || a.takenOn.localeCompare(b.takenOn) || a.key.localeCompare(b.key),
  );
}

/** Each indicator's rate at each snapshot and now; its target a dashed line of the same colour. */
export function trendOption(trends: IndicatorTrend[]): ChartOption {
  const moments = trendMoments(trends);
  const rateAt = (t: IndicatorTrend, key: string) => {
    const point = t.points.find((p) => (p.snapshotId === null ? 'live' : String(p.snapshotId)) === key);
    return point ? pct(point.rate) : null;
  };
  return {
    aria: { enabled: true },
    legend: { type: 'scroll', bottom: 0 },
    grid: { left: 8, right: 24, top: 16, bottom: 40, containLabel: true },
    tooltip: { trigger: 'axis', valueFormatter: (v) => (v === null || v === undefined ? '无数据' : `${String(v)}%`) },
    xAxis: { type: 'category', data: moments.map((m) => m.label) },
    yAxis: PERCENT_AXIS,
    series: trends.map((t) => ({
      name: t.name,
      type: 'line' as const,
      connectNulls: false,
      data: moments.map((m) => rateAt(t, m.key)),
      markLine:
        t.target === null
          ? undefined
          : {
              symbol: 'none',
              silent: true,
              lineStyle: { type: 'dashed' as const },
              label: { show: false },
              data: [{ yAxis: pct(t.target)! }],
            },
    })),
  };
}
