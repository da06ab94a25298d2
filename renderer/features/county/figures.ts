import { DEFAULT_INDICATORS, type Indicator, type IndicatorResult } from '../../../shared/domain/indicators';
import type { CountyIndicatorFigure } from '../../../shared/ipc/county';

/** Every township is counted by the five standard indicators, whatever it changed in its own ledger: say so. */
export const STANDARD_NOTE = '全县汇总一律按标准口径（五项默认指标）计算，不采用各乡镇自行调整的指标设置。';

/** The standard definition behind a county figure, so the card can say how it is computed; null for any other key. */
export function standardDefinition(key: string): Indicator | null {
  const i = DEFAULT_INDICATORS.findIndex((d) => d.key === key);
  const d = DEFAULT_INDICATORS[i];
  return d ? { ...d, id: -(i + 1), enabled: true, builtin: true, sortOrder: i } : null;
}

/** A county figure in the shape the dashboard's IndicatorCard reads (no breakdowns: the county has its own table). */
export function asIndicatorResult(f: CountyIndicatorFigure): IndicatorResult {
  const definition = standardDefinition(f.key);
  const own = definition?.note ? `${definition.note}。` : '';
  return {
    ...f,
    note: `${own}全县汇总按标准口径计算。`,
    revenueUnknown: 0,
    breakdowns: { area: [], workGroup: [], sizeBand: [] },
  };
}
