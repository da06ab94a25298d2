import { homedir } from 'node:os';
import { isAbsolute, join } from 'node:path';
import { DEFAULT_ROTATION, ROTATION_LIMITS, type RotationPolicy } from '../../../shared/domain/backupRotation';
import { readSection, saveSection } from '../app/appSettings';

/**
 * Backup settings are the app's, not the ledger's (app-settings.json, section "backup"): restoring a backup never
 * changes where backups go.
 */
export interface BackupSettings extends RotationPolicy {
  /** Absolute folder the backups are written to. */
  folder: string;
}

/**
 * `~/一企一策台账备份`: outside the app's data folder, so uninstalling the app or clearing its profile leaves the
 * backups. YIQIYICE_BACKUP_DIR replaces this default (tests, portable installs); a folder the clerk chose wins.
 */
export function defaultBackupFolder(env: NodeJS.ProcessEnv = process.env): string {
  return env.YIQIYICE_BACKUP_DIR || join(homedir(), '一企一策台账备份');
}

function intIn(value: unknown, limits: { min: number; max: number }, fallback: number): number {
  return typeof value === 'number' && Number.isInteger(value) && value >= limits.min && value <= limits.max
    ? value
    : fallback;
}

export function readBackupSettings(dataDir: string): BackupSettings {
  const b = readSection(dataDir, 'backup');
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
  saveSection(dataDir, 'backup', change);
  return readBackupSettings(dataDir);
}
