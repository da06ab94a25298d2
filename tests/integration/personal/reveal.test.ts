import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { idCheckChar } from '../../../shared/domain/idNumber';
import type { Member } from '../../../shared/domain/party';
import type { UndoableStep } from '../../../shared/ipc/changes';
import type { EnterpriseDetail } from '../../../shared/domain/enterprise';
import type { HistoryEntry } from '../../../shared/ipc/enterprises';
import type { Saved } from '../../../shared/ipc/fields';
import type { RecentLedger } from '../../../shared/ipc/ledgers';
import type { AppErrorShape } from '../../../shared/ipc/result';
import type { CoreClient } from '../../../electron/core/host/coreClient';
import { inProcessCore } from '../../../electron/core/host/inProcessCore';
import { maskPersonal } from '../../../electron/core/services/personal';
import { FIXED_NOW, useTempDir, valueOf } from '../helpers';

const tmp = useTempDir();
let core: CoreClient;

const idNo = (first17: string) => `${first17}${idCheckChar(first17)}`;
const ID = idNo('33068319850612001');
const PHONE = '13857501234';
const PHONE2 = '13905751111';

const call = async <T>(channel: string, payload: unknown = {}) => valueOf<T>(await core.invoke(channel, payload));
async function errorOf(channel: string, payload: unknown = {}): Promise<AppErrorShape> {
  const result = await core.invoke(channel, payload);
  if (result.ok) throw new Error(`${channel} should fail`);
  return result.error as AppErrorShape;
}

async function ledgerFile(): Promise<string> {
  const [recent] = await call<RecentLedger[]>('ledgers:listRecent');
  return join(recent!.folder, recent!.fileName);
}

function logRows(path: string, sql: string): unknown[] {
  const db = new Database(path, { readonly: true });
  try {
    return db.prepare(sql).all();
  } finally {
    db.close();
  }
}

let areaId = 0;
beforeEach(async () => {
  core = inProcessCore({ dataDir: tmp.dir(), now: () => FIXED_NOW, actor: '王文书' });
  valueOf(
    await core.invoke('ledgers:create', {
      settings: { township: '长乐镇', committee: '中共长乐镇委员会', docCode: '长委' },
    }),
  );
  areaId = (await call<{ id: number }>('areas:save', { name: '长安村', type: 'village' })).id;
});
afterEach(async () => core.close());

async function member(): Promise<{ enterpriseId: number; memberId: number }> {
  const enterpriseId = (
    await call<{ id: number }>('enterprises:create', {
      input: { name: '甲机械有限公司', areaId, contactName: '赵明', contactPhone: PHONE2 },
    })
  ).id;
  const memberId = (
    await call<Saved>('members:save', {
      input: { enterpriseId, name: '张三', idNumber: ID, phone: PHONE, gender: 'male', birthMonth: '1985-06' },
    })
  ).id;
  return { enterpriseId, memberId };
}

describe('显示完整信息 (personal:reveal)', () => {
  test('gives the full value, and records who saw which field of which record, without the value', async () => {
    const { memberId } = await member();
    const before = await call<UndoableStep>('changes:lastUndoable');

    expect(await call('personal:reveal', { entity: 'member', id: memberId, field: 'idNumber' })).toEqual({ value: ID });
    expect(await call('personal:reveal', { entity: 'member', id: memberId, field: 'phone' })).toEqual({ value: PHONE });

    const rows = logRows(
      await ledgerFile(),
      `SELECT b.action, b.actor, b.at, l.entity, l.entity_id AS entityId, l.op, l.field, l.old_value AS oldValue,
              l.new_value AS newValue
       FROM change_log l JOIN change_batches b ON b.id = l.batch_id WHERE l.op = 'reveal' ORDER BY l.id`,
    );
    expect(rows).toEqual([
      {
        action: '显示完整身份证号',
        actor: '王文书',
        at: FIXED_NOW.toISOString(),
        entity: 'member',
        entityId: memberId,
        op: 'reveal',
        field: 'idNumber',
        oldValue: null,
        newValue: null,
      },
      {
        action: '显示完整电话',
        actor: '王文书',
        at: FIXED_NOW.toISOString(),
        entity: 'member',
        entityId: memberId,
        op: 'reveal',
        field: 'phone',
        oldValue: null,
        newValue: null,
      },
    ]);
    // The log never becomes a copy of the data: no value of the reveals is stored anywhere in the batch.
    expect(JSON.stringify(rows)).not.toContain(ID);

    // Not a step: 撤销 still offers the member's save, and undoing it skips over the reveals.
    expect(await call('changes:lastUndoable')).toEqual(before);
    const history = await call<HistoryEntry[]>('members:history', { id: memberId });
    expect(history.slice(0, 2).map((h) => [h.op, h.action, h.fieldLabel, h.oldText, h.newText])).toEqual([
      ['reveal', '查看了完整电话', '电话', null, null],
      ['reveal', '查看了完整身份证号', '身份证号', null, null],
    ]);
  });

  test('a reveal neither ends the redo chain nor can be undone or redone', async () => {
    const { enterpriseId, memberId } = await member();
    const saved = await call<UndoableStep>('changes:lastUndoable');
    await call('changes:undo', { batchId: saved.batchId }); // the member is gone again
    await call('personal:reveal', { entity: 'enterprise', id: enterpriseId, field: 'contactPhone' });
    const redo = await call<UndoableStep | null>('changes:lastRedoable');
    expect(redo?.action).toBe('新增党员“张三”（甲机械有限公司）');
    await call('changes:redo', { batchId: redo!.batchId });
    expect((await call<Member>('members:get', { id: memberId })).name).toBe('张三');
    expect((await call<UndoableStep>('changes:lastUndoable')).action).toBe('新增党员“张三”（甲机械有限公司）');
  });

  test('the enterprise history words a reveal; phones in its changes read masked', async () => {
    const { enterpriseId } = await member();
    await call('enterprises:update', {
      id: enterpriseId,
      input: { name: '甲机械有限公司', areaId, contactName: '赵明', contactPhone: PHONE },
    });
    await call('personal:reveal', { entity: 'enterprise', id: enterpriseId, field: 'contactPhone' });
    const history = await call<HistoryEntry[]>('enterprises:history', { id: enterpriseId });
    expect(history[0]).toMatchObject({ op: 'reveal', action: '查看了完整联系电话', fieldLabel: '联系电话' });
    expect(history.find((h) => h.field === 'contactPhone' && h.op === 'update')).toMatchObject({
      oldText: '139****1111',
      newText: '138****1234',
    });
    expect(JSON.stringify(history)).not.toContain(PHONE);
    expect(JSON.stringify(history)).not.toContain(PHONE2);
  });

  test('a deleted member’s history names the deletion but never the values the log keeps for undo', async () => {
    const { memberId } = await member();
    await call('members:delete', { id: memberId });
    const history = await call<HistoryEntry[]>('members:history', { id: memberId });
    expect(history[0]).toMatchObject({ op: 'delete', oldText: null, newText: null });
    expect(JSON.stringify(history)).not.toContain(ID);
    expect(JSON.stringify(history)).not.toContain(PHONE);
    // The row is kept whole in the file so 撤销 can put it back: that is the one place the values stay.
    const kept = logRows(await ledgerFile(), "SELECT old_value AS v FROM change_log WHERE op = 'delete'") as {
      v: string;
    }[];
    expect(kept.some((r) => r.v.includes(ID))).toBe(true);
  });

  test('a field that is not personal, or a record that does not exist, is refused in Chinese', async () => {
    const { memberId } = await member();
    expect(await errorOf('personal:reveal', { entity: 'member', id: memberId, field: 'name' })).toMatchObject({
      code: 'VALIDATION',
      message: expect.stringContaining('该字段不是可显示的个人信息'),
    });
    expect(await errorOf('personal:reveal', { entity: 'member', id: 999, field: 'phone' })).toMatchObject({
      code: 'NOT_FOUND',
      message: '找不到编号为 999 的记录，可能已被删除',
    });
  });

  test('a read-only ledger refuses: it could not record the reveal', async () => {
    const { memberId } = await member();
    const path = await ledgerFile();
    await call('ledgers:close');
    await call('ledgers:openFile', { fileRef: await core.grant(path, 'open'), readOnly: true });
    const refused = await errorOf('personal:reveal', { entity: 'member', id: memberId, field: 'idNumber' });
    expect(refused).toMatchObject({ code: 'READ_ONLY' });
    expect(refused.message).toContain('无法记录查看操作');
    expect(JSON.stringify(await call('members:get', { id: memberId }))).not.toContain(ID);
  });
});

describe('a masked value sent back means unchanged', () => {
  test('member: the edit form gets masked values; saving them keeps the stored ones, a new value replaces', async () => {
    const { enterpriseId, memberId } = await member();
    const form = await call<Member>('members:get', { id: memberId });
    expect(form).toMatchObject({ idNumber: `3306**********${ID.slice(-4)}`, phone: '138****1234' });
    const { id: _id, createdAt: _c, updatedAt: _u, ...input } = form;
    await call('members:save', { id: memberId, input: { ...input, position: '车间主任' } });
    expect(await call('personal:reveal', { entity: 'member', id: memberId, field: 'idNumber' })).toEqual({ value: ID });
    expect(await call('personal:reveal', { entity: 'member', id: memberId, field: 'phone' })).toEqual({ value: PHONE });
    await call('members:save', { id: memberId, input: { ...input, phone: PHONE2 } });
    expect(await call('personal:reveal', { entity: 'member', id: memberId, field: 'phone' })).toEqual({
      value: PHONE2,
    });
    // A new record has nothing to keep: a masked value there is refused beside its field.
    const refused = await errorOf('members:save', { input: { enterpriseId, name: '李四', idNumber: form.idNumber } });
    expect(refused).toMatchObject({ code: 'VALIDATION', field: 'input.idNumber' });
    expect(refused.message).toBe('身份证号是隐去部分数字的显示值，请填写完整号码或留空');
  });

  test('enterprise, party organisation, instructor, leader and work-group member keep their stored phones', async () => {
    const { enterpriseId } = await member();
    const e = await call<EnterpriseDetail>('enterprises:get', { id: enterpriseId });
    expect(e.contactPhone).toBe('139****1111');
    await call('enterprises:update', {
      id: enterpriseId,
      input: { name: e.name, areaId, contactName: '赵明', contactPhone: e.contactPhone, employees: 12 },
    });

    const org = await call<Saved>('partyOrgs:save', {
      input: { name: '甲机械党支部', type: 'branch', secretaryName: '钱书记', secretaryPhone: PHONE },
      enterpriseIds: [],
    });
    await call('partyOrgs:save', {
      id: org.id,
      input: { name: '甲机械党支部', type: 'branch', secretaryName: '钱书记', secretaryPhone: '138****1234' },
      enterpriseIds: [],
    });
    const instructor = await call<{ id: number; phone: string }>('instructors:save', { name: '王指导', phone: PHONE });
    expect(instructor.phone).toBe('138****1234');
    await call('instructors:save', {
      id: instructor.id,
      name: '王指导',
      phone: instructor.phone,
      position: '组织委员',
    });
    const leader = await call<{ id: number; phone: string }>('leaders:save', { name: '陈镇长', phone: PHONE });
    await call('leaders:save', { id: leader.id, name: '陈镇长', phone: leader.phone, position: '镇长' });
    const group = await call<{ id: number }>('workGroups:save', { name: '工业园区推进组' });
    const gm = await call<{ id: number; phone: string }>('workGroupMembers:save', {
      workGroupId: group.id,
      name: '俞晓峰',
      phone: PHONE,
    });
    await call('workGroupMembers:save', { id: gm.id, workGroupId: group.id, name: '俞晓峰', phone: gm.phone });

    const full = async (entity: string, id: number, field: string) =>
      (await call<{ value: string }>('personal:reveal', { entity, id, field })).value;
    expect(await full('enterprise', enterpriseId, 'contactPhone')).toBe(PHONE2);
    expect(await full('partyOrg', org.id, 'secretaryPhone')).toBe(PHONE);
    expect(await full('instructor', instructor.id, 'phone')).toBe(PHONE);
    expect(await full('leader', leader.id, 'phone')).toBe(PHONE);
    expect(await full('workGroupMember', gm.id, 'phone')).toBe(PHONE);
    // Nothing was written for the unchanged phones: no update of a personal field in the whole log.
    const updates = logRows(
      await ledgerFile(),
      `SELECT entity, field FROM change_log WHERE op = 'update'
         AND field IN ('contactPhone', 'secretaryPhone', 'phone', 'idNumber')`,
    );
    expect(updates).toEqual([]);
  });
});

describe('the masking every answer passes through', () => {
  test('masks personal fields at any depth, keeps masked, blank and other values, copies rather than changes', () => {
    const row = Object.assign(Object.create(null) as Record<string, unknown>, { phone: PHONE, name: '张三' });
    const bytes = new Uint8Array([1, 2, 3]);
    const given = {
      rows: [{ contactPhone: PHONE, secretaryPhone: '0575-83012345', note: PHONE }],
      member: { idNumber: ID, phone: '138****1234' },
      nested: { deeper: [row] },
      blank: { phone: '' },
      bytes,
    };
    expect(maskPersonal(given)).toEqual({
      rows: [{ contactPhone: '138****1234', secretaryPhone: '0575-****2345', note: PHONE }],
      member: { idNumber: `3306**********${ID.slice(-4)}`, phone: '138****1234' },
      nested: { deeper: [{ phone: '138****1234', name: '张三' }] },
      blank: { phone: '' },
      bytes,
    });
    expect(given.rows[0]!.contactPhone).toBe(PHONE);
  });
});
