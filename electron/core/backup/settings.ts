import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { isAbsolute, join } from 'node:path';
import { DEFAULT_ROTATION, ROTATION_LIMITS, type RotationPolicy } from '../../../shared/domain/backupRotation';
import { writeFileAtomic } from '../app/atomicFile';

/**
 * Backup settings are the app's, not the ledger's: they live in the data folder's app-settings.json, so restoring a
 * backup never changes where backups go, and a ledger copied to another machine does not drag a foreign path along.
 */
export interface BackupSettings extends RotationPolicy {
  /** Absolute folder the backups are written to. */
  folder: string;
}

export const APP_SETTINGS_FILE = 'app-settings.json';

/**
 * `~/一企一策台账备份`: outside the app's data folder, so uninstalling the app or clearing its profile leaves the
 * backups. YIQIYICE_BACKUP_DIR replaces this default (tests, portable installs); a folder the clerk chose wins.
 */
export function defaultBackupFolder(env: NodeJS.ProcessEnv = process.env): string {
  return env.YIQIYICE_BACKUP_DIR || join(homedir(), '一企一策台账备份');
}

function settingsPath(dataDir: string): string {
  return join(dataDir, APP_SETTINGS_FILE);
}

/** The whole file, or {} when missing or unreadable (a damaged settings file must not stop backups). */
function readAll(dataDir: string): Record<string, unknown> {
  const path = settingsPath(dataDir);
  if (!existsSync(path)) return {};
  try {
    const parsed: unknown = JSON.parse(readFileSync(path, 'utf8'));
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

function intIn(value: unknown, limits: { min: number; max: number }, fallback: number): number {
  return typeof value === 'number' && Number.isInteger(value) && value >= limits.min && value <= limits.max
    ? value
    : fallback;
}

export function readBackupSettings(dataDir: string): BackupSettings {
  const raw = readAll(dataDir).backup;
  const b = raw && typeof raw === 'object' ? (raw as Record<string, unknown>) : {};
  const folder = typeof b.folder === 'string' && isAbsolute(b.folder) ? b.folder : defaultBackupFolder();
  return {
    folder,
    keepToday: intIn(b.keepToday, ROTATION_LIMITS.keepToday, DEFAULT_ROTATION.keepToday),
    maxTotal: intIn(b.maxTotal, ROTATION_LIMITS.maxTotal, DEFAULT_ROTATION.maxTotal),
  };
}

/**
 * Saves the given backup settings, keeping whatever else the file holds (later issues add their own sections).
 * The folder is stored only when the clerk chose one, so the default keeps following YIQIYICE_BACKUP_DIR.
 */
export function saveBackupSettings(dataDir: string, change: Partial<BackupSettings>): BackupSettings {
  const all = readAll(dataDir);
  const previous = all.backup && typeof all.backup === 'object' ? (all.backup as Record<string, unknown>) : {};
  all.backup = { ...previous, ...change };
  writeFileAtomic(settingsPath(dataDir), `${JSON.stringify(all, null, 2)}\n`);
  return readBackupSettings(dataDir);
}
