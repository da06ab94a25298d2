import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from './atomicFile';

/**
 * The data folder's app-settings.json: settings of this PC, not of a ledger (where backups go, which browser
 * prints), one section per capability. Restoring a ledger never changes them, and a ledger copied to another
 * machine does not drag a foreign path along.
 */
export const APP_SETTINGS_FILE = 'app-settings.json';

/** The whole file, or {} when missing or unreadable: a damaged settings file must not stop backups or printing. */
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

/** One section as stored (unchecked: each reader validates its own fields), or {}. */
export function readSection(dataDir: string, section: string): Record<string, unknown> {
  const raw = readAll(dataDir)[section];
  return raw && typeof raw === 'object' && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {};
}

/** Merges `change` into one section, keeping the rest of the file as it is. */
export function saveSection(dataDir: string, section: string, change: Record<string, unknown>): void {
  const all = readAll(dataDir);
  all[section] = { ...readSection(dataDir, section), ...change };
  writeFileAtomic(join(dataDir, APP_SETTINGS_FILE), `${JSON.stringify(all, null, 2)}\n`);
}
