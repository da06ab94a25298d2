import { beforeEach, describe, expect, test } from 'vitest';
import type { ReminderKind } from '../../shared/domain/labels';
import type { Reminder } from '../../shared/domain/reminders';
import type { SaveResult } from '../../shared/ipc/enterprises';
import type { Saved } from '../../shared/ipc/fields';
import type { PartyOrgInput } from '../../shared/ipc/partyOrgs';
import type { CoreClient } from '../../electron/core/host/coreClient';
import { inProcessCore } from '../../electron/core/host/inProcessCore';
import { useTempDir, valueOf } from './helpers';

/**
 * Each reminder through the real ledger: it appears on the first day of its window and not the day before,
 * and leaves with its cause (a 转正, a committee elected, a follow-up done, an enterprise closed).
 */
const tmp = useTempDir();
let core: CoreClient;
let clock: Date;
let areaId: number;

/** Noon, local time: the day the clerk's calendar shows, whatever the time zone. */
const at = (day: string) => {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  clock = new Date(y, m - 1, d, 12);
};

const call = async <T>(channel: string, payload: unknown = {}) => valueOf<T>(await core.invoke(channel, payload));
const reminders = () => call<Reminder[]>('reminders:list');
const ofKind = async (kind: ReminderKind) => (await reminders()).filter((r) => r.kind === kind);

const enterprise = async (name: string, counts: { fullMembers?: number; probationaryMembers?: number } = {}) =>
  (await call<SaveResult>('enterprises:create', { input: { name, areaId, employees: 100, ...counts } })).id;
const org = async (input: Partial<PartyOrgInput> & Pick<PartyOrgInput, 'name' | 'type'>, enterpriseIds: number[]) =>
  (await call<Saved>('partyOrgs:save', { input: { host: 'enterprise', ...input }, enterpriseIds })).id;
const member = async (enterpriseId: number, name: string, status: 'full' | 'probationary', joinedOn = '2020-07-01') =>
  (await call<Saved>('members:save', { input: { enterpriseId, name, status, joinedOn } })).id;

beforeEach(async () => {
  at('2026-11-21');
  core = inProcessCore({ dataDir: tmp.dir(), now: () => clock, actor: '王文书' });
  tmp.onCleanup(() => core.close());
  await call('ledgers:create', { settings: { township: '长乐镇', committee: '中共长乐镇委员会', docCode: '长委' } });
  areaId = (await call<{ id: number }>('areas:save', { name: '东门村', type: 'village' })).id;
});

describe('换届提醒', () => {
  test('a branch’s 3-year term is flagged from 90 days before it ends, and after', async () => {
    const e = await enterprise('长乐精工机械有限公司', { fullMembers: 5 });
    const id = await org({ name: '中共长乐精工机械有限公司支部委员会', type: 'branch', termStartedOn: '2023-11-21' }, [
      e,
    ]);
    at('2026-08-22');
    expect(await ofKind('term-expiry')).toEqual([]);
    at('2026-08-23');
    expect(await ofKind('term-expiry')).toEqual([
      {
        id: `term-expiry:org:${id}`,
        kind: 'term-expiry',
        subjectType: 'org',
        subjectId: id,
        subjectName: '中共长乐精工机械有限公司支部委员会',
        due: '2026-11-21',
        message: '中共长乐精工机械有限公司支部委员会（党支部）本届任期将于2026-11-21到期，请及时组织换届选举',
      },
    ]);
    at('2027-01-05');
    expect((await ofKind('term-expiry'))[0]!.message).toContain('已于2026-11-21到期');
  });

  test('a 党委 serves five years', async () => {
    await org(
      { name: '中共长乐镇两新组织党工委', type: 'committee', host: 'locality', termStartedOn: '2022-03-01' },
      [],
    );
    at('2026-11-30');
    expect(await ofKind('term-expiry')).toEqual([]);
    at('2026-12-01');
    expect((await ofKind('term-expiry')).map((r) => r.due)).toEqual(['2027-03-01']);
  });
});

describe('预备党员转正', () => {
  test('is due a year after joining, flagged from 30 days before; gone once the member is 正式', async () => {
    const e = await enterprise('长乐精工机械有限公司');
    at('2026-01-05');
    const id = await member(e, '李芳', 'probationary', '2025-12-20');
    at('2026-11-19');
    expect(await ofKind('probation-due')).toEqual([]);
    at('2026-11-20');
    expect(await ofKind('probation-due')).toEqual([
      expect.objectContaining({
        id: `probation-due:member:${id}`,
        subjectType: 'member',
        subjectId: id,
        subjectName: '李芳',
        due: '2026-12-20',
      }),
    ]);
    await call('members:save', {
      id,
      input: { enterpriseId: e, name: '李芳', status: 'full', joinedOn: '2025-12-20' },
    });
    expect(await ofKind('probation-due')).toEqual([]);
  });
});

describe('工作跟进', () => {
  test('a follow-up is flagged from 7 days before its date until it is done', async () => {
    const e = await enterprise('长乐精工机械有限公司');
    const input = { enterpriseId: e, heldOn: '2026-11-10', kind: 'assistance', followUpOn: '2026-12-01' } as const;
    const id = (await call<Saved>('workLogs:save', { input })).id;
    at('2026-11-23');
    expect(await ofKind('follow-up')).toEqual([]);
    at('2026-11-24');
    expect(await ofKind('follow-up')).toEqual([
      {
        id: `follow-up:log:${id}`,
        kind: 'follow-up',
        subjectType: 'log',
        subjectId: id,
        subjectName: '长乐精工机械有限公司',
        due: '2026-12-01',
        message: '长乐精工机械有限公司 2026-11-10帮扶解难记录的跟进事项将于2026-12-01到期',
      },
    ]);
    await call('workLogs:save', { id, input: { ...input, followUpDone: true } });
    expect(await ofKind('follow-up')).toEqual([]);
  });
});

describe('剥离单独组建', () => {
  test('a member of a joint branch is flagged when its roster reaches 3 正式党员', async () => {
    const [a, b, c] = [
      await enterprise('长乐精工机械有限公司'),
      await enterprise('嵊州市鑫达纺织有限公司'),
      await enterprise('嵊州市永盛领带有限公司'),
    ];
    await org({ name: '东门村企业联合党支部', type: 'joint-branch' }, [a, b, c]);
    await member(a, '张建国', 'full');
    await member(a, '李芳', 'full');
    await member(a, '王伟', 'probationary', '2026-06-01');
    expect(await ofKind('split-out')).toEqual([]);
    await member(a, '赵丽萍', 'full');
    expect(await ofKind('split-out')).toEqual([
      expect.objectContaining({
        id: `split-out:enterprise:${a}`,
        subjectType: 'enterprise',
        subjectId: a,
        subjectName: '长乐精工机械有限公司',
        due: null,
        message: '长乐精工机械有限公司已有正式党员3名，符合单独组建条件，应从东门村企业联合党支部剥离单独组建',
      }),
    ]);
  });

  test('a branch of its own with 3 正式党员 is not flagged', async () => {
    const a = await enterprise('长乐精工机械有限公司', { fullMembers: 4 });
    await org({ name: '中共长乐精工机械有限公司支部委员会', type: 'branch' }, [a]);
    expect(await ofKind('split-out')).toEqual([]);
  });
});

describe('组织类型调整', () => {
  test('7 members call for a committee, 50 for a 党总支; a committee elected or fewer members clear it', async () => {
    const six = await enterprise('长乐精工机械有限公司', { fullMembers: 6 });
    const id = await org({ name: '中共长乐精工机械有限公司支部委员会', type: 'branch' }, [six]);
    expect(await ofKind('org-type')).toEqual([]);

    const seven = await enterprise('嵊州市鑫达纺织有限公司', { fullMembers: 6, probationaryMembers: 1 });
    const seventh = await org({ name: '中共嵊州市鑫达纺织有限公司支部委员会', type: 'branch' }, [seven]);
    expect(await ofKind('org-type')).toEqual([
      expect.objectContaining({
        id: `org-type:org:${seventh}`,
        subjectType: 'org',
        subjectId: seventh,
        due: null,
        message: expect.stringContaining('应设立支部委员会'),
      }),
    ]);
    await call('partyOrgs:save', {
      id: seventh,
      input: { name: '中共嵊州市鑫达纺织有限公司支部委员会', type: 'branch', committeeMembers: '张三\n李四\n王五' },
      enterpriseIds: [seven],
    });
    expect(await ofKind('org-type')).toEqual([]);

    const fifty = await enterprise('嵊州市永盛领带有限公司', { fullMembers: 49 });
    const big = await org({ name: '中共嵊州市永盛领带有限公司支部委员会', type: 'branch', committeeMembers: '张三' }, [
      fifty,
    ]);
    expect(await ofKind('org-type')).toEqual([]);
    await call('enterprises:update', {
      id: fifty,
      input: { name: '嵊州市永盛领带有限公司', areaId, employees: 100, fullMembers: 50, partyOrgId: big },
    });
    expect((await ofKind('org-type')).map((r) => [r.subjectId, r.message])).toEqual([
      [big, expect.stringContaining('宜设党总支')],
    ]);
    expect(id).not.toBe(big);
  });
});

describe('注销 and 迁出 enterprises', () => {
  test('leave every reminder and every organisation’s membership', async () => {
    const a = await enterprise('长乐精工机械有限公司');
    const b = await enterprise('嵊州市鑫达纺织有限公司', { fullMembers: 2, probationaryMembers: 2 });
    await org({ name: '东门村企业联合党支部', type: 'joint-branch' }, [a, b]);
    for (const name of ['张建国', '李芳', '王伟']) await member(a, name, 'full');
    at('2026-01-05');
    await member(a, '赵丽萍', 'probationary', '2025-12-20');
    await call('workLogs:save', { input: { enterpriseId: a, heldOn: '2026-01-05', followUpOn: '2026-01-10' } });
    at('2026-12-01');
    const kinds = async () => [...new Set((await reminders()).map((r) => r.kind))].sort();
    // a (4 members) and b (4) make 8: the branch needs a committee; a is due for split-out, 转正 and a follow-up.
    expect(await kinds()).toEqual(['follow-up', 'org-type', 'probation-due', 'split-out']);

    await call('enterprises:bulkUpdate', { ids: [a], patch: { operatingStatus: 'deregistered' } });
    expect(await reminders()).toEqual([]);
    await call('enterprises:bulkUpdate', { ids: [a], patch: { operatingStatus: 'difficult' } });
    expect(await kinds()).toEqual(['follow-up', 'org-type', 'probation-due', 'split-out']);
    await call('enterprises:bulkUpdate', { ids: [b], patch: { operatingStatus: 'moved-out' } });
    expect(await kinds()).toEqual(['follow-up', 'probation-due', 'split-out']);
  });
});
