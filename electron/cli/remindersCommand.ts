import { REMINDER_KINDS } from '../../shared/domain/labels';
import type { Reminder } from '../../shared/domain/reminders';
import type { OpenLedger } from '../../shared/ipc/ledgers';
import type { CoreClient } from '../core/host/coreClient';
import { call, ledgerPassword, ledgerPath, printJson } from './io';

type Values = Record<string, string | boolean | undefined>;

/** The reminders due today, computed by the same code as the home screen's list, read-only. */
export const remindersCommand = {
  help: '用法：yiqiyice reminders --ledger 文件.yqyc [--password-file 密码文件] [--json]',
  options: {
    ledger: { type: 'string' },
    'password-file': { type: 'string' },
    json: { type: 'boolean' },
  } as const,
  async run(core: CoreClient, v: Values): Promise<void> {
    const fileRef = await core.grant(ledgerPath(v.ledger, '--ledger'), 'open');
    const opened = await call<OpenLedger>(core, 'ledgers:openFile', {
      fileRef,
      readOnly: true,
      password: ledgerPassword(v),
    });
    const reminders = await call<Reminder[]>(core, 'reminders:list', {});
    if (v.json) {
      printJson(
        reminders.map((r) => ({
          id: r.id,
          kind: r.kind,
          subjectType: r.subjectType,
          subjectId: r.subjectId,
          subjectName: r.subjectName,
          due: r.due,
          message: r.message,
        })),
      );
      return;
    }
    if (reminders.length === 0) {
      process.stdout.write(`${opened.settings.township}台账：当前没有需要处理的提醒\n`);
      return;
    }
    for (const r of reminders) {
      process.stdout.write(`${REMINDER_KINDS[r.kind]}\t${r.due ?? '—'}\t${r.message}\n`);
    }
    process.stdout.write(`共 ${reminders.length} 条提醒（${opened.settings.township}台账）\n`);
  },
};
