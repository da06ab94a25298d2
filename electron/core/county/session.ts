import { getSettingsRow } from '../db/repos/settings';
import { closeTownships, openTownships, type TownshipLedger } from './townships';

/**
 * The county view the core holds beside its one open ledger: the township ledgers a county clerk opened, each
 * read-only, kept open so the view can be counted again (the next day) and exported without asking for the files
 * and the password again. Nothing here writes a township's file.
 */
export interface CountySession {
  townships: TownshipLedger[];
}

/** All or none (openTownships): a refusal leaves nothing open. */
export function openCountySession(paths: readonly string[], password?: string | null): CountySession {
  return { townships: openTownships(paths, password) };
}

export function closeCountySession(session: CountySession): void {
  closeTownships(session.townships);
}

/**
 * 填报单位 of the county's workbook: the 上级单位 the townships name, when they all name the same one (the county's
 * organisation department); otherwise left blank for the clerk to write in rather than guessed.
 */
export function countyUnit(session: CountySession): string {
  const named = new Set(
    session.townships.map((t) => (getSettingsRow(t.db).superiorUnit ?? '').trim()).filter((u) => u !== ''),
  );
  return named.size === 1 ? [...named][0]! : '';
}
