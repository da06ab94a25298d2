import { z } from '../zod';
import { phoneNumber } from '../domain/fieldSchemas';
import { FONT_SIZES, type FontSize } from '../domain/pcSettings';
import { channel } from './channel';

export const CONTACT_NAME_MAX = 20;

/**
 * 本机设置: settings of this PC (the data folder's app-settings.json), not of a ledger. The backup folder and the
 * print browser keep their own channels; they are reported here so one screen shows everything of this PC.
 */
export interface PrefsView {
  fontSize: FontSize;
  /** 导出文件夹: where the desktop's save dialogs start; null means the system's usual place. */
  exportFolder: { path: string; exists: boolean } | null;
  /**
   * 公文默认联系人, printed in a new notice's 附注. Named `tel`, not `phone`: it is the office's own number the clerk
   * typed to be printed on every 公文, not a person's data held in a ledger, so the personal-data mask leaves it.
   */
  contactName: string;
  contactTel: string;
  /** 备份文件夹 as backups:settings reports it. */
  backupFolder: string;
  /** The print browser the clerk chose (print:chooseBrowser), or null for the first one found. */
  printBrowser: string | null;
  /** 启动时打开上次的台账: a start goes straight back to the ledger open when the program last stopped. */
  reopenLast: boolean;
}

const LABELS: Readonly<Record<string, string>> = {
  fontSize: '字号',
  contactName: '联系人',
  contactTel: '联系电话',
  exportFolder: '导出文件夹',
  folderRef: '导出文件夹',
  reopenLast: '启动时打开上次的台账',
};

export const fontSizeSchema = z.enum(Object.keys(FONT_SIZES) as [FontSize, ...FontSize[]], '字号应为标准、较大或特大');

export const contactNameSchema = z
  .string('联系人应为文字')
  .trim()
  .max(CONTACT_NAME_MAX, `联系人不能超过${CONTACT_NAME_MAX}个字`)
  .refine((s) => !/[\u0000-\u001f<>]/.test(s), '联系人含有不允许的字符');

/** Like every phone in the ledger, except that a masked number (138****5678) is never a number to print. */
export const contactTelSchema = phoneNumber('联系电话')
  .unwrap()
  .refine((v) => !v.includes('*'), '联系电话应填完整的号码');

const reference = z.string('请选择导出文件夹').min(1, '请选择导出文件夹').max(100, '请重新选择导出文件夹');

export const prefsSaveRequest = z
  .object({
    fontSize: fontSizeSchema.optional(),
    contactName: contactNameSchema.optional(),
    contactTel: contactTelSchema.optional(),
    /** A folder the desktop's folder dialog granted (pickExportFolder), or null to go back to the usual place. */
    exportFolder: z.object({ folderRef: reference }, '请选择导出文件夹').strict().nullable().optional(),
    reopenLast: z.boolean('启动时打开上次的台账应为是或否').optional(),
  })
  .strict();
export type PrefsSaveRequest = z.input<typeof prefsSaveRequest>;

export const prefsChannels = {
  'prefs:get': channel<PrefsView>()(z.object({}).strict(), LABELS),
  /** Saves only the settings given; the rest of app-settings.json (backups, print, …) stays as it is. */
  'prefs:save': channel<PrefsView>()(prefsSaveRequest, LABELS),
};
