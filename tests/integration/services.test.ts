import { pinyinInitials } from '../../electron/core/search/pinyinKeys';
import { LATEST_SCHEMA_VERSION } from '../../electron/core/db/migrations';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { beforeEach, describe, expect, test } from 'vitest';
import type { EnterpriseDetail } from '../../shared/domain/enterprise';
import { sizeBand } from '../../shared/domain/sizeBand';
import { CHANNELS } from '../../shared/ipc';
import type { EnterprisePage } from '../../shared/ipc/enterprises';
import type { OpenLedger, RecentLedger } from '../../shared/ipc/ledgers';
import { handlers } from '../../electron/core/handlers';
import type { CoreClient } from '../../electron/core/host/coreClient';
import { inProcessCore } from '../../electron/core/host/inProcessCore';
import { FIXED_NOW, useTempDir, valueOf } from './helpers';

const tmp = useTempDir();
let core: CoreClient;
const settings = { township: '长乐镇', committee: '中共长乐镇委员会', docCode: '长委' };

const ledgersDir = () => join(tmp.dir(), 'ledgers');
const ledgerFiles = () =>
  readdirSync(ledgersDir())
    .filter((f) => f.endsWith('.yqyc'))
    .sort();
const call = async <T>(channel: string, payload: unknown = {}) => valueOf<T>(await core.invoke(channel, payload));

async function errorOf(channel: string, payload: unknown = {}) {
  const result = await core.invoke(channel, payload);
  expect(result.ok, `${channel} should fail`).toBe(false);
  if (result.ok) throw new Error('unreachable');
  return result.error;
}

beforeEach(() => {
  core = inProcessCore({ dataDir: tmp.dir(), now: () => FIXED_NOW });
  tmp.onCleanup(() => core.close());
});

describe('the dispatcher', () => {
  test('has a handler for every channel of the contract, and no other', () => {
    expect(Object.keys(handlers).sort()).toEqual([...CHANNELS].sort());
  });

  test.each(['ledgers:delete', 'toString', '__proto__', '', 42, null])(
    'unknown channel %s → UNKNOWN_CHANNEL',
    async (channel) => {
      expect(await core.invoke(channel as string, {})).toEqual({
        ok: false,
        error: { code: 'UNKNOWN_CHANNEL', message: '不支持的操作' },
      });
    },
  );

  test('a missing payload counts as an empty one', async () => {
    expect(await core.invoke('ledgers:listRecent', undefined)).toEqual({ ok: true, value: [] });
  });
});

describe('before a ledger is open', () => {
  test.each([
    ['enterprises:list', {}],
    ['enterprises:get', { id: 1 }],
    ['ledgers:summary', {}],
  ])('%s → NO_LEDGER telling the clerk to open one', async (channel, payload) => {
    const error = await errorOf(channel, payload);
    expect(error.code).toBe('NO_LEDGER');
    expect(error.message).toContain('尚未打开台账');
  });

  test('ledgers:current is null and the recent list is empty', async () => {
    expect(await call('ledgers:current')).toBeNull();
    expect(await call('ledgers:listRecent')).toEqual([]);
  });

  test('after ledgers:close the same calls need a ledger again', async () => {
    await call('ledgers:create', { settings });
    expect((await call<EnterprisePage>('enterprises:list')).total).toBe(0);
    expect(await call('ledgers:close')).toBeNull();
    expect((await errorOf('enterprises:list')).code).toBe('NO_LEDGER');
    expect(await call('ledgers:current')).toBeNull();
  });
});

describe('ledgers:create', () => {
  test('makes 长乐镇.yqyc in the data folder, then 长乐镇(2).yqyc, never overwriting', async () => {
    const first = await call<OpenLedger>('ledgers:create', { settings });
    expect(first).toMatchObject({
      fileName: '长乐镇.yqyc',
      settings: { ...settings, docBanner: '中共长乐镇委员会文件', superiorUnit: '' },
      summary: { enterprises: 0, areas: 0, schemaVersion: LATEST_SCHEMA_VERSION },
      readOnly: false,
      notice: null,
    });
    expect(first.id).toMatch(/^[a-f0-9]{16}$/);

    const second = await call<OpenLedger>('ledgers:create', {
      settings: { ...settings, superiorUnit: '中共嵊州市委组织部' },
    });
    expect(second.fileName).toBe('长乐镇(2).yqyc');
    expect(second.id).not.toBe(first.id);
    expect(ledgerFiles()).toEqual(['长乐镇(2).yqyc', '长乐镇.yqyc']);
    // Creating the second closed the first cleanly (its WAL folded in); its settings are its own.
    expect(existsSync(join(ledgersDir(), '长乐镇.yqyc-wal'))).toBe(false);
    const raw = new Database(join(ledgersDir(), '长乐镇.yqyc'), { readonly: true });
    expect(raw.prepare('SELECT superior_unit FROM ledger_settings').all()).toEqual([{ superior_unit: '' }]);
    raw.close();
    expect((await call<OpenLedger>('ledgers:current')).fileName).toBe('长乐镇(2).yqyc');
  });

  test('writes the settings and a 新建台账 batch into the file', async () => {
    await call('ledgers:create', { settings: { ...settings, docBanner: '  长乐镇党委文件 ' } });
    await call('ledgers:close');
    const raw = new Database(join(ledgersDir(), '长乐镇.yqyc'), { readonly: true });
    expect(
      raw.prepare('SELECT township, committee, doc_code, doc_banner, created_at FROM ledger_settings').all(),
    ).toEqual([
      {
        township: '长乐镇',
        committee: '中共长乐镇委员会',
        doc_code: '长委',
        doc_banner: '长乐镇党委文件',
        created_at: FIXED_NOW.toISOString(),
      },
    ]);
    expect(raw.prepare('SELECT at, action FROM change_batches').all()).toEqual([
      { at: FIXED_NOW.toISOString(), action: '新建台账' },
    ]);
    raw.close();
  });

  test('a township name with path characters cannot escape the data folder', async () => {
    const opened = await call<OpenLedger>('ledgers:create', { settings: { ...settings, township: '../长乐镇' } });
    expect(opened.fileName).toBe('_长乐镇.yqyc');
    expect(ledgerFiles()).toEqual([opened.fileName]);
    expect(readdirSync(tmp.dir()).filter((f) => f.endsWith('.yqyc'))).toEqual([]);
  });

  test('ledgers:listRecent lists created ledgers newest first, with title, folder and time', async () => {
    const first = await call<OpenLedger>('ledgers:create', { settings });
    const second = await call<OpenLedger>('ledgers:create', {
      settings: { ...settings, township: '甘霖镇', docCode: '甘委' },
    });
    const recent = await call<RecentLedger[]>('ledgers:listRecent');
    expect(recent).toEqual([
      {
        id: second.id,
        title: '甘霖镇',
        fileName: '甘霖镇.yqyc',
        folder: ledgersDir(),
        lastOpenedAt: FIXED_NOW.toISOString(),
        exists: true,
      },
      {
        id: first.id,
        title: '长乐镇',
        fileName: '长乐镇.yqyc',
        folder: ledgersDir(),
        lastOpenedAt: FIXED_NOW.toISOString(),
        exists: true,
      },
    ]);
    // Opening an older one by its id moves it to the top.
    expect((await call<OpenLedger>('ledgers:open', { id: first.id })).fileName).toBe('长乐镇.yqyc');
    expect((await call<RecentLedger[]>('ledgers:listRecent')).map((r) => r.id)).toEqual([first.id, second.id]);
  });

  test('opening an id not in the recent list → NOT_FOUND', async () => {
    expect(await errorOf('ledgers:open', { id: '0123456789abcdef' })).toEqual({
      code: 'NOT_FOUND',
      message: '最近打开的列表中没有这个台账',
    });
  });
});

describe('malformed payloads → VALIDATION, nothing changed', () => {
  let opened: OpenLedger;
  beforeEach(async () => {
    opened = await call<OpenLedger>('ledgers:create', { settings });
  });

  test.each([
    ['ledgers:create', { settings: { ...settings, township: '' } }, 'settings.township', '乡镇名称'],
    ['ledgers:create', { settings: { ...settings, docCode: '长委〔2026〕' } }, 'settings.docCode', '发文机关代字'],
    ['ledgers:create', { settings: { ...settings, township: 7 } }, 'settings.township', '乡镇名称'],
    ['ledgers:create', { settings, surprise: 1 }, undefined, 'surprise'],
    ['ledgers:createSample', { enterprises: 0 }, 'enterprises', '企业数'],
    ['ledgers:createSample', { enterprises: 600, seed: -1 }, 'seed', '随机种子'],
    ['ledgers:createSample', { enterprises: '600' }, 'enterprises', '企业数'],
    ['ledgers:createSample', { path: '/tmp/x.yqyc' }, undefined, 'path'],
    ['enterprises:list', { offset: -1 }, 'offset', '起始行'],
    ['enterprises:list', { limit: 10_000 }, 'limit', '每页行数'],
    ['enterprises:list', { sortBy: 'name desc; --' }, 'sortBy', '排序字段'],
    ['enterprises:list', { offset: 0, extra: true }, undefined, 'extra'],
    ['enterprises:get', { id: '1' }, 'id', '企业编号'],
    ['enterprises:get', { id: -5 }, 'id', '企业编号'],
    ['ledgers:open', { id: '../../etc/passwd' }, 'id', '台账编号无效'],
    ['ledgers:openFile', { fileRef: '/etc/passwd' }, 'fileRef', '文件引用无效'],
  ])('%s %j', async (channel, payload, field, mentions) => {
    const filesBefore = ledgerFiles();
    const recentBefore = await call<RecentLedger[]>('ledgers:listRecent');

    const error = await errorOf(channel, payload);
    expect(error.code).toBe('VALIDATION');
    if (field) expect(error.field).toBe(field);
    else expect(error).not.toHaveProperty('field');
    if (mentions) expect(error.message).toContain(mentions);
    expect(error.message).toMatch(/[\u4e00-\u9fff]/);

    expect(ledgerFiles()).toEqual(filesBefore);
    expect(await call('ledgers:listRecent')).toEqual(recentBefore);
    expect((await call<OpenLedger>('ledgers:current')).id).toBe(opened.id);
    expect((await call<{ enterprises: number }>('ledgers:summary')).enterprises).toBe(0);
  });
});

describe('the sample ledger', () => {
  let sample: OpenLedger;
  beforeEach(async () => {
    sample = await call<OpenLedger>('ledgers:createSample', {});
  });

  test('opens a 600-enterprise 长乐镇 named by the day it was made', () => {
    expect(sample).toMatchObject({
      fileName: '示例台账-20261121.yqyc',
      settings: { township: '长乐镇', docCode: '长委' },
      summary: { enterprises: 600, areas: 14, schemaVersion: LATEST_SCHEMA_VERSION },
      readOnly: false,
    });
    expect(existsSync(join(ledgersDir(), '示例台账-20261121.yqyc'))).toBe(true);
  });

  test('asking again the same day reopens it instead of making another file', async () => {
    const again = await call<OpenLedger>('ledgers:createSample', {});
    expect(again.id).toBe(sample.id);
    expect(ledgerFiles()).toEqual(['示例台账-20261121.yqyc']);
    const other = await call<OpenLedger>('ledgers:createSample', { enterprises: 30, seed: 5 });
    expect(other.fileName).toBe('示例台账-20261121-30家-5.yqyc');
    expect(other.summary.enterprises).toBe(30);
  });

  test('the whole sample is one change-log batch', async () => {
    await call('ledgers:close');
    const raw = new Database(join(ledgersDir(), sample.fileName), { readonly: true });
    expect(raw.prepare('SELECT action FROM change_batches').all()).toEqual([{ action: '生成示例台账' }]);
    expect(
      raw.prepare("SELECT count(*) AS n FROM change_log WHERE entity = 'enterprise' AND op = 'insert'").get(),
    ).toEqual({ n: 600 });
    raw.close();
  });

  test('enterprises:list pages through all 600 without gaps or repeats', async () => {
    const ids: number[] = [];
    for (let offset = 0; offset < 600; offset += 250) {
      const page = await call<EnterprisePage>('enterprises:list', { offset, limit: 250 });
      expect(page.total).toBe(600);
      expect(page.rows).toHaveLength(Math.min(250, 600 - offset));
      ids.push(...page.rows.map((r) => r.id));
    }
    expect(new Set(ids).size).toBe(600);
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    const beyond = await call<EnterprisePage>('enterprises:list', { offset: 600 });
    expect(beyond).toEqual({ total: 600, rows: [] });
  });

  test('the default page is the first 50 by id', async () => {
    const page = await call<EnterprisePage>('enterprises:list');
    expect(page.rows).toHaveLength(50);
    expect(page.rows[0]!.id).toBe(1);
    expect(page.rows[49]!.id).toBe(50);
  });

  test('sorting by employees descending puts the largest first and unknowns last', async () => {
    const rows = (
      await call<EnterprisePage>('enterprises:list', {
        limit: 500,
        offset: 100,
        sortBy: 'employees',
        sortOrder: 'desc',
      })
    ).rows;
    const head = (
      await call<EnterprisePage>('enterprises:list', { limit: 100, sortBy: 'employees', sortOrder: 'desc' })
    ).rows;
    const all = [...head, ...rows];
    expect(all).toHaveLength(600);
    const known = all.filter((r) => r.employees !== null).map((r) => r.employees!);
    const firstNull = all.findIndex((r) => r.employees === null);
    expect(firstNull).toBeGreaterThan(500);
    expect(all.slice(firstNull).every((r) => r.employees === null && r.sizeBand === 'unknown')).toBe(true);
    expect(known).toEqual([...known].sort((a, b) => b - a));
    expect(head[0]!.sizeBand).toBe('D');
  });

  test('ascending employees also keeps unknowns last', async () => {
    const rows = (
      await call<EnterprisePage>('enterprises:list', { limit: 500, offset: 100, sortBy: 'employees', sortOrder: 'asc' })
    ).rows;
    expect(rows.at(-1)!.employees).toBeNull();
    const head = (await call<EnterprisePage>('enterprises:list', { limit: 5, sortBy: 'employees', sortOrder: 'asc' }))
      .rows;
    expect(head[0]!.employees).not.toBeNull();
    expect(head.map((r) => r.employees!)).toEqual(head.map((r) => r.employees!).sort((a, b) => a - b));
  });

  test('sorting by name follows pinyin initials, and ascending and descending are mirror orders', async () => {
    const asc = (await call<EnterprisePage>('enterprises:list', { limit: 500, sortBy: 'name' })).rows.map(
      (r) => r.name,
    );
    const key = (name: string) => `${pinyinInitials(name)}\u0000${name}`;
    expect(asc.map(key)).toEqual(asc.map(key).sort());
    expect(pinyinInitials(asc[0]!) <= pinyinInitials(asc[499]!)).toBe(true);
    const desc = (
      await call<EnterprisePage>('enterprises:list', { limit: 5, sortBy: 'name', sortOrder: 'desc' })
    ).rows.map((r) => r.name);
    const lastFive = (
      await call<EnterprisePage>('enterprises:list', { offset: 595, limit: 5, sortBy: 'name' })
    ).rows.map((r) => r.name);
    expect(desc).toEqual(lastFive.reverse());
  });

  test('list rows carry the area name and the size band computed from their numbers', async () => {
    const rows = (await call<EnterprisePage>('enterprises:list', { limit: 500 })).rows;
    const areaNames = new Set(rows.map((r) => r.areaName));
    expect(areaNames.has('长乐镇工业园区')).toBe(true);
    expect(areaNames.has('长乐小商品市场')).toBe(true);
    for (const r of rows) expect(r.sizeBand, r.name).toBe(sizeBand(r.employees, r.revenue));
  });

  test('enterprises:get returns the detail with areaName, work group and sizeBand', async () => {
    const row = (await call<EnterprisePage>('enterprises:list', { limit: 1, sortBy: 'employees', sortOrder: 'desc' }))
      .rows[0]!;
    const detail = await call<EnterpriseDetail>('enterprises:get', { id: row.id });
    expect(detail).toMatchObject({
      id: row.id,
      name: row.name,
      uscc: row.uscc,
      areaName: row.areaName,
      employees: row.employees,
      sizeBand: 'D',
      revenueNeedsConfirming: false,
      createdAt: FIXED_NOW.toISOString(),
    });
    expect(typeof detail.hasUnion).toBe('boolean');
    expect(detail.workGroupName === null || detail.workGroupName.endsWith('推进组')).toBe(true);
  });

  test('enterprises:get of an id that does not exist → NOT_FOUND naming the id', async () => {
    expect(await errorOf('enterprises:get', { id: 999_999 })).toEqual({
      code: 'NOT_FOUND',
      message: '找不到编号为 999999 的企业，可能已被删除',
    });
  });

  test('ledgers:summary matches the list total', async () => {
    const summary = await call<{ enterprises: number; areas: number }>('ledgers:summary');
    const page = await call<EnterprisePage>('enterprises:list', { limit: 1 });
    expect(summary.enterprises).toBe(page.total);
    expect(summary.areas).toBe(14);
  });
});
