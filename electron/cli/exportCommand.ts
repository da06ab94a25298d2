import { existsSync, statSync } from 'node:fs';
import { dirname, extname, resolve } from 'node:path';
import type { Lookups } from '../../shared/domain/lookups';
import type { Campaign } from '../../shared/domain/plans';
import { REPORT_PERSONAL_DATA, REPORTS, type ReportId } from '../../shared/excel/kinds';
import type { ExportDone } from '../../shared/ipc/exports';
import type { OpenLedger } from '../../shared/ipc/ledgers';
import type { CoreClient } from '../core/host/coreClient';
import { call, CliError, ledgerPassword, ledgerPath, positiveInt, printJson } from './io';

type Values = Record<string, string | boolean | undefined>;

const REPORT_LIST = Object.entries(REPORTS)
  .map(([id, name]) => `${id}（${name}）`)
  .join('、');

/**
 * `yiqiyice export REPORT --ledger FILE --out FILE.xlsx`: one upward report through the same handler as the screen,
 * recorded in the ledger's export log. Phones stay masked unless --unmask is given.
 */
export const exportCommand = {
  help:
    '用法：yiqiyice export 报表 --ledger 文件.yqyc [--password-file 密码文件] --out 文件.xlsx [--unmask] [--area 区域名称] [--group 推进组名称] ' +
    `[--year 年度] [--campaign 专项行动名称] [--preparer 填表人] [--reviewer 审核人] [--json]\n      报表：${REPORT_LIST}`,
  positional: 'report',
  options: {
    ledger: { type: 'string' },
    'password-file': { type: 'string' },
    out: { type: 'string' },
    unmask: { type: 'boolean' },
    area: { type: 'string' },
    group: { type: 'string' },
    year: { type: 'string' },
    campaign: { type: 'string' },
    preparer: { type: 'string' },
    reviewer: { type: 'string' },
    json: { type: 'boolean' },
  } as const,
  async run(core: CoreClient, v: Values): Promise<void> {
    const report = reportOf(v.report);
    const out = outPath(v.out);
    const fileRef = await core.grant(ledgerPath(v.ledger, '--ledger'), 'open');
    // Opened for writing: the export is recorded in the ledger's log.
    const opened = await call<OpenLedger>(core, 'ledgers:openFile', { fileRef, password: ledgerPassword(v) });
    const lookups = typeof v.area === 'string' || typeof v.group === 'string' ? await lookupsOf(core) : null;
    const payload = {
      report,
      unmask: v.unmask === true,
      target: await core.grant(out, 'export'),
      areaId: named(lookups?.areas, v.area, '--area', '区域'),
      workGroupId: named(lookups?.workGroups, v.group, '--group', '推进组'),
      year: positiveInt(v.year, '--year'),
      campaignId: v.campaign === undefined ? undefined : await campaignNamed(core, v.campaign),
      preparer: typeof v.preparer === 'string' ? v.preparer : undefined,
      reviewer: typeof v.reviewer === 'string' ? v.reviewer : undefined,
    };
    const done = await call<ExportDone>(core, 'exports:run', payload);
    if (v.json) {
      printJson({ file: out, report, fileName: done.fileName, rows: done.rows, unmasked: payload.unmask });
      return;
    }
    process.stdout.write(`已导出${REPORTS[report]}：${out}（${done.rows} 行，${opened.settings.township}台账）\n`);
    const exposed = REPORT_PERSONAL_DATA[report];
    if (payload.unmask && exposed) process.stdout.write(`注意：文件含完整的${exposed}，请妥善保管。\n`);
  },
};

function reportOf(raw: string | boolean | undefined): ReportId {
  if (typeof raw !== 'string' || raw === '') throw new CliError(`请指定要导出的报表：${REPORT_LIST}`, 2);
  if (!Object.hasOwn(REPORTS, raw)) throw new CliError(`未知的报表“${raw}”，可选：${REPORT_LIST}`, 2);
  return raw as ReportId;
}

function outPath(raw: string | boolean | undefined): string {
  if (typeof raw !== 'string' || raw.trim() === '') throw new CliError('缺少 --out 参数（导出的 .xlsx 文件路径）', 2);
  if (extname(raw).toLowerCase() !== '.xlsx') throw new CliError(`--out 应为 .xlsx 文件，实际为“${raw}”`, 2);
  const path = resolve(raw);
  const folder = dirname(path);
  if (!existsSync(folder) || !statSync(folder).isDirectory()) {
    throw new CliError(`--out 所在的文件夹“${folder}”不存在`, 2);
  }
  return path;
}

async function lookupsOf(core: CoreClient): Promise<Lookups> {
  return call<Lookups>(core, 'settings:lookups', {});
}

function named(
  list: { id: number; name: string }[] | undefined,
  raw: string | boolean | undefined,
  flag: string,
  what: string,
): number | undefined {
  if (raw === undefined) return undefined;
  const name = typeof raw === 'string' ? raw.trim() : '';
  if (name === '') throw new CliError(`${flag} 应为${what}名称`, 2);
  const found = list?.find((x) => x.name === name);
  if (!found) {
    const known = (list ?? []).map((x) => `“${x.name}”`).join('、');
    throw new CliError(`台账中没有名为“${name}”的${what}${known ? `；现有：${known}` : ''}`);
  }
  return found.id;
}

async function campaignNamed(core: CoreClient, raw: string | boolean): Promise<number> {
  const campaigns = await call<Campaign[]>(core, 'campaigns:list', {});
  const id = named(campaigns, raw, '--campaign', '专项行动');
  return id!;
}
