import { FORMATION_METHODS } from '../../shared/domain/labels';
import { PLAN_STATUSES, type Campaign, type PlanRow } from '../../shared/domain/plans';
import type { Page } from '../../shared/ipc/fields';
import type { OpenLedger } from '../../shared/ipc/ledgers';
import type { CoreClient } from '../core/host/coreClient';
import { call, CliError, ledgerPassword, ledgerPath, printJson } from './io';

type Values = Record<string, string | boolean | undefined>;

/** The most rows plans:list gives at once; the command reads page after page. */
const PAGE = 500;

/**
 * Every plan — or one campaign's — in the progress board's order (overdue first, then by the next due date), read
 * from the same list as the 推进情况 screen, read-only.
 */
export const plansCommand = {
  help: '用法：yiqiyice plans --ledger 文件.yqyc [--password-file 密码文件] [--campaign 专项行动名称] [--json]',
  options: {
    ledger: { type: 'string' },
    'password-file': { type: 'string' },
    campaign: { type: 'string' },
    json: { type: 'boolean' },
  } as const,
  async run(core: CoreClient, v: Values): Promise<void> {
    const fileRef = await core.grant(ledgerPath(v.ledger, '--ledger'), 'open');
    const opened = await call<OpenLedger>(core, 'ledgers:openFile', {
      fileRef,
      readOnly: true,
      password: ledgerPassword(v),
    });
    const campaignId = v.campaign === undefined ? undefined : await campaignNamed(core, v.campaign);
    const rows: PlanRow[] = [];
    for (let offset = 0; ; offset += PAGE) {
      const page = await call<Page<PlanRow>>(core, 'plans:list', { campaignId, offset, limit: PAGE });
      rows.push(...page.rows);
      if (page.rows.length < PAGE || rows.length >= page.total) break;
    }
    if (v.json) {
      printJson(
        rows.map((r) => ({
          id: r.id,
          enterprise: r.enterpriseName,
          uscc: r.uscc,
          status: r.status,
          statusLabel: PLAN_STATUSES[r.status],
          method: r.method,
          methodLabel: r.method === null ? null : FORMATION_METHODS[r.method],
          nextMilestone: r.nextMilestone,
          overdue: r.overdue,
        })),
      );
      return;
    }
    const scope = typeof v.campaign === 'string' ? `专项行动“${v.campaign}”` : '全部';
    if (rows.length === 0) {
      process.stdout.write(`${opened.settings.township}台账：${scope}没有方案\n`);
      return;
    }
    for (const r of rows) {
      const next = r.nextMilestone ? `${r.nextMilestone.due} ${r.nextMilestone.name}` : '—';
      const method = r.method === null ? '未定' : FORMATION_METHODS[r.method];
      const flag = r.overdue ? '\t逾期' : '';
      process.stdout.write(`${r.enterpriseName}\t${PLAN_STATUSES[r.status]}\t${method}\t${next}${flag}\n`);
    }
    const overdue = rows.filter((r) => r.overdue).length;
    process.stdout.write(`共 ${rows.length} 个方案，逾期 ${overdue} 个（${opened.settings.township}台账，${scope}）\n`);
  },
};

/** The id of the campaign named on the command line; a Chinese refusal listing the ledger's campaigns otherwise. */
export async function campaignNamed(core: CoreClient, raw: string | boolean): Promise<number> {
  const name = typeof raw === 'string' ? raw.trim() : '';
  if (name === '') throw new CliError('--campaign 应为专项行动名称', 2);
  const campaigns = await call<Campaign[]>(core, 'campaigns:list', {});
  const found = campaigns.find((c) => c.name === name);
  if (!found) {
    const known = campaigns.map((c) => `“${c.name}”`).join('、');
    throw new CliError(`台账中没有名为“${name}”的专项行动${known ? `；现有：${known}` : '（台账中还没有专项行动）'}`);
  }
  return found.id;
}
