import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { beforeEach, expect } from 'vitest';
import { enterpriseInput, type EnterpriseInput } from '../../shared/domain/enterpriseInput';
import type { Indicator, IndicatorResult, StatsReport, StatsSettings } from '../../shared/domain/indicators';
import type { AreaType } from '../../shared/domain/labels';
import type { Saved } from '../../shared/ipc/fields';
import type { RecentLedger } from '../../shared/ipc/ledgers';
import type { AppErrorShape } from '../../shared/ipc/result';
import type { Db } from '../../electron/core/db/open';
import type { CoreClient } from '../../electron/core/host/coreClient';
import { inProcessCore } from '../../electron/core/host/inProcessCore';
import { useTempDir, valueOf } from './helpers';

/** Noon, local time, on a calendar day: the day the clerk's calendar shows, whatever the time zone. */
export const noon = (day: string): Date => {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d, 12);
};

export const TODAY = '2026-11-21';

/**
 * A fresh empty ledger per test, driven through `invoke` like the screen, with the clock under the test's
 * hand (today is 2026-11-21 unless moved) and helpers that build a small township: areas, work groups,
 * instructors, enterprises, organisations linked the way the product links them (so 组织设置 is derived), logs.
 */
export function useStatsLedger() {
  const tmp = useTempDir();
  let core: CoreClient;
  let clock = noon(TODAY);
  let defaultArea = 0;
  let orgNo = 0;

  beforeEach(async () => {
    clock = noon(TODAY);
    orgNo = 0;
    core = inProcessCore({ dataDir: tmp.dir(), now: () => clock, actor: '王文书' });
    tmp.onCleanup(() => core.close());
    valueOf(
      await core.invoke('ledgers:create', {
        settings: { township: '长乐镇', committee: '中共长乐镇委员会', docCode: '长委' },
      }),
    );
    defaultArea = await area('长安村');
  });

  const call = async <T>(channel: string, payload: unknown = {}) => valueOf<T>(await core.invoke(channel, payload));

  async function errorOf(channel: string, payload: unknown = {}): Promise<AppErrorShape> {
    const result = await core.invoke(channel, payload);
    expect(result.ok, `${channel} should fail`).toBe(false);
    if (result.ok) throw new Error('unreachable');
    return result.error as AppErrorShape;
  }

  async function area(name: string, type: AreaType = 'village'): Promise<number> {
    return (await call<{ id: number }>('areas:save', { name, type })).id;
  }
  const workGroup = async (name: string) => (await call<{ id: number }>('workGroups:save', { name })).id;
  const instructor = async (name: string) => (await call<{ id: number }>('instructors:save', { name })).id;
  const leader = async (name: string) => (await call<{ id: number }>('leaders:save', { name })).id;

  /** An active 企业 in the default village unless told otherwise; no members, no organisation. */
  async function enterprise(name: string, fields: Partial<EnterpriseInput> = {}): Promise<number> {
    return (await call<Saved>('enterprises:create', { input: { name, areaId: defaultArea, ...fields } })).id;
  }
  async function update(id: number, fields: Partial<EnterpriseInput>): Promise<void> {
    const current = await call<Record<string, unknown>>('enterprises:get', { id });
    // The detail carries more than the form sends (names, derived fields): keep only what the form has.
    const input = Object.fromEntries(Object.entries(current).filter(([k]) => k in enterpriseInput.shape));
    await call('enterprises:update', { id, input: { ...input, ...fields } });
  }

  /** 单独建立: an enterprise's own branch. */
  const standalone = (enterpriseId: number) =>
    call<Saved>('partyOrgs:save', {
      input: { name: `第${++orgNo}党支部`, type: 'branch' },
      enterpriseIds: [enterpriseId],
    });
  /** 联合建立: one joint branch over several enterprises. */
  const joint = (enterpriseIds: number[]) =>
    call<Saved>('partyOrgs:save', { input: { name: `第${++orgNo}联合党支部`, type: 'joint-branch' }, enterpriseIds });
  /** 挂靠: attached to a village committee (a 属地 organisation). */
  const attached = (enterpriseIds: number[]) =>
    call<Saved>('partyOrgs:save', {
      input: { name: `第${++orgNo}村党委`, type: 'committee', host: 'locality' },
      enterpriseIds,
    });

  const log = (enterpriseId: number, heldOn: string) =>
    call<Saved>('workLogs:save', { input: { enterpriseId, heldOn, kind: 'visit' } });

  const report = (snapshotId?: number) =>
    call<StatsReport>('stats:report', snapshotId === undefined ? {} : { snapshotId });
  async function result(key: string, snapshotId?: number): Promise<IndicatorResult> {
    const found = (await report(snapshotId)).indicators.find((i) => i.key === key);
    if (!found) throw new Error(`indicator ${key} is not in the report`);
    return found;
  }
  /** numerator / denominator of one indicator, the shape most assertions compare. */
  const counts = async (key: string) => {
    const r = await result(key);
    return { numerator: r.numerator, denominator: r.denominator };
  };

  const indicators = () => call<Indicator[]>('indicators:list');
  const indicatorId = async (key: string) => (await indicators()).find((i) => i.key === key)!.id;
  async function saveSettings(settings: StatsSettings): Promise<void> {
    await call('stats:saveSettings', { settings });
  }

  /** The enterprise ids the live ledger list gives for a number, through the handler the 企业台账 tab calls. */
  async function listed(selection: Record<string, unknown>): Promise<number[]> {
    const ids = await call<number[]>('enterprises:ids', { query: { indicator: selection } });
    const page = await call<{ total: number; rows: { id: number }[] }>('enterprises:list', {
      query: { indicator: selection },
      limit: 500,
    });
    expect(page.total).toBe(ids.length);
    expect(page.rows.map((r) => r.id).sort((a, b) => a - b)).toEqual([...ids].sort((a, b) => a - b));
    return [...ids].sort((a, b) => a - b);
  }

  /** A second, read-only connection to the open ledger's file: what is really stored. */
  async function readFile<T>(read: (db: Db) => T): Promise<T> {
    const [recent] = await call<RecentLedger[]>('ledgers:listRecent');
    const db = new Database(join(recent!.folder, recent!.fileName), { readonly: true });
    try {
      return read(db);
    } finally {
      db.close();
    }
  }

  return {
    core: () => core,
    setToday: (day: string) => (clock = noon(day)),
    call,
    errorOf,
    area,
    defaultArea: () => defaultArea,
    workGroup,
    instructor,
    leader,
    enterprise,
    update,
    standalone,
    joint,
    attached,
    log,
    report,
    result,
    counts,
    indicators,
    indicatorId,
    saveSettings,
    listed,
    readFile,
  };
}
