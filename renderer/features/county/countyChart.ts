import type { CountyIndicatorFigure, CountyTownship } from '../../../shared/ipc/county';
import type { ChartOption } from '../../components/charts/Chart';
import { ratesByPlaceOption } from '../dashboard/chartOptions';

/** One indicator's rate in each township, drawn as the dashboard draws areas: which township lags. */
export function townshipRatesOption(
  index: number,
  county: CountyIndicatorFigure,
  townships: CountyTownship[],
): ChartOption {
  const rows = townships.map((t) => ({ ...t.indicators[index]!, label: t.township }));
  return ratesByPlaceOption(rows, county.target);
}
