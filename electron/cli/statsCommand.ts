import { isCalendarDate } from '../../shared/domain/fieldSchemas';
import type { StatsReport } from '../../shared/domain/indicators';
import type { OpenLedger } from '../../shared/ipc/ledgers';
import type { SnapshotItem } from '../../shared/ipc/stats';
import type { CoreClient } from '../core/host/coreClient';
import { indicatorJson, percent } from './indicatorOutput';
import { call, CliError, ledgerPassword, ledgerPath, printJson } from './io';

type Values = Record<string, string | boolean | undefined>;

/**
 * Every enabled indicator, live or from the snapshot taken on or before a date, read-only, counted by the
 * same module as the dashboard.
 */
export const statsCommand = {
  help: '用法：yiqiyice stats --ledger 文件.yqyc [--password-file 密码文件] [--snapshot 日期（取该日或之前最近的快照）] [--json]',
  options: {
    ledger: { type: 'string' },
    'password-file': { type: 'string' },
    snapshot: { type: 'string' },
    json: { type: 'boolean' },
  } as const,
  async run(core: CoreClient, v: Values): Promise<void> {
    const fileRef = await core.grant(ledgerPath(v.ledger, '--ledger'), 'open');
    const opened = await call<OpenLedger>(core, 'ledgers:openFile', {
      fileRef,
      readOnly: true,
      password: ledgerPassword(v),
    });
    const snapshotId = v.snapshot === undefined ? undefined : await snapshotOnOrBefore(core, v.snapshot);
    const report = await call<StatsReport>(core, 'stats:report', snapshotId === undefined ? {} : { snapshotId });
    if (v.json) {
      printJson(report.indicators.map(indicatorJson));
      return;
    }
    const from = report.source.kind === 'live' ? '当前台账' : `${report.source.takenOn} 的统计快照`;
    process.stdout.write(`${opened.settings.township}覆盖指标（${from}，统计截止 ${report.asOf}）\n`);
    for (const i of report.indicators) {
      const status = i.met === null ? '无数据' : i.met ? '达标' : `未达标，还差 ${i.shortfall} 家`;
      const target = i.target === null ? '不设目标' : `目标 ${percent(i.target)}`;
      process.stdout.write(`${i.name}\t${i.numerator}/${i.denominator}\t${percent(i.rate)}\t${target}\t${status}\n`);
    }
  },
};

async function snapshotOnOrBefore(core: CoreClient, raw: string | boolean): Promise<number> {
  if (typeof raw !== 'string' || !isCalendarDate(raw)) {
    throw new CliError(`--snapshot 应为日期，例如 2026-08-31，实际为“${String(raw)}”`, 2);
  }
  const snapshots = await call<SnapshotItem[]>(core, 'snapshots:list', {});
  // Listed oldest first; the newest on or before the date wins, and of two on one day the later taken.
  const found = snapshots.filter((s) => s.takenOn <= raw).at(-1);
  if (!found) throw new CliError(`台账中没有 ${raw} 或之前生成的统计快照`);
  return found.id;
}
