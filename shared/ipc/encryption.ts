import { z } from '../zod';
import type { BackupItem } from './backups';
import { channel } from './channel';
import type { OpenLedger } from './ledgers';

/** What setting, changing or removing the open ledger's password returns. */
export interface PasswordChange {
  /** The ledger as it is now, reopened from the re-encrypted file. */
  opened: OpenLedger;
  /**
   * The recovery key (8 groups of 8 hex digits): opens the ledger, and its backups from now on, without the
   * password. Shown once, to be printed and kept apart; null when the password was removed.
   */
  recoveryKey: string | null;
  /** The backup of the ledger as it was just before (加密前 / 解密前). */
  backup: BackupItem;
}

/** Rules for a new password: at least 8 characters, not digits only (a date or a phone number is guessed first). */
export const newPassword = z
  .string({ error: (issue) => (issue.input === undefined ? '请填写新密码' : '新密码应为文字') })
  .min(8, '新密码至少需要 8 个字符')
  .max(128, '新密码不能超过 128 个字符')
  .refine((s) => !/^\d+$/.test(s), '新密码不能全是数字，请加入字母或符号');

const confirm = z.string({ error: (issue) => (issue.input === undefined ? '请再次输入新密码' : '确认密码应为文字') });

const current = (label: string) =>
  z
    .string({ error: (issue) => (issue.input === undefined ? `请填写${label}` : `${label}应为文字`) })
    .min(1, `请填写${label}`)
    .max(256, `${label}过长`);

const matching = { message: '两次输入的新密码不一致', path: ['confirm'] };

const LABELS: Readonly<Record<string, string>> = {
  old: '原密码',
  password: '新密码',
  confirm: '确认新密码',
};

export const encryptionChannels = {
  /** 设置密码: encrypts the open (plain) ledger in place, after a backup; returns the recovery key to print. */
  'ledgers:setPassword': channel<PasswordChange>()(
    z
      .object({ password: newPassword, confirm })
      .strict()
      .refine((r) => r.password === r.confirm, matching),
    LABELS,
  ),
  /** 修改密码: `old` is the current password or the recovery key; a new recovery key is issued. */
  'ledgers:changePassword': channel<PasswordChange>()(
    z
      .object({ old: current('原密码'), password: newPassword, confirm })
      .strict()
      .refine((r) => r.password === r.confirm, matching),
    LABELS,
  ),
  /** 取消密码: decrypts the open ledger in place, after a backup; `password` is the current one (or the recovery key). */
  'ledgers:removePassword': channel<PasswordChange>()(z.object({ password: current('当前密码') }).strict(), {
    password: '当前密码',
  }),
  /**
   * 锁定: closes the open encrypted ledger's connection (its key leaves memory) but remembers which ledger it was;
   * every other ledger channel is refused with code LOCKED until `ledgers:unlock`. Refused for a plain ledger (there
   * is nothing to unlock it with).
   */
  'ledgers:lock': channel<null>()(z.object({}).strict(), LABELS),
  /** 解锁: reopens the locked ledger with its password or recovery key; a wrong one is refused with code PASSWORD. */
  'ledgers:unlock': channel<OpenLedger>()(z.object({ password: current('密码') }).strict(), { password: '密码' }),
};
