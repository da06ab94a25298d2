import { isAbsolute } from 'node:path';
import { readSection, saveSection } from './appSettings';

/** The browser the clerk chose for printing: a setting of this PC (app-settings.json, section "print"). */
export function readChosenBrowser(dataDir: string): string | null {
  const browser = readSection(dataDir, 'print').browser;
  return typeof browser === 'string' && isAbsolute(browser) ? browser : null;
}

export function saveChosenBrowser(dataDir: string, path: string | null): void {
  saveSection(dataDir, 'print', { browser: path });
}
