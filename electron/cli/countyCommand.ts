import { localDate } from '../../shared/domain/enterpriseRules';
import type { CoreClient } from '../core/host/coreClient';
import { closeTownships, openTownships } from '../core/county/townships';
import { countyReport, type CountyIndicator, type CountyReport } from '../core/county/merge';
import { AppError } from '../core/errors';
import { PARTY_STATS_COLUMNS, PARTY_STATS_ROWS } from '../core/reports/partyStats';
import { indicatorJson, percent } from './indicatorOutput';
import { CliError, ledgerPassword, ledgerPath, printJson } from './io';

type Values = Record<string, string | boolean | (string | boolean)[] | undefined>;

/**
 * The county's indicators over several township ledgers, each opened read-only, with a row per township, the
 * 党内统计 form summed, and the enterprises found on two townships' rolls. The ledgers are opened here rather than
 * through the core's one open ledger: the core holds one ledger at a time, and the county needs them all at once.
 */
export const countyCommand = {
  help: '用法：yiqiyice county --ledgers 甲镇.yqyc 乙镇.yqyc … [--password-file 密码文件（各台账共用）] [--json]',
  options: {
    ledgers: { type: 'string', multiple: true },
    'password-file': { type: 'string' },
    json: { type: 'boolean' },
  } as const,
  positionalList: 'ledgers',
  async run(_core: CoreClient, v: Values): Promise<void> {
    const paths = ledgerPaths(v);
    const password = ledgerPassword(v as Record<string, string | boolean | undefined>);
    let report: CountyReport;
    try {
      const ledgers = openTownships(paths, password);
      try {
        report = countyReport(ledgers, localDate(new Date()));
      } finally {
        closeTownships(ledgers);
      }
    } catch (e) {
      if (e instanceof AppError) throw new CliError(e.message);
      throw e;
    }
    if (v.json) printJson(countyJson(report));
    else printText(report);
  },
};

function ledgerPaths(v: Values): string[] {
  const given = [v.ledgers ?? []].flat();
  if (given.length === 0) throw new CliError(`缺少 --ledgers 参数（各乡镇的台账文件路径）\n${countyCommand.help}`, 2);
  return given.map((p) => ledgerPath(p, '--ledgers'));
}

function countyJson(r: CountyReport) {
  return {
    townships: r.townships.map((t) => ({
      township: t.township,
      file: t.file,
      enterprises: t.enterprises,
      indicators: t.indicators.map(indicatorJson),
    })),
    county: { enterprises: r.county.enterprises, indicators: r.county.indicators.map(indicatorJson) },
    duplicates: r.duplicates,
    partyStats: {
      columns: PARTY_STATS_COLUMNS,
      rows: r.county.partyStats.map((cells, i) => ({ line: i + 1, item: PARTY_STATS_ROWS[i], cells })),
    },
  };
}

function printText(r: CountyReport): void {
  const out = (line: string) => process.stdout.write(`${line}\n`);
  out(`全县汇总：${r.townships.length} 个乡镇，企业 ${r.county.enterprises} 家（各乡镇按默认指标口径统计）`);
  r.county.indicators.forEach((ind, i) => {
    out(`\n${ind.name}（${ind.target === null ? '不设目标' : `目标 ${percent(ind.target)}`}）`);
    const row = (name: string, c: CountyIndicator) => {
      const status = c.met === null ? '无数据' : c.met ? '达标' : `未达标，还差 ${c.shortfall} 家`;
      out(`${name}\t${c.numerator}/${c.denominator}\t${percent(c.rate)}\t${status}`);
    };
    for (const t of r.townships) row(t.township, t.indicators[i]!);
    row('全县合计', ind);
  });
  if (r.duplicates.length === 0) {
    out('\n未发现在两个以上乡镇登记的企业（按统一社会信用代码比对）');
    return;
  }
  out(`\n在两个以上乡镇登记的企业 ${r.duplicates.length} 家（按统一社会信用代码比对，未合并，请核实归属）：`);
  for (const d of r.duplicates)
    out(`${d.uscc}\t${d.entries.map((e) => `${e.township}（${e.file}）：${e.name}`).join('；')}`);
}
