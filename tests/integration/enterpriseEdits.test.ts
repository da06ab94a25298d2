import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { beforeEach, describe, expect, test } from 'vitest';
import type { EnterpriseDetail } from '../../shared/domain/enterprise';
import type { EnterpriseInput } from '../../shared/domain/enterpriseInput';
import type { Lookups } from '../../shared/domain/lookups';
import type { UndoableStep } from '../../shared/ipc/changes';
import type { HistoryEntry, SaveResult } from '../../shared/ipc/enterprises';
import type { WorkGroupDetail } from '../../shared/ipc/people';
import type { CoreClient } from '../../electron/core/host/coreClient';
import { inProcessCore } from '../../electron/core/host/inProcessCore';
import { FIXED_NOW, useTempDir, valueOf } from './helpers';

const tmp = useTempDir();
let core: CoreClient;
let lookups: Lookups;
let file: string;

const call = async <T>(channel: string, payload: unknown = {}) => valueOf<T>(await core.invoke(channel, payload));

async function errorOf(channel: string, payload: unknown = {}) {
  const result = await core.invoke(channel, payload);
  if (result.ok) throw new Error(`${channel} should have failed`);
  return result.error;
}

/** Counts read from the file by a second connection: what is really on disk. */
function onDisk(sql: string): unknown {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare(sql).pluck().get();
  } finally {
    db.close();
  }
}

const VALID_USCC = '91330683MA2D8XQ218';

function input(overrides: Partial<EnterpriseInput> = {}): EnterpriseInput {
  return { name: '长乐精工机械有限公司', areaId: lookups.areas[0]!.id, employees: 60, revenue: 800, ...overrides };
}

beforeEach(async () => {
  core = inProcessCore({ dataDir: tmp.dir(), now: () => FIXED_NOW, actor: '王文书' });
  tmp.onCleanup(() => core.close());
  file = join(tmp.dir(), 'edits.yqyc');
  const target = await core.grant(file, 'create');
  await call('ledgers:createSample', { target, enterprises: 50, seed: 11 });
  lookups = await call<Lookups>('settings:lookups');
});

describe('adding an enterprise', () => {
  test('a wrong credit code is refused beside its field and nothing is written', async () => {
    const before = onDisk('SELECT count(*) FROM enterprises');
    const batches = onDisk('SELECT count(*) FROM change_batches');
    const error = await errorOf('enterprises:create', { input: input({ uscc: '91330683MA2D8XQ21H' }) });
    expect(error).toMatchObject({ code: 'VALIDATION', field: 'input.uscc' });
    expect(error.message).toContain('校验位错误：第18位应为“8”');
    expect(onDisk('SELECT count(*) FROM enterprises')).toBe(before);
    expect(onDisk('SELECT count(*) FROM change_batches')).toBe(batches);
  });

  test('saved with every value normalised, the size band derived and one insert in the log', async () => {
    const saved = await call<SaveResult>('enterprises:create', {
      input: input({ uscc: ' 91330683ma2d8xq218 ', contactPhone: '１３８００００００００' }),
    });
    expect(saved.warnings).toEqual([]);
    const e = await call<EnterpriseDetail>('enterprises:get', { id: saved.id });
    expect(e).toMatchObject({
      name: '长乐精工机械有限公司',
      uscc: VALID_USCC,
      contactPhone: '138****0000',
      sizeBand: 'D',
      operatingStatus: 'normal',
      orgSetting: 'none',
      createdAt: FIXED_NOW.toISOString(),
    });
    expect(onDisk(`SELECT size_band FROM enterprises WHERE id = ${saved.id}`)).toBe('D');
    // Stored whole (full-width digits made ASCII); every answer of the core shows it masked.
    expect(onDisk(`SELECT contact_phone FROM enterprises WHERE id = ${saved.id}`)).toBe('13800000000');
    const history = await call<HistoryEntry[]>('enterprises:history', { id: saved.id });
    expect(history).toEqual([
      expect.objectContaining({ op: 'insert', actor: '王文书', action: '新增企业“长乐精工机械有限公司”' }),
    ]);
  });

  test('a credit code already in the ledger is refused, naming the holder', async () => {
    const holder = await call<SaveResult>('enterprises:create', { input: input({ uscc: VALID_USCC }) });
    const error = await errorOf('enterprises:create', { input: input({ name: '另一家公司', uscc: VALID_USCC }) });
    expect(error).toMatchObject({ code: 'VALIDATION', field: 'input.uscc' });
    expect(error.message).toContain('长乐精工机械有限公司');
    // Saving the holder itself with its own code is fine.
    await call('enterprises:update', { id: holder.id, input: input({ uscc: VALID_USCC, note: '复核' }) });
  });

  test.each([
    ['a blank name', { name: '  ' }, 'input.name', '请填写企业名称'],
    ['no area', { areaId: undefined }, 'input.areaId', '请选择所在区域'],
    ['an area that does not exist', { areaId: 9999 }, 'input.areaId', '所选区域已不存在'],
    ['negative employees', { employees: -1 }, 'input.employees', '从业人员数不能为负数'],
    ['negative revenue', { revenue: -0.5 }, 'input.revenue', '年营业收入不能为负数'],
    ['more young staff than staff', { youngEmployees: 61 }, 'input.youngEmployees', '不能多于从业人员数'],
    ['a founding date in the future', { foundedOn: '2026-11-22' }, 'input.foundedOn', '不能晚于今天'],
    [
      'a status date before founding',
      { foundedOn: '2015-03-01', statusSince: '2014-01-01', operatingStatus: 'suspended' },
      'input.statusSince',
      '不能早于成立日期',
    ],
    ['a work group that does not exist', { workGroupId: 9999 }, 'input.workGroupId', '推进组已不存在'],
  ] as const)('%s is refused beside the field', async (_label, overrides, field, phrase) => {
    const error = await errorOf('enterprises:create', { input: input(overrides as Partial<EnterpriseInput>) });
    expect(error.field).toBe(field);
    expect(error.message).toContain(phrase);
  });

  test('more floating members than members is a warning: saved, and the warning returned', async () => {
    const saved = await call<SaveResult>('enterprises:create', {
      input: input({ fullMembers: 1, probationaryMembers: 1, membersFloating: 3 }),
    });
    expect(saved.warnings).toContainEqual(expect.objectContaining({ field: 'membersFloating' }));
    expect(saved.warnings.find((w) => w.field === 'membersFloating')!.message).toContain(
      '（3名）多于正式与预备党员合计（2名）',
    );
    expect((await call<EnterpriseDetail>('enterprises:get', { id: saved.id })).membersFloating).toBe(3);
  });
});

describe('editing, history and deleting', () => {
  test('an edit logs each changed field with old and new value in words', async () => {
    const { id } = await call<SaveResult>('enterprises:create', { input: input() });
    const newArea = lookups.areas[1]!;
    await call('enterprises:update', {
      id,
      input: input({ employees: 40, areaId: newArea.id, operatingStatus: 'difficult', keyCultivation: true }),
    });
    const history = await call<HistoryEntry[]>('enterprises:history', { id });
    const updates = history.filter((h) => h.op === 'update');
    expect(updates.map((h) => [h.fieldLabel, h.oldText, h.newText]).sort()).toEqual(
      [
        ['从业人员数', '60人', '40人'],
        ['所在区域', lookups.areas[0]!.name, newArea.name],
        ['经营状况', '正常', '困难'],
        ['重点培育', '否', '是'],
      ].sort(),
    );
    expect(new Set(updates.map((h) => h.batchId)).size).toBe(1);
    expect((await call<EnterpriseDetail>('enterprises:get', { id })).sizeBand).toBe('B');
  });

  test('deleting removes it; undo puts it back under the same id with the same facts', async () => {
    const { id } = await call<SaveResult>('enterprises:create', { input: input({ uscc: VALID_USCC }) });
    const before = await call<EnterpriseDetail>('enterprises:get', { id });
    expect(await call<number[]>('enterprises:ids', { query: { search: 'cljgjx' } })).toContain(id);
    await call('enterprises:delete', { id });
    expect((await errorOf('enterprises:get', { id })).code).toBe('NOT_FOUND');
    expect(await call<number[]>('enterprises:ids', { query: { search: 'cljgjx' } })).not.toContain(id);

    const step = await call<UndoableStep>('changes:lastUndoable');
    expect(step.action).toBe('删除企业“长乐精工机械有限公司”');
    await call('changes:undo', { batchId: step.batchId });
    expect(await call<EnterpriseDetail>('enterprises:get', { id })).toEqual(before);
    // Its search keys came back too.
    expect(await call<number[]>('enterprises:ids', { query: { search: 'cljgjx' } })).toContain(id);
  });
});

describe('bulk changes and undo', () => {
  test('moving three enterprises is one step; undo restores all three and is itself logged', async () => {
    const ids = (await call<number[]>('enterprises:ids', { query: {} })).slice(0, 3);
    const target = lookups.areas.find((a) => a.name === '青坛村')!;
    const areasBefore = await Promise.all(
      ids.map(async (id) => (await call<EnterpriseDetail>('enterprises:get', { id })).areaId),
    );
    const batchesBefore = onDisk('SELECT count(*) FROM change_batches') as number;

    expect(await call('enterprises:bulkUpdate', { ids, patch: { areaId: target.id } })).toEqual({ changed: 3 });
    expect(onDisk('SELECT count(*) FROM change_batches')).toBe(batchesBefore + 1);
    for (const id of ids) expect((await call<EnterpriseDetail>('enterprises:get', { id })).areaName).toBe('青坛村');

    const step = await call<UndoableStep>('changes:lastUndoable');
    expect(step).toMatchObject({ action: '批量修改所在区域为“青坛村”（3家）', records: 3, actor: '王文书' });
    const undone = await call<{ undone: UndoableStep; next: UndoableStep | null }>('changes:undo', {
      batchId: step.batchId,
    });
    expect(undone.undone.batchId).toBe(step.batchId);
    const after = await Promise.all(
      ids.map(async (id) => (await call<EnterpriseDetail>('enterprises:get', { id })).areaId),
    );
    expect(after).toEqual(areasBefore);
    expect(onDisk(`SELECT action FROM change_batches ORDER BY id DESC LIMIT 1`)).toBe(
      '撤销：批量修改所在区域为“青坛村”（3家）',
    );
    // Undoing the same step twice is refused, and the creation of the ledger is never offered.
    expect((await errorOf('changes:undo', { batchId: step.batchId })).code).toBe('CONFLICT');
    expect(undone.next).toBeNull();
  });

  test('a bulk change naming a missing enterprise changes nothing', async () => {
    const ids = (await call<number[]>('enterprises:ids', { query: {} })).slice(0, 2);
    const error = await errorOf('enterprises:bulkUpdate', {
      ids: [...ids, 99999],
      patch: { operatingStatus: 'suspended' },
    });
    expect(error.code).toBe('NOT_FOUND');
    for (const id of ids)
      expect((await call<EnterpriseDetail>('enterprises:get', { id })).operatingStatus).not.toBe('suspended');
  });

  test('work group and instructor can be set and cleared in bulk', async () => {
    const ids = (await call<number[]>('enterprises:ids', { query: {} })).slice(5, 9);
    const group = lookups.workGroups[2]!;
    await call('enterprises:bulkUpdate', { ids, patch: { workGroupId: group.id } });
    expect(await call<number[]>('enterprises:ids', { query: { workGroupIds: [group.id] } })).toEqual(
      expect.arrayContaining(ids),
    );
    await call('enterprises:bulkUpdate', { ids, patch: { instructorId: null } });
    for (const id of ids) expect((await call<EnterpriseDetail>('enterprises:get', { id })).instructorId).toBeNull();
  });
});

describe('settings lists', () => {
  test('an area name must be unique; an area with enterprises cannot be deleted', async () => {
    const used = lookups.areas.find((a) => a.enterprises > 0)!;
    const dup = await errorOf('areas:save', { name: used.name, type: 'village' });
    expect(dup).toMatchObject({ code: 'VALIDATION', field: 'name' });
    const refused = await errorOf('areas:delete', { id: used.id });
    expect(refused.code).toBe('CONFLICT');
    expect(refused.message).toContain(`${used.enterprises}家企业`);

    const added = await call<{ id: number; name: string; enterprises: number }>('areas:save', {
      name: '长乐商务楼宇',
      type: 'building',
      zoneId: null,
    });
    expect(added).toMatchObject({ name: '长乐商务楼宇', enterprises: 0 });
    await call('areas:delete', { id: added.id });
    expect((await call<Lookups>('settings:lookups')).areas.some((a) => a.id === added.id)).toBe(false);
  });

  test('deleting a work group leaves its enterprises 未分组, and one undo brings both back', async () => {
    const group = lookups.workGroups.find((g) => g.enterprises > 0)!;
    const { members } = await call<WorkGroupDetail>('workGroups:detail', { id: group.id });
    await call('workGroups:delete', { id: group.id });
    expect(await call<number[]>('enterprises:ids', { query: { workGroupIds: [group.id] } })).toEqual([]);
    const step = await call<UndoableStep>('changes:lastUndoable');
    // The group, each of its enterprises and each of its members (removed with it).
    expect(step.records).toBe(group.enterprises + members.length + 1);
    await call('changes:undo', { batchId: step.batchId });
    const restored = (await call<Lookups>('settings:lookups')).workGroups.find((g) => g.id === group.id);
    expect(restored).toEqual(group);
  });

  test('the township settings are edited with the same rules as at creation', async () => {
    const bad = await errorOf('settings:update', {
      settings: { township: '长乐镇', committee: '中共长乐镇委员会', docCode: '长委〔2011〕' },
    });
    expect(bad.field).toBe('settings.docCode');
    const saved = await call<{ superiorUnit: string }>('settings:update', {
      settings: {
        township: '长乐镇',
        committee: '中共长乐镇委员会',
        docCode: '长委',
        superiorUnit: '中共嵊州市委组织部',
      },
    });
    expect(saved.superiorUnit).toBe('中共嵊州市委组织部');
    expect(onDisk('SELECT superior_unit FROM ledger_settings')).toBe('中共嵊州市委组织部');
  });
});
