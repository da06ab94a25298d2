import { describe, expect, test } from 'vitest';
import type { Lookups } from '../../shared/domain/lookups';
import type { Saved } from '../../shared/ipc/fields';
import { usePartyLedger } from './partySetup';

const L = usePartyLedger();
const { call, errorOf, enterprise, detail, lastStep, undo } = L;

const assignments = () =>
  L.readFile((db) =>
    db
      .prepare(
        'SELECT instructor_id AS i, enterprise_id AS e, started_on AS s, ended_on AS x FROM instructor_assignments ORDER BY id',
      )
      .all(),
  );
const instructor = async (name: string) => (await call<{ id: number }>('instructors:save', { name })).id;

describe('an enterprise’s instructor follows its assignments', () => {
  test('choosing one on the new-enterprise form starts a current assignment today', async () => {
    const wang = await instructor('王指导');
    const e = await enterprise('甲机械有限公司', { instructorId: wang });
    expect(await detail(e)).toMatchObject({ instructorId: wang, instructorName: '王指导' });
    expect(await assignments()).toEqual([{ i: wang, e, s: '2026-11-21', x: null }]);
    const lookups = await call<Lookups>('settings:lookups');
    expect(lookups.instructors.find((i) => i.id === wang)).toMatchObject({ enterprises: 1, trainings: 0 });
  });

  test('changing it on the form ends the current assignment today and starts the new one, as one step', async () => {
    const wang = await instructor('王指导');
    const li = await instructor('李指导');
    const e = await enterprise('甲机械有限公司');
    await call('assignments:save', { instructorId: wang, enterpriseId: e, startedOn: '2026-01-05' });
    expect((await detail(e)).instructorId).toBe(wang);

    await call('enterprises:update', {
      id: e,
      input: { name: '甲机械有限公司', areaId: L.areaId(), instructorId: li },
    });
    expect(await detail(e)).toMatchObject({ instructorId: li, instructorName: '李指导' });
    expect(await assignments()).toEqual([
      { i: wang, e, s: '2026-01-05', x: '2026-11-21' },
      { i: li, e, s: '2026-11-21', x: null },
    ]);
    await undo('修改企业“甲机械有限公司”');
    expect(await assignments()).toEqual([{ i: wang, e, s: '2026-01-05', x: null }]);
    expect((await detail(e)).instructorId).toBe(wang);
  });

  test('a bulk change of instructor or contact leader is one step over all the enterprises', async () => {
    const wang = await instructor('王指导');
    const ids = [await enterprise('甲机械有限公司'), await enterprise('乙纺织有限公司')];
    expect(await call('enterprises:bulkUpdate', { ids, patch: { instructorId: wang } })).toEqual({ changed: 2 });
    expect(await lastStep()).toMatchObject({ action: '批量修改党建工作指导员为“王指导”（2家）', records: 4 });
    expect((await assignments()).map((a) => (a as { x: unknown }).x)).toEqual([null, null]);
    expect(await call('enterprises:bulkUpdate', { ids, patch: { instructorId: wang } })).toEqual({ changed: 0 });

    const leader = await call<{ id: number }>('leaders:save', { name: '张镇长', position: '镇长' });
    await call('enterprises:bulkUpdate', { ids, patch: { leaderId: leader.id } });
    expect(await lastStep()).toMatchObject({ action: '批量修改联系领导为“张镇长”（2家）', records: 2 });
    for (const id of ids) expect(await detail(id)).toMatchObject({ leaderId: leader.id, leaderName: '张镇长' });
    expect((await call<Lookups>('settings:lookups')).leaders).toMatchObject([{ name: '张镇长', enterprises: 2 }]);
    expect((await errorOf('enterprises:bulkUpdate', { ids, patch: { leaderId: 999 } })).field).toBe('patch.leaderId');
    await call('enterprises:bulkUpdate', { ids, patch: { leaderId: null } });
    expect(await lastStep()).toMatchObject({ action: '批量清除联系领导（2家）' });
  });

  test('a contact leader that does not exist is refused beside the field', async () => {
    const refused = await errorOf('enterprises:create', { input: { name: '甲', areaId: L.areaId(), leaderId: 77 } });
    expect(refused).toMatchObject({
      code: 'VALIDATION',
      field: 'input.leaderId',
      message: '所选联系领导已不存在，请重新选择',
    });
  });
});

describe('deleting an enterprise', () => {
  test('its assignments go with it in the same step, and undo brings both back', async () => {
    const wang = await instructor('王指导');
    const e = await enterprise('甲机械有限公司', { instructorId: wang });
    await call('enterprises:delete', { id: e });
    expect(await assignments()).toEqual([]);
    expect(await lastStep()).toMatchObject({ action: '删除企业“甲机械有限公司”', records: 2 });
    await undo('删除企业“甲机械有限公司”');
    expect(await assignments()).toEqual([{ i: wang, e, s: '2026-11-21', x: null }]);
  });

  test('refused while work logs are kept for it, naming them and what to do instead', async () => {
    const e = await enterprise('甲机械有限公司');
    await call<Saved>('workLogs:save', { input: { enterpriseId: e, heldOn: '2026-11-01', kind: 'visit' } });
    const refused = await errorOf('enterprises:delete', { id: e });
    expect(refused.code).toBe('CONFLICT');
    expect(refused.message).toBe(
      '“甲机械有限公司”有1条工作记录，不能删除。企业已关闭或迁走的，请将经营状况改为“注销”或“迁出”；党员可先转接到其他企业',
    );
    expect((await detail(e)).lastVisitOn).toBe('2026-11-01');
  });
});
