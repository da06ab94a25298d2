import { z } from '../zod';
import { IDLE_MINUTES_MAX } from '../domain/pcSettings';
import { channel } from './channel';

/** The automatic lock of this PC (not of a ledger): minutes without keyboard, mouse, wheel or touch; 0 = never. */
export interface LockSettings {
  idleMinutes: number;
}

/** What the lock screen shows after a reload while the core holds a locked ledger. */
export interface LockStatus {
  township: string;
  fileName: string;
}

const idleMinutes = z
  .number({ error: (issue) => (issue.input === undefined ? '请填写自动锁定时间' : '自动锁定时间应为数字') })
  .int('自动锁定时间应为整数分钟')
  .min(0, '自动锁定时间不能小于 0 分钟（0 表示不自动锁定）')
  .max(IDLE_MINUTES_MAX, `自动锁定时间不能超过 ${IDLE_MINUTES_MAX} 分钟`);

const LABELS: Readonly<Record<string, string>> = { idleMinutes: '自动锁定时间' };

export const lockChannels = {
  'lock:getSettings': channel<LockSettings>()(z.object({}).strict(), LABELS),
  'lock:saveSettings': channel<LockSettings>()(z.object({ idleMinutes }).strict(), LABELS),
  /** The locked ledger, or null when none is locked (a reload finds the lock screen again). */
  'lock:status': channel<LockStatus | null>()(z.object({}).strict(), LABELS),
};

/** Said wherever a password is set or changed (the screens and the command line), before and with the recovery key. */
export const PASSWORD_WARNING = '密码一旦遗忘将无法找回，台账也无法打开。请务必打印恢复密钥并与电脑分开妥善保管。';

/** What to do with the recovery key: on its printed sheet, and after the command line prints it. */
export const RECOVERY_KEY_ADVICE = [
  '请将本页与电脑分开妥善保管（例如锁在文件柜中），不要拍照，也不要存放在电脑或网盘里。',
  '忘记密码时，可用恢复密钥代替密码打开台账及其此后的备份。',
  '任何持有恢复密钥的人都能打开台账，请像保管公章一样保管它。',
  '“修改密码”后会生成新的恢复密钥，本页随之作废，请销毁后保管新的一页。',
] as const;
