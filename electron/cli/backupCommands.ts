import { resolve } from 'node:path';
import type { BackupItem, RestoreResult } from '../../shared/ipc/backups';
import type { OpenLedger } from '../../shared/ipc/ledgers';
import type { CoreClient } from '../core/host/coreClient';
import { call, CliError, ledgerPassword, ledgerPath, printJson } from './io';

type Values = Record<string, string | boolean | undefined>;

const size = (bytes: number) =>
  bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;

/**
 * `backup --ledger L [--out FILE]`: a checked copy into the backup folder (thinned out like every backup), or to
 * FILE. The ledger is opened read-only: making a copy must not migrate or otherwise change it.
 */
export const backupCommand = {
  help: '用法：yiqiyice backup --ledger 文件.yqyc [--password-file 密码文件] [--out 备份文件.yqyc（默认写入备份文件夹）] [--json]',
  options: {
    ledger: { type: 'string' },
    'password-file': { type: 'string' },
    out: { type: 'string' },
    json: { type: 'boolean' },
  } as const,
  async run(core: CoreClient, v: Values): Promise<void> {
    const fileRef = await core.grant(ledgerPath(v.ledger, '--ledger'), 'open');
    const target = v.out === undefined ? undefined : await core.grant(ledgerPath(v.out, '--out'), 'create');
    await call<OpenLedger>(core, 'ledgers:openFile', { fileRef, readOnly: true, password: ledgerPassword(v) });
    const made = await call<BackupItem & { file: string }>(core, 'backups:create', target ? { target } : {});
    if (v.json) printJson({ file: made.file, size: made.size });
    else process.stdout.write(`已备份（已校验）：${made.file}（${size(made.size)}）\n`);
  },
};

/**
 * `restore --ledger L --from BACKUP`: replaces L with a checked backup of it, after backing L up first (the
 * message names that backup, so the restore can itself be undone).
 */
export const restoreCommand = {
  help: '用法：yiqiyice restore --ledger 文件.yqyc [--password-file 密码文件] --from 备份文件.yqyc [--json]',
  options: {
    ledger: { type: 'string' },
    'password-file': { type: 'string' },
    from: { type: 'string' },
    json: { type: 'boolean' },
  } as const,
  async run(core: CoreClient, v: Values): Promise<void> {
    const path = ledgerPath(v.ledger, '--ledger');
    if (typeof v.from !== 'string' || v.from.trim() === '') throw new CliError('缺少 --from 参数（备份文件路径）', 2);
    const from = ledgerPath(v.from, '--from');
    if (from === resolve(path)) throw new CliError('--from 与 --ledger 是同一个文件，请指定备份文件', 2);
    const fileRef = await core.grant(path, 'open');
    await call<OpenLedger>(core, 'ledgers:openFile', { fileRef, password: ledgerPassword(v) });
    const result = await call<RestoreResult>(core, 'backups:restoreFile', {
      fileRef: await core.grant(from, 'restore'),
    });
    const before = result.safetyBackup?.name ?? result.rawCopy;
    if (v.json) {
      printJson({ restored: path, from, safetyBackup: before, ...result.opened.summary });
      return;
    }
    process.stdout.write(
      `已从备份恢复：${path}（企业 ${result.opened.summary.enterprises} 家）\n` +
        (before ? `恢复前的台账已备份为“${before}”，如需撤回可再从它恢复。\n` : ''),
    );
  },
};
