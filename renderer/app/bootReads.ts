import type { CountyView } from '../../shared/ipc/county';
import type { OpenLedger } from '../../shared/ipc/ledgers';
import { call } from '../api/client';
import { askDashboard, type FirstReads } from '../features/ledger/firstReads';

export interface BootReads {
  /** The ledger the core still holds open after a reload; rejects LOCKED when it is locked. */
  ledger: Promise<OpenLedger | null>;
  /** A 全县汇总 left open, which goes before any ledger. */
  county: Promise<CountyView | null>;
  /**
   * 覆盖概览's figures, asked at once, before the answers above: the core answers in order, so they are of the
   * ledger `ledger` names. With no ledger open they are refused in a moment and dropped.
   */
  dashboard: FirstReads;
}

let reads: BootReads | null = null;

/**
 * Where the page starts, asked before the first render rather than after it. After a reload with a ledger open,
 * 覆盖概览's figures are then counted while the page is still drawing its frame.
 */
export function prefetchBoot(): void {
  if (reads) return;
  const ledger = call('ledgers:current', {});
  const county = call('county:current', {});
  reads = { ledger, county, dashboard: askDashboard() };
}

/** The boot questions, once; asked afresh if taken again (a remount). */
export function takeBootReads(): BootReads {
  prefetchBoot();
  const taken = reads!;
  reads = null;
  return taken;
}
