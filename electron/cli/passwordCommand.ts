import type { PasswordChange } from '../../shared/ipc/encryption';
import { PASSWORD_WARNING, RECOVERY_KEY_ADVICE } from '../../shared/ipc/lock';
import type { CoreClient } from '../core/host/coreClient';
import { call, CliError, ledgerPassword, ledgerPath, printJson } from './io';

type Values = Record<string, string | boolean | undefined>;

const ACTIONS = ['set', 'change', 'remove'] as const;
type Action = (typeof ACTIONS)[number];

const HELP =
  '用法：yiqiyice password set|change|remove --ledger 文件.yqyc [--password-file 当前密码文件] [--new-password-file 新密码文件] [--json]\n' +
  '  set     为未加密的台账设置密码（需 --new-password-file）\n' +
  '  change  修改密码（当前密码或恢复密钥来自 --password-file 或环境变量 YIQIYICE_PASSWORD；需 --new-password-file）\n' +
  '  remove  取消密码（当前密码同上）\n' +
  '  密码只从文件读取（第一行），不接受命令行参数。';

/** The new password, from its own file only (the current one may also come from YIQIYICE_PASSWORD; a new one never). */
function newPassword(v: Values): string {
  const file = v['new-password-file'];
  if (file === undefined) throw new CliError(`缺少 --new-password-file 参数（新密码文件路径）\n${HELP}`, 2);
  // The same reading rules as --password-file (first line, BOM and newline dropped), without the fallback to the env.
  const password = ledgerPassword({ 'password-file': file });
  if (password === undefined) throw new CliError('缺少 --new-password-file 参数（新密码文件路径）', 2);
  return password;
}

/**
 * `yiqiyice password set|change|remove`: 设置密码 / 修改密码 / 取消密码 of a ledger file through the same channels as
 * 台账设置 → 密码与锁定 (a backup first, the file re-encrypted as a checked copy). The recovery key is printed once.
 */
export const passwordCommand = {
  help: HELP,
  positional: 'action',
  options: {
    ledger: { type: 'string' },
    'password-file': { type: 'string' },
    'new-password-file': { type: 'string' },
    json: { type: 'boolean' },
  } as const,
  async run(core: CoreClient, v: Values): Promise<void> {
    const action = v.action;
    if (typeof action !== 'string' || !(ACTIONS as readonly string[]).includes(action))
      throw new CliError(`请指明 set（设置密码）、change（修改密码）或 remove（取消密码）\n${HELP}`, 2);
    const path = ledgerPath(v.ledger, '--ledger');
    // Read before anything opens the ledger: a missing password file changes nothing.
    const next = action === 'remove' ? null : newPassword(v);
    const current = action === 'set' ? undefined : ledgerPassword(v);
    if (action !== 'set' && current === undefined)
      throw new CliError(
        '缺少当前密码：请用 --password-file 指定当前密码（或恢复密钥）所在的文件，或设置环境变量 YIQIYICE_PASSWORD',
        2,
      );
    const fileRef = await core.grant(path, 'open');
    await call(core, 'ledgers:openFile', { fileRef, password: current });
    const change = await call<PasswordChange>(core, ...request(action as Action, current, next));
    await call(core, 'ledgers:close', {});
    if (v.json) {
      printJson({
        file: path,
        encrypted: change.opened.encrypted,
        recoveryKey: change.recoveryKey,
        backup: change.backup,
      });
      return;
    }
    const backup = `改动前的台账已备份为“${change.backup.name}”`;
    if (!change.recoveryKey) {
      process.stdout.write(`已取消密码：${path}\n台账文件不再受密码保护。${backup}。\n`);
      return;
    }
    process.stdout.write(
      `${action === 'set' ? '已设置密码' : '已修改密码'}：${path}\n${backup}。\n\n` +
        `恢复密钥：${change.recoveryKey}\n\n${PASSWORD_WARNING}\n${RECOVERY_KEY_ADVICE.join('\n')}\n`,
    );
  },
};

function request(action: Action, current: string | undefined, next: string | null): [string, unknown] {
  if (action === 'set') return ['ledgers:setPassword', { password: next, confirm: next }];
  if (action === 'change') return ['ledgers:changePassword', { old: current, password: next, confirm: next }];
  return ['ledgers:removePassword', { password: current }];
}
