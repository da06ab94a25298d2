import type { LedgerCheck } from '../../shared/ipc/ledgers';
import type { CoreClient } from '../core/host/coreClient';
import { call, ledgerPassword, ledgerPath, printJson } from './io';

type Values = Record<string, string | boolean | undefined>;

/**
 * `yiqiyice check --ledger FILE [--json]`: SQLite's full integrity_check of the file, read-only (a damaged or
 * older ledger is checked as it is, never migrated), with its data version and how many backups it has.
 */
export const checkCommand = {
  help: '用法：yiqiyice check --ledger 文件.yqyc [--password-file 密码文件] [--json]',
  options: { ledger: { type: 'string' }, 'password-file': { type: 'string' }, json: { type: 'boolean' } } as const,
  async run(core: CoreClient, v: Values): Promise<void> {
    const fileRef = await core.grant(ledgerPath(v.ledger, '--ledger'), 'open');
    const r = await call<LedgerCheck>(core, 'ledgers:check', { fileRef, password: ledgerPassword(v) });
    if (v.json) {
      printJson({ integrity: r.integrity, schemaVersion: r.schemaVersion, encrypted: r.encrypted, backups: r.backups });
      return;
    }
    const verdict = r.integrity === 'ok' ? '完好' : `已损坏（${r.integrity}）`;
    process.stdout.write(
      `完整性检查：${verdict}\n数据版本：${r.schemaVersion}\n加密：${r.encrypted ? '是' : '否'}\n备份：${r.backups} 份\n`,
    );
    if (r.integrity !== 'ok')
      process.stdout.write('请在程序中打开该台账（将以只读方式打开），并从“台账设置 → 备份与恢复”恢复最新的备份。\n');
  },
};
