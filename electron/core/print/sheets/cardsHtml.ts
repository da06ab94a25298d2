import type { LedgerCard, PlanSheet } from './model';

/** STUB — owned by the printables helper: one A4 page per enterprise. */
export function ledgerCardsHtml(cards: LedgerCard[], township: string): string {
  throw new Error(`ledgerCardsHtml not written yet (${cards.length} ${township})`);
}

/** STUB — owned by the printables helper: the 一企一策方案 sheet on A4. */
export function planSheetHtml(sheet: PlanSheet, township: string): string {
  throw new Error(`planSheetHtml not written yet (${sheet.planId} ${township})`);
}
