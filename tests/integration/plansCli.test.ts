import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import type { Campaign, PlanDetail } from '../../shared/domain/plans';
import type { Saved } from '../../shared/ipc/fields';
import { CliError } from '../../electron/cli/io';
import type { CoreClient } from '../../electron/core/host/coreClient';
import { inProcessCore } from '../../electron/core/host/inProcessCore';
import { SAMPLE_CAMPAIGN_NAME } from '../../electron/core/sample/plans';
import { npmCli, runCommand } from './cliRun';
import { useTempDir, valueOf } from './helpers';
import { noon, TODAY } from './statsSetup';

/**
 * `yiqiyice plans --ledger FILE [--campaign NAME] --json`: every plan as the 推进情况 board lists it. The ledger is
 * built through the core, closed, and then read by the command as main.ts runs it. Milestones lie in 2020 (overdue
 * whatever day the tests run) or 2099 (never), so the real command line, which runs on the real clock, agrees.
 */
const tmp = useTempDir();
let ledger: string;

const core = (): CoreClient => {
  const c = inProcessCore({ dataDir: join(tmp.dir(), 'data'), now: () => noon(TODAY) });
  tmp.onCleanup(() => c.close());
  return c;
};

interface Row {
  id: number;
  enterprise: string;
  uscc: string | null;
  status: string;
  statusLabel: string;
  method: string | null;
  methodLabel: string | null;
  nextMilestone: { name: string; due: string } | null;
  overdue: boolean;
}

const run = (values: Record<string, string | boolean | undefined>) => runCommand('plans', core(), values);
const json = async (values: Record<string, string | boolean | undefined> = {}) =>
  JSON.parse(await run({ ledger, json: true, ...values })) as Row[];

let ids: { jia: number; yi: number; bing: number };

/** 甲 approved in the campaign, overdue since 2020; 乙 draft in the campaign; 丙 a plan of the year, shelved. */
beforeEach(async () => {
  ledger = join(tmp.dir(), '长乐镇.yqyc');
  const maker = core();
  const call = async <T>(channel: string, payload: unknown) => valueOf<T>(await maker.invoke(channel, payload));
  await call('ledgers:create', {
    settings: { township: '长乐镇', committee: '中共长乐镇委员会', docCode: '长委' },
    target: await maker.grant(ledger, 'create'),
  });
  const areaId = (await call<{ id: number }>('areas:save', { name: '长安村', type: 'village' })).id;
  const enterprise = async (name: string, more: Record<string, unknown>) =>
    (
      await call<Saved>('enterprises:create', {
        input: { name, areaId, fullMembers: 1, membersInEnterprise: 1, ...more },
      })
    ).id;
  ids = {
    jia: await enterprise('甲机械有限公司', { uscc: '91330683229742256F' }),
    yi: await enterprise('乙纺织有限公司', {}),
    bing: await enterprise('丙印染有限公司', {}),
  };
  const campaign = await call<Campaign>('campaigns:save', {
    input: { name: '集中攻坚月', startOn: '2020-01-01', endOn: '2099-12-31' },
  });
  const plan = async (enterpriseId: number, more: Record<string, unknown>) =>
    call<PlanDetail>('plans:save', { input: { enterpriseId, year: 2026, startOn: '2020-01-01', ...more } });
  const jia = await plan(ids.jia, {
    campaignId: campaign.id,
    method: 'standalone',
    measures: ['上门宣讲'],
    milestones: [
      { name: '企业提出组建请示', dueOn: '2020-02-01' },
      { name: '镇党委批复同意组建', dueOn: '2099-01-01' },
    ],
  });
  await call('plans:transition', { id: jia.id, action: 'submit' });
  await call('plans:transition', { id: jia.id, action: 'approve', on: '2020-01-05' });
  await plan(ids.yi, { campaignId: campaign.id, milestones: [{ name: '企业提出组建请示', dueOn: '2099-02-01' }] });
  const bing = await plan(ids.bing, { method: 'village-joint', milestones: [{ name: '请示', dueOn: '2020-03-01' }] });
  await call('plans:transition', { id: bing.id, action: 'shelve', reason: '企业停产' });
  await maker.close();
});
afterEach(() => vi.restoreAllMocks());

describe('plans --json', () => {
  test('prints every plan in exactly the documented shape, overdue first', async () => {
    const printed = await run({ ledger, json: true });
    expect(printed.endsWith('\n')).toBe(true);
    const rows = JSON.parse(printed) as Row[];
    for (const r of rows) {
      expect(Object.keys(r)).toEqual([
        'id',
        'enterprise',
        'uscc',
        'status',
        'statusLabel',
        'method',
        'methodLabel',
        'nextMilestone',
        'overdue',
      ]);
    }
    expect(rows.map(({ id: _id, uscc: _uscc, ...r }) => r)).toEqual([
      {
        enterprise: '甲机械有限公司',
        status: 'approved',
        statusLabel: '已批准',
        method: 'standalone',
        methodLabel: '单独组建',
        nextMilestone: { name: '企业提出组建请示', due: '2020-02-01' },
        overdue: true,
      },
      // Shelved: its milestone is long past, but a shelved plan is never overdue.
      {
        enterprise: '丙印染有限公司',
        status: 'shelved',
        statusLabel: '搁置',
        method: 'village-joint',
        methodLabel: '村企联建',
        nextMilestone: { name: '请示', due: '2020-03-01' },
        overdue: false,
      },
      {
        enterprise: '乙纺织有限公司',
        status: 'draft',
        statusLabel: '草拟',
        method: null,
        methodLabel: null,
        nextMilestone: { name: '企业提出组建请示', due: '2099-02-01' },
        overdue: false,
      },
    ]);
    expect(rows[0]!.uscc).toBe('91330683229742256F');
    expect(rows[2]!.uscc).toBeNull();
  });

  test('--campaign narrows to the campaign named; an unknown name is a clear error listing the known ones', async () => {
    expect((await json({ campaign: '集中攻坚月' })).map((r) => r.enterprise)).toEqual([
      '甲机械有限公司',
      '乙纺织有限公司',
    ]);
    await expect(run({ ledger, json: true, campaign: '回头看' })).rejects.toThrow(
      new CliError('台账中没有名为“回头看”的专项行动；现有：“集中攻坚月”'),
    );
    await expect(run({ ledger, json: true, campaign: '' })).rejects.toMatchObject({ exitCode: 2 });
  });

  test('reads the ledger read-only: nothing is written', async () => {
    const batches = () => {
      const db = new Database(ledger, { readonly: true });
      try {
        return db.prepare('SELECT count(*) FROM change_batches').pluck().get();
      } finally {
        db.close();
      }
    };
    const before = batches();
    await json();
    expect(batches()).toBe(before);
  });

  test('without --json prints a Chinese table with a count', async () => {
    const lines = (await run({ ledger })).trim().split('\n');
    expect(lines[0]).toBe('甲机械有限公司\t已批准\t单独组建\t2020-02-01 企业提出组建请示\t逾期');
    expect(lines[2]).toBe('乙纺织有限公司\t草拟\t未定\t2099-02-01 企业提出组建请示');
    expect(lines.at(-1)).toBe('共 3 个方案，逾期 1 个（长乐镇台账，全部）');
  });
});

describe('the sample ledger', () => {
  test('holds plans in every state in its campaign, some overdue, a done one on an enterprise with its organisation', async () => {
    const sample = join(tmp.dir(), '示例.yqyc');
    const maker = core();
    valueOf(await maker.invoke('ledgers:createSample', { target: await maker.grant(sample, 'create') }));
    await maker.close();
    const rows = JSON.parse(await run({ ledger: sample, json: true, campaign: SAMPLE_CAMPAIGN_NAME })) as Row[];
    expect(new Set(rows.map((r) => r.status))).toEqual(
      new Set(['draft', 'submitted', 'approved', 'in_progress', 'done', 'shelved']),
    );
    expect(rows.filter((r) => r.overdue).length).toBeGreaterThanOrEqual(2);
    expect(
      rows.filter((r) => r.overdue).every((r) => ['draft', 'submitted', 'approved', 'in_progress'].includes(r.status)),
    ).toBe(true);
    expect(rows.slice(0, rows.filter((r) => r.overdue).length).every((r) => r.overdue)).toBe(true);
    const db = new Database(sample, { readonly: true });
    try {
      const done = db
        .prepare(
          `SELECT e.org_setting FROM plans p JOIN enterprises e ON e.id = p.enterprise_id WHERE p.status = 'done'`,
        )
        .pluck()
        .all();
      expect(done).toEqual(['standalone']);
    } finally {
      db.close();
    }
  });
});

describe('the command line itself', () => {
  test('npm run cli -- plans --json prints the JSON on stdout; an unknown campaign exits non-zero with the reason', async () => {
    const dataDir = join(tmp.dir(), 'cli-data');
    const { code, stdout } = await npmCli(['plans', '--ledger', ledger, '--json'], dataDir);
    expect(code).toBe(0);
    const rows = JSON.parse(stdout) as Row[];
    expect(rows.map((r) => [r.enterprise, r.status, r.overdue])).toEqual([
      ['甲机械有限公司', 'approved', true],
      ['丙印染有限公司', 'shelved', false],
      ['乙纺织有限公司', 'draft', false],
    ]);
    const failed = await npmCli(['plans', '--ledger', ledger, '--campaign', '回头看', '--json'], dataDir);
    expect(failed).toMatchObject({ code: 1, stdout: '' });
    expect(failed.stderr).toContain('错误：台账中没有名为“回头看”的专项行动');
  }, 60_000);
});
