import type { IndicatorResult } from '../../../shared/domain/indicators';
import type { Db } from '../db/open';
import { prepared } from '../db/statements';

/**
 * The township's live figures as the last 覆盖概览 counted them, for 变化趋势's live point: the dashboard asks for both
 * together, and at 100,000 enterprises counting twice is most of what it waits for. Kept only while the ledger is
 * exactly as it was then — no write on this connection (total_changes) nor on any other (data_version) — and for the
 * same day; the report itself always counts afresh.
 */
interface Counted {
  stamp: string;
  results: IndicatorResult[];
}

const lastCounted = new WeakMap<Db, Counted>();

function stampOf(db: Db, today: string): string {
  const changes = prepared(db, 'total_changes', () => 'SELECT total_changes()')
    .pluck()
    .get() as number;
  const version = db.pragma('data_version', { simple: true }) as number;
  return `${today}:${changes}:${version}`;
}

export function rememberLive(db: Db, today: string, results: IndicatorResult[]): void {
  lastCounted.set(db, { stamp: stampOf(db, today), results });
}

export function recallLive(db: Db, today: string): IndicatorResult[] | null {
  const counted = lastCounted.get(db);
  return counted && counted.stamp === stampOf(db, today) ? counted.results : null;
}
