import { describe, expect, it } from 'vitest';
import { computeReminders, type ReminderFacts } from '../../shared/domain/reminders';

const TODAY = '2026-11-21';

const none: ReminderFacts = { orgs: [], linkedEnterprises: [], probationers: [], openFollowUps: [] };

const org = (termStartedOn: string | null, over: Partial<ReminderFacts['orgs'][number]> = {}) => ({
  id: 1,
  name: '长乐镇机械行业联合党支部',
  type: 'joint-branch' as const,
  host: 'enterprise' as const,
  termStartedOn,
  committeeMembers: '王强',
  totalMembers: 5,
  ...over,
});

const kinds = (facts: Partial<ReminderFacts>) => computeReminders({ ...none, ...facts }, TODAY).map((r) => r.kind);

describe('reminders', () => {
  it('remind of a term ending within 90 days or already ended, not 91 days ahead', () => {
    // A 党支部 term of 3 years: started 2024-02-19 ends 2027-02-19, 90 days after 2026-11-21.
    expect(kinds({ orgs: [org('2024-02-19')] })).toEqual(['term-expiry']);
    expect(kinds({ orgs: [org('2024-02-20')] })).toEqual([]);
    expect(kinds({ orgs: [org('2020-01-01')] })).toEqual(['term-expiry']);
    expect(kinds({ orgs: [org(null)] })).toEqual([]);
    const [r] = computeReminders({ ...none, orgs: [org('2023-11-21')] }, TODAY);
    expect(r).toEqual({
      id: 'term-expiry:org:1',
      kind: 'term-expiry',
      subjectType: 'org',
      subjectId: 1,
      subjectName: '长乐镇机械行业联合党支部',
      due: '2026-11-21',
      message: '长乐镇机械行业联合党支部（联合党支部）本届任期今天到期，请及时组织换届选举',
    });
  });

  it('gives a 党委 five years', () => {
    expect(kinds({ orgs: [org('2022-02-19', { type: 'committee', totalMembers: 120 })] })).toEqual(['term-expiry']);
    expect(kinds({ orgs: [org('2023-11-21', { type: 'committee', totalMembers: 120 })] })).toEqual([]);
  });

  it('remind of 转正 within 30 days of the probation’s end, and of a probationer with no date', () => {
    const member = (joinedOn: string | null) => ({ id: 7, name: '张三', enterpriseName: '甲公司', joinedOn });
    expect(kinds({ probationers: [member('2025-12-21')] })).toEqual(['probation-due']);
    expect(kinds({ probationers: [member('2025-12-22')] })).toEqual([]);
    const [overdue] = computeReminders({ ...none, probationers: [member('2025-06-01')] }, TODAY);
    expect(overdue?.message).toBe('甲公司预备党员张三预备期已于2026-06-01到期，请按期讨论转正');
    const [undated] = computeReminders({ ...none, probationers: [member(null)] }, TODAY);
    expect(undated).toMatchObject({ due: null, subjectType: 'member', subjectId: 7 });
  });

  it('remind of follow-ups due within 7 days', () => {
    const log = (followUpOn: string) => ({
      id: 3,
      enterpriseName: '乙公司',
      heldOn: '2026-11-01',
      followUpOn,
      kindLabel: '走访',
    });
    expect(kinds({ openFollowUps: [log('2026-11-28')] })).toEqual(['follow-up']);
    expect(kinds({ openFollowUps: [log('2026-11-29')] })).toEqual([]);
    expect(kinds({ openFollowUps: [log('2026-10-01')] })).toEqual(['follow-up']);
  });

  it('remind to split out an enterprise of a 联合 organisation at 3 正式党员', () => {
    const e = (fullMembers: number) => ({
      id: 9,
      name: '丙公司',
      orgSetting: 'joint' as const,
      orgName: '某联合党支部',
      fullMembers,
    });
    expect(kinds({ linkedEnterprises: [e(2)] })).toEqual([]);
    const [r] = computeReminders({ ...none, linkedEnterprises: [e(3)] }, TODAY);
    expect(r).toMatchObject({ kind: 'split-out', subjectType: 'enterprise', subjectId: 9, due: null });
    expect(r?.message).toBe('丙公司已有正式党员3名，符合单独组建条件，应从某联合党支部剥离单独组建');
  });

  it('remind of an organisation whose membership calls for another form', () => {
    expect(kinds({ orgs: [org(null, { totalMembers: 50 })] })).toEqual(['org-type']);
    expect(kinds({ orgs: [org(null, { totalMembers: 49 })] })).toEqual([]);
  });

  it('list the soonest first and the undated last', () => {
    const list = computeReminders(
      {
        orgs: [org('2024-01-01', { totalMembers: 60 })],
        linkedEnterprises: [],
        probationers: [{ id: 2, name: '李四', enterpriseName: '甲公司', joinedOn: '2025-11-01' }],
        openFollowUps: [
          { id: 4, enterpriseName: '乙公司', heldOn: '2026-11-01', followUpOn: '2026-11-25', kindLabel: '座谈' },
        ],
      },
      TODAY,
    );
    expect(list.map((r) => [r.kind, r.due])).toEqual([
      ['probation-due', '2026-11-01'],
      ['follow-up', '2026-11-25'],
      ['term-expiry', '2027-01-01'],
      ['org-type', null],
    ]);
  });
});
