/** What `stats` and `county` print for an indicator, so a script reads a township's, the county's and a ledger's rows alike. */
export interface IndicatorFigures {
  key: string;
  name: string;
  numerator: number;
  denominator: number;
  rate: number | null;
  target: number | null;
  met: boolean | null;
}

export const percent = (rate: number | null): string => (rate === null ? '—' : `${(rate * 100).toFixed(1)}%`);

/** The `--json` shape of one indicator (rate to 4 decimals as counted; null where the denominator is 0). */
export const indicatorJson = (i: IndicatorFigures) => ({
  id: i.key,
  name: i.name,
  numerator: i.numerator,
  denominator: i.denominator,
  rate: i.rate,
  target: i.target,
  met: i.met,
});
