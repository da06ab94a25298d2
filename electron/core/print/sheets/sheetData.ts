import type { Db } from '../../db/open';
import type { LedgerCard, PlanSheet } from './model';

/** STUB — owned by the printables helper: the cards of an area (or of chosen enterprises, or all), in ledger order. */
export function loadLedgerCards(db: Db, scope: { areaId: number | null; enterpriseIds?: number[] }): LedgerCard[] {
  throw new Error(`loadLedgerCards not written yet ${String(db.name)} ${JSON.stringify(scope)}`);
}

export function loadPlanSheet(db: Db, planId: number): PlanSheet {
  throw new Error(`loadPlanSheet not written yet ${String(db.name)} ${planId}`);
}
