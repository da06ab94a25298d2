import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import type { Saved } from '../../shared/ipc/fields';
import { CliError } from '../../electron/cli/io';
import type { CoreClient } from '../../electron/core/host/coreClient';
import { inProcessCore } from '../../electron/core/host/inProcessCore';
import { npmCli, runCommand } from './cliRun';
import { useTempDir, valueOf } from './helpers';
import { noon, TODAY } from './statsSetup';

/**
 * `yiqiyice stats --ledger FILE [--snapshot DATE] --json`: every enabled indicator as the dashboard counts it,
 * live or from the snapshot taken on or before a date. The ledger is built through the core, closed, and then
 * read by the command as main.ts runs it.
 */
const tmp = useTempDir();
let ledger: string;
let clock: Date;

const core = (): CoreClient => {
  const c = inProcessCore({ dataDir: join(tmp.dir(), 'data'), now: () => clock });
  tmp.onCleanup(() => c.close());
  return c;
};

interface Row {
  id: string;
  name: string;
  numerator: number;
  denominator: number;
  rate: number | null;
  target: number | null;
  met: boolean | null;
}

const run = (values: Record<string, string | boolean | undefined>) => runCommand('stats', core(), values);
const json = async (values: Record<string, string | boolean | undefined> = {}) =>
  JSON.parse(await run({ ledger, json: true, ...values })) as Row[];
const byId = (rows: Row[]) => Object.fromEntries(rows.map((r) => [r.id, r]));

/**
 * Three enterprises: 甲 (100人, 3 正式党员, own branch), 乙 (90人), 丙 (10人). Snapshots on 06-30 (before 甲's
 * branch), 09-30 (after) and a second one on 09-30 after 乙 joins 挂靠.
 */
let ids: Record<'jia' | 'yi' | 'bing', number>;
let snapshotIds: { june: number; september: number; septemberLater: number };

beforeEach(async () => {
  clock = noon(TODAY);
  ledger = join(tmp.dir(), '长乐镇.yqyc');
  const maker = core();
  const call = async <T>(channel: string, payload: unknown) => valueOf<T>(await maker.invoke(channel, payload));
  await call('ledgers:create', {
    settings: { township: '长乐镇', committee: '中共长乐镇委员会', docCode: '长委' },
    target: await maker.grant(ledger, 'create'),
  });
  const areaId = (await call<{ id: number }>('areas:save', { name: '长安村', type: 'village' })).id;
  const enterprise = async (name: string, more: Record<string, unknown>) =>
    (await call<Saved>('enterprises:create', { input: { name, areaId, ...more } })).id;
  ids = {
    jia: await enterprise('甲机械有限公司', { employees: 100, fullMembers: 3 }),
    yi: await enterprise('乙纺织有限公司', { employees: 90 }),
    bing: await enterprise('丙五金有限公司', { employees: 10 }),
  };
  const take = async (takenOn: string) => (await call<{ id: number }>('snapshots:take', { takenOn, label: '' })).id;
  const june = await take('2026-06-30');
  await call('partyOrgs:save', { input: { name: '甲机械党支部', type: 'branch' }, enterpriseIds: [ids.jia] });
  const september = await take('2026-09-30');
  await call('partyOrgs:save', {
    input: { name: '长安村党委', type: 'committee', host: 'locality' },
    enterpriseIds: [ids.yi],
  });
  const septemberLater = await take('2026-09-30');
  snapshotIds = { june, september, septemberLater };
  await maker.close();
});
afterEach(() => vi.restoreAllMocks());

describe('stats --json', () => {
  test('prints every enabled indicator in exactly the documented shape', async () => {
    const printed = await run({ ledger, json: true });
    expect(printed.endsWith('\n')).toBe(true);
    const rows = JSON.parse(printed) as Row[];
    for (const r of rows)
      expect(Object.keys(r)).toEqual(['id', 'name', 'numerator', 'denominator', 'rate', 'target', 'met']);
    // Live: 甲 单独建立, 乙 挂靠, 丙 未建立.
    expect(rows).toEqual([
      // 有党员: 甲 alone, covered → 1/1.
      {
        id: 'org-coverage-members',
        name: '有党员企业的组织覆盖率',
        numerator: 1,
        denominator: 1,
        rate: 1,
        target: 1,
        met: true,
      },
      // 80人以上: 甲 (100) and 乙 (90), both covered → 2/2.
      {
        id: 'org-coverage-80plus',
        name: '从业80人以上企业的组织覆盖率',
        numerator: 2,
        denominator: 2,
        rate: 1,
        target: 1,
        met: true,
      },
      // 50–79 and ≥ 500万元: nobody → rate and met null.
      {
        id: 'org-coverage-50to79',
        name: '从业50–79人且营业收入500万元以上企业的组织覆盖率',
        numerator: 0,
        denominator: 0,
        rate: null,
        target: 1,
        met: null,
      },
      // 组建率: 2 of 3 = 0.666… → 0.6667 (four decimals), ≥ 35%.
      { id: 'formation-rate', name: '总体组建率', numerator: 2, denominator: 3, rate: 0.6667, target: 0.35, met: true },
      // 工作覆盖: 丙 without an organisation, no party work → 0/1.
      { id: 'work-coverage', name: '党的工作覆盖率', numerator: 0, denominator: 1, rate: 0, target: 0.4, met: false },
    ]);
  });

  test('is what stats:report gives the dashboard, and leaves the ledger untouched', async () => {
    const batches = () => {
      const db = new Database(ledger, { readonly: true });
      try {
        return db.prepare('SELECT count(*) FROM change_batches').pluck().get();
      } finally {
        db.close();
      }
    };
    const before = batches();
    const c = core();
    const out = await runCommand('stats', c, { ledger, json: true });
    const report = valueOf<{
      indicators: { key: string; numerator: number; denominator: number; rate: number | null }[];
    }>(await c.invoke('stats:report', {}));
    expect((JSON.parse(out) as Row[]).map((r) => [r.id, r.numerator, r.denominator, r.rate])).toEqual(
      report.indicators.map((i) => [i.key, i.numerator, i.denominator, i.rate]),
    );
    expect(valueOf<{ readOnly: boolean }>(await c.invoke('ledgers:current', {})).readOnly).toBe(true);
    expect(batches()).toBe(before);
  });

  test('--snapshot picks the snapshot taken on or before the date, the later of two on one day', async () => {
    // 06-30: nobody covered. 组建率 0/3, 80人以上 0/2, 有党员 0/1.
    const june = byId(await json({ snapshot: '2026-06-30' }));
    expect(june['formation-rate']).toMatchObject({ numerator: 0, denominator: 3, rate: 0, met: false });
    expect(june['org-coverage-80plus']).toMatchObject({ numerator: 0, denominator: 2, rate: 0, met: false });
    // A date between two snapshots takes the earlier one.
    expect(await json({ snapshot: '2026-09-29' })).toEqual(await json({ snapshot: '2026-06-30' }));
    // 09-30: two snapshots that day; the later (乙 挂靠 too) wins → 组建率 2/3, 80人以上 2/2.
    const september = byId(await json({ snapshot: '2026-09-30' }));
    expect(september['formation-rate']).toMatchObject({ numerator: 2, denominator: 3, rate: 0.6667 });
    expect(september['org-coverage-80plus']).toMatchObject({ numerator: 2, denominator: 2, rate: 1, met: true });
    expect(await json({ snapshot: '2026-11-01' })).toEqual(await json({ snapshot: '2026-09-30' }));
    void snapshotIds;
  });

  test('a snapshot freezes the indicators too: one disabled since still prints from the snapshot', async () => {
    const c = core();
    valueOf(await c.invoke('ledgers:openFile', { fileRef: await c.grant(ledger, 'open') }));
    const list = valueOf<
      {
        id: number;
        key: string;
        name: string;
        denominator: unknown;
        numerator: unknown;
        target: number;
        note: string;
      }[]
    >(await c.invoke('indicators:list', {}));
    const off = list.find((i) => i.key === 'org-coverage-50to79')!;
    valueOf(
      await c.invoke('indicators:save', {
        id: off.id,
        input: {
          name: off.name,
          denominator: off.denominator,
          numerator: off.numerator,
          target: off.target,
          note: off.note,
          enabled: false,
        },
      }),
    );
    await c.close();
    expect((await json()).map((r) => r.id)).not.toContain('org-coverage-50to79');
    expect((await json({ snapshot: '2026-09-30' })).map((r) => r.id)).toContain('org-coverage-50to79');
  });

  test('no snapshot on or before the date: a clear error', async () => {
    await expect(run({ ledger, json: true, snapshot: '2026-06-29' })).rejects.toThrow(
      new CliError('台账中没有 2026-06-29 或之前生成的统计快照'),
    );
  });

  test('a malformed date is refused as a usage error (exit code 2)', async () => {
    for (const bad of ['2026-9-30', '2026-02-30', '9月30日', '']) {
      const error = await run({ ledger, json: true, snapshot: bad }).then(
        () => null,
        (e: unknown) => e,
      );
      expect(error, bad).toBeInstanceOf(CliError);
      expect(error, bad).toMatchObject({
        exitCode: 2,
        message: `--snapshot 应为日期，例如 2026-08-31，实际为“${bad}”`,
      });
    }
  });

  test('without --json prints a Chinese table with the shortfall', async () => {
    const printed = await run({ ledger, snapshot: '2026-06-30' });
    const lines = printed.trim().split('\n');
    expect(lines[0]).toBe('长乐镇覆盖指标（2026-06-30 的统计快照，统计截止 2026-06-30）');
    // 组建率 0/3: 35% of 3 = 1.05 → 2 needed.
    expect(lines).toContain('总体组建率\t0/3\t0.0%\t目标 35.0%\t未达标，还差 2 家');
    expect(lines).toContain('从业50–79人且营业收入500万元以上企业的组织覆盖率\t0/0\t—\t目标 100.0%\t无数据');
  });
});

describe('the command line itself', () => {
  test('npm run cli -- stats --json prints the JSON on stdout; a missing snapshot exits non-zero with the reason', async () => {
    const dataDir = join(tmp.dir(), 'cli-data');
    const { code, stdout } = await npmCli(['stats', '--ledger', ledger, '--json'], dataDir);
    expect(code).toBe(0);
    const rows = JSON.parse(stdout) as Row[];
    expect(rows.map((r) => r.id)).toEqual([
      'org-coverage-members',
      'org-coverage-80plus',
      'org-coverage-50to79',
      'formation-rate',
      'work-coverage',
    ]);
    expect(byId(rows)['formation-rate']).toEqual({
      id: 'formation-rate',
      name: '总体组建率',
      numerator: 2,
      denominator: 3,
      rate: 0.6667,
      target: 0.35,
      met: true,
    });
    const snap = await npmCli(['stats', '--ledger', ledger, '--snapshot', '2026-07-01', '--json'], dataDir);
    expect(byId(JSON.parse(snap.stdout) as Row[])['formation-rate']).toMatchObject({ numerator: 0, denominator: 3 });

    const failed = await npmCli(['stats', '--ledger', ledger, '--snapshot', '2020-01-01', '--json'], dataDir);
    expect(failed).toMatchObject({ code: 1, stdout: '' });
    expect(failed.stderr).toContain('错误：台账中没有 2020-01-01 或之前生成的统计快照');
  }, 60_000);
});
