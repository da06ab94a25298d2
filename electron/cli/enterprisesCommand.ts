import type { EnterpriseListRow } from '../../shared/domain/enterprise';
import { ENTERPRISE_KINDS, ORG_SETTINGS } from '../../shared/domain/labels';
import type { Lookups } from '../../shared/domain/lookups';
import { ENTERPRISE_PAGE_MAX, type EnterprisePage, type EnterpriseQuery } from '../../shared/ipc/enterprises';
import type { OpenLedger } from '../../shared/ipc/ledgers';
import type { CoreClient } from '../core/host/coreClient';
import { call, CliError, ledgerPassword, ledgerPath, positiveInt, printJson } from './io';

type Values = Record<string, string | boolean | undefined>;

/** The ledger list as the screen shows it, through the same search and filter code, read-only. */
export const enterprisesCommand = {
  help: '用法：yiqiyice enterprises --ledger 文件.yqyc [--password-file 密码文件] [--search 名称/拼音首字母/信用代码] [--area 区域名称] [--limit 条数] [--json]',
  options: {
    ledger: { type: 'string' },
    'password-file': { type: 'string' },
    search: { type: 'string' },
    area: { type: 'string' },
    limit: { type: 'string' },
    json: { type: 'boolean' },
  } as const,
  async run(core: CoreClient, v: Values): Promise<void> {
    const fileRef = await core.grant(ledgerPath(v.ledger, '--ledger'), 'open');
    await call<OpenLedger>(core, 'ledgers:openFile', { fileRef, readOnly: true, password: ledgerPassword(v) });
    const query: EnterpriseQuery = {};
    if (typeof v.search === 'string') query.search = v.search;
    if (typeof v.area === 'string') query.areaIds = [await areaId(core, v.area)];
    const limit = positiveInt(v.limit, '--limit');

    const rows: EnterpriseListRow[] = [];
    for (;;) {
      const want = Math.min(ENTERPRISE_PAGE_MAX, limit === undefined ? ENTERPRISE_PAGE_MAX : limit - rows.length);
      if (want <= 0) break;
      const page = await call<EnterprisePage>(core, 'enterprises:list', { query, offset: rows.length, limit: want });
      rows.push(...page.rows);
      if (page.rows.length < want || rows.length >= page.total) break;
    }

    if (v.json) {
      printJson(
        rows.map((r) => ({
          id: r.id,
          name: r.name,
          uscc: r.uscc ?? '',
          area: r.areaName,
          sizeBand: r.sizeBand,
          kind: r.kind,
          employees: r.employees,
          revenue: r.revenue,
          fullMembers: r.fullMembers,
          probationaryMembers: r.probationaryMembers,
          orgSetting: r.orgSetting,
          operatingStatus: r.operatingStatus,
        })),
      );
      return;
    }
    for (const r of rows) {
      const band = r.sizeBand === 'unknown' ? '不详' : `${r.sizeBand}类`;
      process.stdout.write(
        `${r.id}\t${r.name}\t${r.uscc ?? '—'}\t${r.areaName}\t${ENTERPRISE_KINDS[r.kind]}\t${band}\t党员${r.fullMembers}/${r.probationaryMembers}\t${ORG_SETTINGS[r.orgSetting]}\n`,
      );
    }
    process.stdout.write(`共 ${rows.length} 家\n`);
  },
};

async function areaId(core: CoreClient, name: string): Promise<number> {
  const { areas } = await call<Lookups>(core, 'settings:lookups', {});
  const found = areas.find((a) => a.name === name.trim());
  if (!found) {
    throw new CliError(`台账中没有名为“${name}”的区域。现有区域：${areas.map((a) => a.name).join('、')}`, 2);
  }
  return found.id;
}
