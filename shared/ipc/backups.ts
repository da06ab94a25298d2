import { z } from '../zod';
import { ROTATION_LIMITS, type BackupReason } from '../domain/backupRotation';
import { channel } from './channel';
import type { OpenLedger } from './ledgers';

/** One backup of the open ledger, as 备份与恢复 lists it. */
export interface BackupItem {
  /** The file's name in the backup folder: what `backups:restore` takes back. Never a path. */
  name: string;
  /** `2026-11-21 08:30:05`, local time. */
  takenAt: string;
  reason: BackupReason;
  /** 手动备份, 导入前, 升级前, 每日, 恢复前. */
  reasonLabel: string;
  /** Bytes. */
  size: number;
}

export interface BackupSettingsView {
  /** Shown, not edited: only the desktop folder dialog changes it. */
  folder: string;
  keepToday: number;
  maxTotal: number;
}

export interface RestoreResult {
  /** The ledger as it is now, reopened from the restored copy. */
  opened: OpenLedger;
  /** The backup of the ledger as it was just before, so the restore itself can be undone; null if none was made. */
  safetyBackup: BackupItem | null;
  /**
   * Set when the ledger could not be backed up with a check (it was damaged): its raw files were copied aside
   * under this name in the backup folder instead, so nothing is lost.
   */
  rawCopy: string | null;
}

const LABELS: Readonly<Record<string, string>> = {
  name: '备份文件',
  fileRef: '备份文件',
  target: '备份保存位置',
  keepToday: '当天保留份数',
  maxTotal: '最多保留份数',
  folderRef: '备份文件夹',
  password: '备份的密码',
};

/** An encrypted backup's password, when it differs from the open ledger's (the backup predates a change). */
const backupPassword = z.string('密码应为文字').min(1, '请输入备份的密码').max(256, '密码过长').optional();

const count = (label: string, limits: { min: number; max: number }) =>
  z
    .number(`${label}应填数字`)
    .int(`${label}应为整数`)
    .min(limits.min, `${label}至少为 ${limits.min}`)
    .max(limits.max, `${label}不能超过 ${limits.max}`);

/** A backup's file name: one plain name ending in .yqyc, never a path (no separators, no `..`). */
const backupName = z
  .string('请选择备份文件')
  .trim()
  .min(1, '请选择备份文件')
  .max(255, '备份文件名过长')
  .regex(/^[^\\/:*?"<>|\u0000-\u001f]+\.yqyc$/, '备份文件名无效，请从备份列表中选择')
  .refine((n) => !n.startsWith('.'), '备份文件名无效，请从备份列表中选择');

const reference = (message: string) => z.string(message).min(1, message).max(100);

export const backupChannels = {
  /** The open ledger's backups in the backup folder, newest first. */
  'backups:list': channel<BackupItem[]>()(z.object({}).strict(), LABELS),
  /**
   * 立即备份: a checked copy in the backup folder (then the old ones are thinned out), or — with `target`, a
   * reference from a save dialog or the command line — a checked copy written there instead, never overwriting.
   */
  'backups:create': channel<BackupItem & { file: string }>()(
    z.object({ target: reference('请选择备份保存位置').optional() }).strict(),
    LABELS,
  ),
  /** 恢复: replaces the open ledger with a listed backup after backing the ledger up; returns it reopened. */
  'backups:restore': channel<RestoreResult>()(
    z.object({ name: backupName, password: backupPassword }).strict(),
    LABELS,
  ),
  /** The same from a backup file chosen on the command line (a granted reference, not a path). */
  'backups:restoreFile': channel<RestoreResult>()(
    z.object({ fileRef: reference('请选择要恢复的备份文件'), password: backupPassword }).strict(),
    LABELS,
  ),
  'backups:settings': channel<BackupSettingsView>()(z.object({}).strict(), LABELS),
  /**
   * Saves the keep numbers, and the folder when `folderRef` (from the desktop folder dialog) is given; the old
   * backups are thinned out to the new numbers at once.
   */
  'backups:saveSettings': channel<BackupSettingsView>()(
    z
      .object({
        keepToday: count('当天保留份数', ROTATION_LIMITS.keepToday),
        maxTotal: count('最多保留份数', ROTATION_LIMITS.maxTotal),
        folderRef: reference('请选择备份文件夹').optional(),
      })
      .strict()
      .refine((s) => s.maxTotal >= s.keepToday, {
        message: '最多保留份数不能少于当天保留份数',
        path: ['maxTotal'],
      }),
    LABELS,
  ),
};
