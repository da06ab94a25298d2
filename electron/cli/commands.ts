import type { ParseArgsConfig } from 'node:util';
import type { LedgerSummary } from '../../shared/domain/ledger';
import type { OpenLedger } from '../../shared/ipc/ledgers';
import type { CoreClient } from '../core/host/coreClient';
import { backupCommand, restoreCommand } from './backupCommands';
import { checkCommand } from './checkCommand';
import { countyCommand } from './countyCommand';
import { enterprisesCommand } from './enterprisesCommand';
import { exportCommand } from './exportCommand';
import { importCommand } from './importCommand';
import { passwordCommand } from './passwordCommand';
import { call, CliError, ledgerPassword, ledgerPath, positiveInt, printJson } from './io';
import { plansCommand } from './plansCommand';
import { printCommand } from './printCommand';
import { remindersCommand } from './remindersCommand';
import { sampleWorkbookCommand } from './sampleWorkbookCommand';
import { statsCommand } from './statsCommand';

type Values = Record<string, string | boolean | undefined>;

export interface Command {
  help: string;
  options: NonNullable<ParseArgsConfig['options']>;
  /** The value name the command's one positional argument is given under (e.g. `report` for `export ledger`). */
  positional?: string;
  /**
   * A list option that also takes the positional arguments after it, so `county --ledgers A.yqyc B.yqyc C.yqyc`
   * reads as the three ledgers (parseArgs itself takes one value per `--ledgers`).
   */
  positionalList?: string;
  run(core: CoreClient, values: Values): Promise<void>;
}

const str = { type: 'string' } as const;
const flag = { type: 'boolean' } as const;

function reportOpened(opened: OpenLedger, values: Values, path: string): void {
  if (values.json) printJson({ file: path, ...opened.summary });
  else
    process.stdout.write(
      `已创建台账：${path}（${opened.settings.township}，企业 ${opened.summary.enterprises} 家，区域 ${opened.summary.areas} 个）\n`,
    );
}

export const COMMANDS: Record<string, Command> = {
  new: {
    help: '用法：yiqiyice new --out 文件.yqyc --township 乡镇名称 --committee 党委全称 --code 发文机关代字 [--banner 发文机关标志] [--superior 上级单位] [--json]',
    options: { out: str, township: str, committee: str, code: str, banner: str, superior: str, json: flag },
    async run(core, v) {
      const path = ledgerPath(v.out, '--out');
      const target = await core.grant(path, 'create');
      const settings = {
        township: v.township ?? '',
        committee: v.committee ?? '',
        docCode: v.code ?? '',
        docBanner: v.banner,
        superiorUnit: v.superior,
      };
      const opened = await call<OpenLedger>(core, 'ledgers:create', { settings, target });
      reportOpened(opened, v, path);
    },
  },
  sample: {
    help: '用法：yiqiyice sample --out 文件.yqyc [--enterprises 企业数] [--seed 随机种子] [--json]',
    options: { out: str, enterprises: str, seed: str, json: flag },
    async run(core, v) {
      const path = ledgerPath(v.out, '--out');
      const target = await core.grant(path, 'create');
      const payload = {
        target,
        enterprises: positiveInt(v.enterprises, '--enterprises'),
        seed: positiveInt(v.seed, '--seed'),
      };
      const opened = await call<OpenLedger>(core, 'ledgers:createSample', payload);
      reportOpened(opened, v, path);
    },
  },
  info: {
    help: '用法：yiqiyice info --ledger 文件.yqyc [--password-file 密码文件] [--json]',
    options: { ledger: str, 'password-file': str, json: flag },
    async run(core, v) {
      const fileRef = await core.grant(ledgerPath(v.ledger, '--ledger'), 'open');
      // Read-only: looking at a ledger must never migrate or otherwise change it.
      const opened = await call<OpenLedger>(core, 'ledgers:openFile', {
        fileRef,
        readOnly: true,
        password: ledgerPassword(v),
      });
      const summary = await call<LedgerSummary>(core, 'ledgers:summary', {});
      if (v.json)
        printJson({ enterprises: summary.enterprises, areas: summary.areas, schemaVersion: summary.schemaVersion });
      else {
        const s = opened.settings;
        process.stdout.write(
          `${s.committee}（${s.township}，代字“${s.docCode}”）\n企业 ${summary.enterprises} 家，区域 ${summary.areas} 个，数据版本 ${summary.schemaVersion}\n`,
        );
        if (opened.notice) process.stdout.write(`注意：${opened.notice}\n`);
      }
    },
  },
  enterprises: enterprisesCommand,
  reminders: remindersCommand,
  stats: statsCommand,
  county: countyCommand,
  plans: plansCommand,
  import: importCommand,
  export: exportCommand,
  print: printCommand,
  'sample-workbook': sampleWorkbookCommand,
  backup: backupCommand,
  restore: restoreCommand,
  check: checkCommand,
  password: passwordCommand,
};

export function usage(): string {
  // Wide enough for the longest name and a space: sample-workbook ran into its usage line at a fixed 12.
  const width = Math.max(...Object.keys(COMMANDS).map((name) => name.length)) + 2;
  return `「一企一策」非公企业党建台账 命令行\n\n命令：\n${Object.entries(COMMANDS)
    .map(([name, c]) => `  ${name.padEnd(width)}${c.help.replace('用法：', '')}`)
    .join('\n')}\n`;
}

export { CliError };
