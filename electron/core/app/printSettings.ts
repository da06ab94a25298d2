import { existsSync, readFileSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { APP_SETTINGS_FILE } from '../backup/settings';
import { writeFileAtomic } from './atomicFile';

/**
 * The browser the clerk chose for printing lives beside the backup settings in the data folder's app-settings.json
 * (under "print"): it belongs to this PC, not to a ledger. Other sections of the file are kept as they are.
 */
function readAll(dataDir: string): Record<string, unknown> {
  const path = join(dataDir, APP_SETTINGS_FILE);
  if (!existsSync(path)) return {};
  try {
    const parsed: unknown = JSON.parse(readFileSync(path, 'utf8'));
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

export function readChosenBrowser(dataDir: string): string | null {
  const print = readAll(dataDir).print;
  const browser = print && typeof print === 'object' ? (print as Record<string, unknown>).browser : null;
  return typeof browser === 'string' && isAbsolute(browser) ? browser : null;
}

export function saveChosenBrowser(dataDir: string, path: string | null): void {
  const all = readAll(dataDir);
  const previous = all.print && typeof all.print === 'object' ? (all.print as Record<string, unknown>) : {};
  all.print = { ...previous, browser: path };
  writeFileAtomic(join(dataDir, APP_SETTINGS_FILE), `${JSON.stringify(all, null, 2)}\n`);
}
