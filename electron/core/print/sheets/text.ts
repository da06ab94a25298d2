import { SIZE_BANDS, sizeBand } from '../../../../shared/domain/sizeBand';
import type { LedgerRecord } from '../../reports/ledgerColumns';

/** Small wordings the card and the plan sheet share. */

export const count = (n: number | null) => (n === null ? '不详' : String(n));

/** A list of names cut after `keep` with 等N人, so one long committee never pushes a card onto a second page. */
export function namesCut(names: string, keep: number): string {
  const list = names
    .split(/[、，,；;\s\u3000]+/)
    .map((n) => n.trim())
    .filter(Boolean);
  return list.length <= keep ? list.join('、') : `${list.slice(0, keep).join('、')}等${list.length}人`;
}

export function bandOf(e: Pick<LedgerRecord, 'employees' | 'revenue'>): string {
  const band = sizeBand(e.employees, e.revenue);
  return band === 'unknown' ? SIZE_BANDS.unknown : `${band}类（${SIZE_BANDS[band]}）`;
}
