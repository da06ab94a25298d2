import type { ResponseOf } from '../../../shared/ipc';
import { call } from '../../api/client';

export interface FirstReads {
  askedAt: number;
  report: Promise<ResponseOf<'stats:report'>>;
  trend: Promise<ResponseOf<'snapshots:trend'>>;
  snapshots: Promise<ResponseOf<'snapshots:list'>>;
  definitions: Promise<[ResponseOf<'indicators:list'>, ResponseOf<'stats:settings'>]>;
}

/** A first read serves the first view: a dashboard shown later than this reads afresh. */
const FRESH_FOR_MS = 10_000;

let pending: { ledgerId: string; reads: FirstReads } | null = null;

/** Whether the reads still stand for the ledger as it is: a view shown later than this reads afresh. */
export const isFresh = (reads: FirstReads) => performance.now() - reads.askedAt < FRESH_FOR_MS;

/** A failure is reported by whoever takes the read; left untaken it must not surface as an unhandled rejection. */
function quiet<T>(p: Promise<T>): Promise<T> {
  p.catch(() => undefined);
  return p;
}

/**
 * 覆盖概览's first figures, asked for the moment a ledger is shown rather than once its screen, the dashboard's code
 * and its effects are in: at 100,000 enterprises the count is on its way while the page renders. The figures
 * first, then the trend (its live point reuses the count).
 */
export function askDashboard(): FirstReads {
  return {
    askedAt: performance.now(),
    report: quiet(call('stats:report', {})),
    trend: quiet(call('snapshots:trend', {})),
    snapshots: quiet(call('snapshots:list', {})),
    definitions: quiet(Promise.all([call('indicators:list', {}), call('stats:settings', {})])),
  };
}

/** Reads asked for before it was known which ledger is open (bootReads), kept once it is. */
export function keepFirstReads(ledgerId: string, reads: FirstReads): void {
  pending = { ledgerId, reads };
}

export function prefetchDashboard(ledgerId: string): void {
  keepFirstReads(ledgerId, askDashboard());
}

/** The reads prefetched for this ledger's opening, once; null when there are none (the dashboard checks isFresh). */
export function takeFirstReads(ledgerId: string): FirstReads | null {
  const taken = pending;
  pending = null;
  return taken?.ledgerId === ledgerId ? taken.reads : null;
}

/** The ledger was closed or another shown: its reads must never serve the next. */
export function discardFirstReads(): void {
  pending = null;
}
