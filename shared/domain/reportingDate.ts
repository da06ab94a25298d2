/**
 * Dates the statistics are counted at. Every date is a YYYY-MM-DD string in the township's own calendar;
 * arithmetic is done in UTC so that no time zone moves a day.
 */

/** The same day `months` months earlier, or the month's last day when it has no such day (05-31 → 02-28). */
export function monthsBefore(isoDate: string, months: number): string {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  const first = new Date(Date.UTC(y, m - 1 - months, 1));
  const lastDay = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  first.setUTCDate(Math.min(d, lastDay));
  return first.toISOString().slice(0, 10);
}
