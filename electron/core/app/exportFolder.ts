import { existsSync, statSync } from 'node:fs';
import { isAbsolute } from 'node:path';
import { readSection, saveSection } from './appSettings';

/**
 * The folder the desktop's save dialogs open in (本机设置 → 导出文件夹): a setting of this PC (app-settings.json,
 * section "exports"). Only a folder the clerk picked in a native dialog is ever saved here.
 */
export function readExportFolder(dataDir: string): string | null {
  const folder = readSection(dataDir, 'exports').folder;
  return typeof folder === 'string' && isAbsolute(folder) ? folder : null;
}

/** The saved folder when it still exists (a removed USB stick or a renamed folder falls back to the default). */
export function usableExportFolder(dataDir: string): string | null {
  const folder = readExportFolder(dataDir);
  try {
    return folder && existsSync(folder) && statSync(folder).isDirectory() ? folder : null;
  } catch {
    return null;
  }
}

export function saveExportFolder(dataDir: string, folder: string | null): void {
  saveSection(dataDir, 'exports', { folder });
}
