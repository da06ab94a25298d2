import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { beforeEach, describe, expect, test } from 'vitest';
import type { EnterpriseDetail } from '../../shared/domain/enterprise';
import type { InstructorItem, Lookups, WorkGroupItem } from '../../shared/domain/lookups';
import type { InstructorAssignment, Leader, Training, WorkGroupMember } from '../../shared/domain/party';
import type { UndoableStep } from '../../shared/ipc/changes';
import type { SaveResult } from '../../shared/ipc/enterprises';
import type { Saved } from '../../shared/ipc/fields';
import type { InstructorDetail, LeaderDetail, WorkGroupDetail } from '../../shared/ipc/people';
import type { WorkLogInput } from '../../shared/ipc/workLogs';
import type { CoreClient } from '../../electron/core/host/coreClient';
import { inProcessCore } from '../../electron/core/host/inProcessCore';
import { FIXED_NOW, useTempDir, valueOf } from './helpers';

const tmp = useTempDir();
let core: CoreClient;
let file: string;
let areaId: number;

const call = async <T>(channel: string, payload: unknown = {}) => valueOf<T>(await core.invoke(channel, payload));

async function errorOf(channel: string, payload: unknown = {}) {
  const result = await core.invoke(channel, payload);
  if (result.ok) throw new Error(`${channel} should have failed`);
  return result.error;
}

/** Read from the file by a second connection: what is really on disk. */
function onDisk<T = unknown>(sql: string, ...params: unknown[]): T {
  const db = new Database(file, { readonly: true });
  try {
    return db
      .prepare(sql)
      .pluck()
      .get(...params) as T;
  } finally {
    db.close();
  }
}

const enterprise = async (name: string) =>
  (await call<SaveResult>('enterprises:create', { input: { name, areaId, employees: 40 } })).id;
const instructor = async (name: string) => (await call<InstructorItem>('instructors:save', { name })).id;
const assign = (instructorId: number, enterpriseId: number, startedOn: string, endedOn: string | null = null) =>
  call<InstructorAssignment>('assignments:save', { instructorId, enterpriseId, startedOn, endedOn });
const detail = (id: number) => call<InstructorDetail>('instructors:detail', { id });
const enterpriseOf = (id: number) => call<EnterpriseDetail>('enterprises:get', { id });
const logWork = (input: WorkLogInput) => call<Saved>('workLogs:save', { input });

async function undoLast(): Promise<UndoableStep> {
  const step = (await call<UndoableStep | null>('changes:lastUndoable'))!;
  await call('changes:undo', { batchId: step.batchId });
  return step;
}

beforeEach(async () => {
  core = inProcessCore({ dataDir: tmp.dir(), now: () => FIXED_NOW, actor: '王文书' });
  tmp.onCleanup(() => core.close());
  file = join(tmp.dir(), 'people.yqyc');
  const target = await core.grant(file, 'create');
  await call('ledgers:create', {
    target,
    settings: { township: '长乐镇', committee: '中共长乐镇委员会', docCode: '长委' },
  });
  areaId = (await call<{ id: number }>('areas:save', { name: '东门村', type: 'village' })).id;
});

describe('assignments', () => {
  test('an end before the start is refused beside 结束日期, and the database would refuse it too', async () => {
    const e = await enterprise('长乐精工机械有限公司');
    const i = await instructor('张建国');
    const error = await errorOf('assignments:save', {
      instructorId: i,
      enterpriseId: e,
      startedOn: '2025-05-01',
      endedOn: '2025-04-30',
    });
    expect(error).toMatchObject({ code: 'VALIDATION', field: 'endedOn' });
    expect(error.message).toContain('结束日期不能早于派驻日期');
    expect(onDisk('SELECT count(*) FROM instructor_assignments')).toBe(0);

    const raw = new Database(file);
    try {
      expect(() =>
        raw
          .prepare(
            `INSERT INTO instructor_assignments (instructor_id, enterprise_id, started_on, ended_on)
             VALUES (?, ?, '2025-05-01', '2025-04-30')`,
          )
          .run(i, e),
      ).toThrow(/CHECK constraint failed/);
    } finally {
      raw.close();
    }
  });

  test('a new current assignment ends the previous one the day it starts; the enterprise’s instructor follows', async () => {
    const e = await enterprise('长乐精工机械有限公司');
    const a = await instructor('张建国');
    const b = await instructor('李芳');
    const first = await assign(a, e, '2024-01-01');
    expect((await enterpriseOf(e)).instructorId).toBe(a);

    const second = await assign(b, e, '2025-03-01');
    expect(second).toMatchObject({ instructorId: b, enterpriseId: e, startedOn: '2025-03-01', endedOn: null });
    expect((await detail(a)).assignments).toEqual([
      expect.objectContaining({ id: first.id, startedOn: '2024-01-01', endedOn: '2025-03-01' }),
    ]);
    expect((await enterpriseOf(e)).instructorId).toBe(b);
    expect((await enterpriseOf(e)).instructorName).toBe('李芳');

    // One step: undo puts A back as the current instructor.
    expect((await undoLast()).action).toContain('派驻党建工作指导员：李芳');
    expect((await enterpriseOf(e)).instructorId).toBe(a);
    expect(onDisk('SELECT ended_on FROM instructor_assignments WHERE id = ?', first.id)).toBeNull();
  });

  test('a new current assignment starting on or before the current one’s start is refused on 派驻日期', async () => {
    const e = await enterprise('长乐精工机械有限公司');
    const a = await instructor('张建国');
    const b = await instructor('李芳');
    await assign(a, e, '2024-01-01');
    const batches = onDisk('SELECT count(*) FROM change_batches');
    for (const startedOn of ['2024-01-01', '2023-06-01']) {
      const error = await errorOf('assignments:save', { instructorId: b, enterpriseId: e, startedOn });
      expect(error).toMatchObject({ code: 'VALIDATION', field: 'startedOn' });
      expect(error.message).toContain('张建国自2024-01-01起派驻');
    }
    const again = await errorOf('assignments:save', { instructorId: a, enterpriseId: e, startedOn: '2025-01-01' });
    expect(again).toMatchObject({ code: 'VALIDATION', field: 'instructorId' });
    expect(onDisk('SELECT count(*) FROM change_batches')).toBe(batches);
    expect((await enterpriseOf(e)).instructorId).toBe(a);
  });

  test('ending or deleting the current assignment leaves the enterprise without an instructor', async () => {
    const e1 = await enterprise('长乐精工机械有限公司');
    const e2 = await enterprise('嵊州市鑫达纺织有限公司');
    const a = await instructor('张建国');
    const current1 = await assign(a, e1, '2024-01-01');
    await assign(a, e2, '2024-02-01');

    await call('assignments:save', { ...current1, endedOn: '2026-06-30', note: '调任' });
    expect((await enterpriseOf(e1)).instructorId).toBeNull();

    const current2 = (await detail(a)).assignments.find((x) => x.enterpriseId === e2)!;
    await call('assignments:delete', { id: current2.id });
    expect((await enterpriseOf(e2)).instructorId).toBeNull();
    expect((await detail(a)).assignments.map((x) => x.enterpriseId)).toEqual([e1]);

    // Deleting an ended one changes no enterprise.
    const b = await instructor('李芳');
    await assign(b, e1, '2026-07-01');
    await call('assignments:delete', { id: current1.id });
    expect((await enterpriseOf(e1)).instructorId).toBe(b);
  });

  test('moving an assignment to another enterprise moves the instructor with it', async () => {
    const e1 = await enterprise('长乐精工机械有限公司');
    const e2 = await enterprise('嵊州市鑫达纺织有限公司');
    const a = await instructor('张建国');
    const saved = await assign(a, e1, '2024-01-01');
    await call('assignments:save', { ...saved, enterpriseId: e2 });
    expect((await enterpriseOf(e1)).instructorId).toBeNull();
    expect((await enterpriseOf(e2)).instructorId).toBe(a);
  });

  test('一人一企 with one current enterprise, 一人多企 with several, none without', async () => {
    const e1 = await enterprise('长乐精工机械有限公司');
    const e2 = await enterprise('嵊州市鑫达纺织有限公司');
    const a = await instructor('张建国');
    expect((await detail(a)).mode).toBeNull();
    await assign(a, e1, '2024-01-01');
    expect((await detail(a)).mode).toBe('one');
    await assign(a, e2, '2024-02-01');
    const d = await detail(a);
    expect(d.mode).toBe('many');
    expect(d.instructor.enterprises).toBe(2);
  });

  test('an unknown instructor or enterprise is refused beside its field', async () => {
    const e = await enterprise('长乐精工机械有限公司');
    const a = await instructor('张建国');
    expect(
      await errorOf('assignments:save', { instructorId: 999, enterpriseId: e, startedOn: '2024-01-01' }),
    ).toMatchObject({ code: 'VALIDATION', field: 'instructorId' });
    expect(
      await errorOf('assignments:save', { instructorId: a, enterpriseId: 999, startedOn: '2024-01-01' }),
    ).toMatchObject({ code: 'VALIDATION', field: 'enterpriseId' });
    expect((await errorOf('instructors:detail', { id: 999 })).code).toBe('NOT_FOUND');
    expect((await errorOf('assignments:delete', { id: 999 })).code).toBe('NOT_FOUND');
  });
});

describe('an instructor’s page', () => {
  test('lists every enterprise covered, with the last visit this instructor logged there', async () => {
    const e1 = await enterprise('长乐精工机械有限公司');
    const e2 = await enterprise('嵊州市鑫达纺织有限公司');
    const e3 = await enterprise('嵊州市永盛领带有限公司');
    const a = await instructor('张建国');
    const b = await instructor('李芳');
    await assign(a, e3, '2023-01-01', '2024-01-01');
    await assign(a, e1, '2024-01-01');
    await assign(a, e2, '2024-03-01');
    await logWork({ enterpriseId: e1, heldOn: '2026-09-01', kind: 'visit', instructorId: a });
    await logWork({ enterpriseId: e1, heldOn: '2026-10-01', kind: 'visit', instructorId: a });
    // Someone else's visit, or a meeting, is not this instructor's visit.
    await logWork({ enterpriseId: e1, heldOn: '2026-11-01', kind: 'visit', instructorId: b });
    await logWork({ enterpriseId: e1, heldOn: '2026-11-05', kind: 'forum', instructorId: a });

    const d = await detail(a);
    expect(d.assignments.map((x) => [x.enterpriseName, x.endedOn, x.lastVisitOn, x.visits])).toEqual([
      ['嵊州市鑫达纺织有限公司', null, null, 0],
      ['长乐精工机械有限公司', null, '2026-10-01', 2],
      ['嵊州市永盛领带有限公司', '2024-01-01', null, 0],
    ]);
    expect(d.assignments.every((x) => x.instructorName === '张建国')).toBe(true);
    expect((await enterpriseOf(e1)).lastVisitOn).toBe('2026-11-01');
  });

  test('training records are kept, counted and removed', async () => {
    const a = await instructor('张建国');
    const t = await call<Training>('trainings:save', {
      instructorId: a,
      heldOn: '2026-05-10',
      title: '全市非公企业党建工作指导员培训班',
      organiser: '市委两新工委',
      hours: 16,
    });
    await call('trainings:save', { instructorId: a, heldOn: '2026-09-10', title: '发展党员工作规范化培训' });
    let d = await detail(a);
    expect(d.trainings.map((x) => x.heldOn)).toEqual(['2026-09-10', '2026-05-10']);
    expect(d.instructor.trainings).toBe(2);
    await call('trainings:save', { ...t, hours: 8 });
    await call('trainings:delete', { id: t.id });
    d = await detail(a);
    expect(d.trainings).toHaveLength(1);
    const error = await errorOf('trainings:save', { instructorId: a, heldOn: '2026-05-10', title: '' });
    expect(error).toMatchObject({ code: 'VALIDATION', field: 'title' });
  });

  test('deleting an instructor is one step that undo takes back whole', async () => {
    const e1 = await enterprise('长乐精工机械有限公司');
    const e2 = await enterprise('嵊州市鑫达纺织有限公司');
    const a = await instructor('张建国');
    await assign(a, e2, '2023-01-01', '2024-01-01');
    await assign(a, e1, '2024-01-01');
    await call('trainings:save', { instructorId: a, heldOn: '2026-05-10', title: '党建指导员业务能力提升培训' });
    const log = await logWork({ enterpriseId: e1, heldOn: '2026-10-01', kind: 'visit', instructorId: a });
    const before = await detail(a);

    await call('instructors:delete', { id: a });
    expect(onDisk('SELECT count(*) FROM instructors')).toBe(0);
    expect(onDisk('SELECT count(*) FROM instructor_assignments')).toBe(0);
    expect(onDisk('SELECT count(*) FROM instructor_trainings')).toBe(0);
    expect(onDisk('SELECT instructor_id FROM work_logs WHERE id = ?', log.id)).toBeNull();
    expect((await enterpriseOf(e1)).instructorId).toBeNull();
    expect((await call<Lookups>('settings:lookups')).instructors).toEqual([]);

    const step = await undoLast();
    expect(step.action).toBe('删除党建工作指导员“张建国”');
    expect(await detail(a)).toEqual(before);
    expect((await enterpriseOf(e1)).instructorId).toBe(a);
    expect(onDisk('SELECT instructor_id FROM work_logs WHERE id = ?', log.id)).toBe(a);
    expect(await call('changes:lastUndoable')).toMatchObject({ action: expect.stringContaining('新增工作记录') });
  });
});

describe('领导联系点', () => {
  test('setEnterprises sets exactly the leader’s enterprises, taking one from another leader', async () => {
    const [e1, e2, e3] = [
      await enterprise('长乐精工机械有限公司'),
      await enterprise('嵊州市鑫达纺织有限公司'),
      await enterprise('嵊州市永盛领带有限公司'),
    ];
    const wang = await call<Leader>('leaders:save', { name: '王书记', position: '镇党委书记' });
    const zhao = await call<Leader>('leaders:save', { name: '赵镇长', position: '镇党委副书记、镇长' });
    await call('leaders:setEnterprises', { id: zhao.id, enterpriseIds: [e3] });
    await call('leaders:setEnterprises', { id: wang.id, enterpriseIds: [e1, e2] });
    let d = await call<LeaderDetail>('leaders:detail', { id: wang.id });
    expect(d.leader).toMatchObject({ name: '王书记', enterprises: 2 });
    expect(d.enterprises.map((x) => x.id).sort()).toEqual([e1, e2].sort());
    expect(d.enterprises[0]).toMatchObject({ areaName: '东门村', orgSetting: 'none', lastVisitOn: null });

    await call('leaders:setEnterprises', { id: wang.id, enterpriseIds: [e2, e3] });
    d = await call<LeaderDetail>('leaders:detail', { id: wang.id });
    expect(d.enterprises.map((x) => x.id).sort()).toEqual([e2, e3].sort());
    expect((await enterpriseOf(e1)).leaderId).toBeNull();
    expect((await call<LeaderDetail>('leaders:detail', { id: zhao.id })).enterprises).toEqual([]);

    const error = await errorOf('leaders:setEnterprises', { id: wang.id, enterpriseIds: [e1, 999] });
    expect(error).toMatchObject({ code: 'VALIDATION', field: 'enterpriseIds' });
    expect((await enterpriseOf(e1)).leaderId).toBeNull();
  });

  test('deleting a leader clears their enterprises in the same step; undo restores both', async () => {
    const e1 = await enterprise('长乐精工机械有限公司');
    const wang = await call<Leader>('leaders:save', { name: '王书记' });
    await call('leaders:setEnterprises', { id: wang.id, enterpriseIds: [e1] });
    await call('leaders:delete', { id: wang.id });
    expect((await enterpriseOf(e1)).leaderId).toBeNull();
    expect(onDisk('SELECT count(*) FROM leaders')).toBe(0);
    expect((await undoLast()).action).toBe('删除联系领导“王书记”');
    expect((await enterpriseOf(e1)).leaderId).toBe(wang.id);
    expect((await call<LeaderDetail>('leaders:detail', { id: wang.id })).leader.name).toBe('王书记');
  });
});

describe('推进组', () => {
  test('members are saved and deleted; deleting the group removes them and leaves its enterprises 未分组', async () => {
    const group = await call<WorkGroupItem>('workGroups:save', { name: '工业园区推进组', leaderName: '钱国平' });
    const e1 = (
      await call<SaveResult>('enterprises:create', {
        input: { name: '长乐精工机械有限公司', areaId, workGroupId: group.id },
      })
    ).id;
    const m = await call<WorkGroupMember>('workGroupMembers:save', {
      workGroupId: group.id,
      name: '俞晓峰',
      position: '镇党建办干事',
      phone: '13905751234',
    });
    await call('workGroupMembers:save', { workGroupId: group.id, name: '裘丽萍' });
    await call('workGroupMembers:save', { ...m, position: '驻村干部' });
    let d = await call<WorkGroupDetail>('workGroups:detail', { id: group.id });
    expect(d.group).toMatchObject({ name: '工业园区推进组', enterprises: 1 });
    expect(d.members.map((x) => [x.name, x.position])).toEqual([
      ['俞晓峰', '驻村干部'],
      ['裘丽萍', ''],
    ]);
    expect(d.enterprises.map((x) => x.id)).toEqual([e1]);

    await call('workGroupMembers:delete', { id: m.id });
    d = await call<WorkGroupDetail>('workGroups:detail', { id: group.id });
    expect(d.members.map((x) => x.name)).toEqual(['裘丽萍']);

    expect(await errorOf('workGroupMembers:save', { workGroupId: 999, name: '张三' })).toMatchObject({
      code: 'VALIDATION',
      field: 'workGroupId',
    });

    await call('workGroups:delete', { id: group.id });
    expect(onDisk('SELECT count(*) FROM work_group_members')).toBe(0);
    expect((await enterpriseOf(e1)).workGroupId).toBeNull();
    await undoLast();
    d = await call<WorkGroupDetail>('workGroups:detail', { id: group.id });
    expect(d.members.map((x) => x.name)).toEqual(['裘丽萍']);
    expect(d.enterprises.map((x) => x.id)).toEqual([e1]);
  });
});

describe('people lists carry pinyin initials for searching', () => {
  test('an instructor and a leader come with the initials of their names', async () => {
    const saved = await call<InstructorItem>('instructors:save', { name: '章建国' });
    expect(saved.nameInitials).toBe('zjg');
    await call<Leader>('leaders:save', { name: '陈晓燕', position: '镇党委副书记' });
    const lookups = await call<Lookups>('settings:lookups');
    expect(lookups.instructors.find((i) => i.id === saved.id)?.nameInitials).toBe('zjg');
    expect(lookups.leaders.find((l) => l.name === '陈晓燕')?.nameInitials).toBe('cxy');
  });
});

test('a work group comes with the initials of its name', async () => {
  const group = await call<WorkGroupItem>('workGroups:save', { name: '新经济组织推进组' });
  expect(group.nameInitials).toBe('xjjzztjz');
  const lookups = await call<Lookups>('settings:lookups');
  expect(lookups.workGroups.find((g) => g.id === group.id)?.nameInitials).toBe('xjjzztjz');
});
