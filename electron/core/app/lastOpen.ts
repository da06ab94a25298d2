import { readSection, saveSection } from './appSettings';

/**
 * The ledger open when the program last stopped (app-settings.json, section "startup"), so the next start goes
 * straight back to it: a township's office keeps one ledger, and the start screen was a click at every start.
 * Remembered by the app's own core only (coreWorker); a ledger closed with 关闭台账 is forgotten.
 */
export interface LastOpen {
  path: string;
  readOnly: boolean;
}

export function readLastOpen(dataDir: string): LastOpen | null {
  const raw = readSection(dataDir, 'startup').lastOpen as Partial<LastOpen> | null | undefined;
  if (!raw || typeof raw !== 'object' || typeof raw.path !== 'string' || raw.path.length === 0) return null;
  return { path: raw.path, readOnly: raw.readOnly === true };
}

export function saveLastOpen(dataDir: string, last: LastOpen | null): void {
  const now = readLastOpen(dataDir);
  if (now?.path === last?.path && now?.readOnly === last?.readOnly) return;
  saveSection(dataDir, 'startup', { lastOpen: last });
}
