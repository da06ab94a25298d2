import { DEFAULT_FONT_SIZE, type FontSize } from '../../../shared/domain/pcSettings';
import { contactNameSchema, contactTelSchema, fontSizeSchema } from '../../../shared/ipc/prefs';
import { readSection, saveSection } from './appSettings';

/**
 * 本机设置 of this PC kept in app-settings.json beside the backup, print and export sections: "display" (字号),
 * "documents" (公文默认联系人) and "startup" (启动时打开上次的台账). The file may have been edited by hand or damaged: each value is checked with the same
 * schema the screen's input is, and a bad one reads as its default, so the program always starts.
 */
export interface LocalPrefs {
  fontSize: FontSize;
  contactName: string;
  contactTel: string;
  /** 启动时打开上次的台账 ("startup" section). */
  reopenLast: boolean;
}

function checked<T>(
  schema: { safeParse(v: unknown): { success: true; data: T } | { success: false } },
  value: unknown,
  fallback: T,
): T {
  const parsed = schema.safeParse(value);
  return parsed.success ? parsed.data : fallback;
}

export function readPrefs(dataDir: string): LocalPrefs {
  const display = readSection(dataDir, 'display');
  const documents = readSection(dataDir, 'documents');
  const startup = readSection(dataDir, 'startup');
  return {
    fontSize: checked(fontSizeSchema, display.fontSize, DEFAULT_FONT_SIZE),
    contactName: checked(contactNameSchema, documents.contactName, ''),
    contactTel: checked(contactTelSchema, documents.contactTel, ''),
    reopenLast: typeof startup.reopenLast === 'boolean' ? startup.reopenLast : true,
  };
}

/** Saves the values given (already checked by the channel's schema); the other sections are kept as they are. */
export function savePrefs(dataDir: string, change: Partial<LocalPrefs>): void {
  if (change.fontSize !== undefined) saveSection(dataDir, 'display', { fontSize: change.fontSize });
  const documents = {
    ...(change.contactName !== undefined ? { contactName: change.contactName } : {}),
    ...(change.contactTel !== undefined ? { contactTel: change.contactTel } : {}),
  };
  if (Object.keys(documents).length > 0) saveSection(dataDir, 'documents', documents);
  if (change.reopenLast !== undefined) saveSection(dataDir, 'startup', { reopenLast: change.reopenLast });
}
