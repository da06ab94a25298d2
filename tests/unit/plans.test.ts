import { describe, expect, test } from 'vitest';
import { addDays } from '../../shared/domain/partyRules';
import {
  actionsFrom,
  DEFAULT_MILESTONES,
  isOpen,
  isOverdue,
  nextMilestone,
  PLAN_ACTIONS,
  PLAN_STATUSES,
  situationText,
  transition,
  type PlanAction,
  type PlanStatus,
} from '../../shared/domain/plans';
import { cleanMeasures } from '../../electron/core/services/plans';

const STATUSES = Object.keys(PLAN_STATUSES) as PlanStatus[];
const ACTIONS = Object.keys(PLAN_ACTIONS) as PlanAction[];

/**
 * The workflow written out by hand, independently of PLAN_ACTIONS: 草拟 → 待审批 (submit) → 已批准 (approve, or
 * back to 草拟 by return) → 实施中 (start) → 已完成 (complete); any open plan may be shelved, and a shelved one
 * resumes as 草拟. Every other pair is refused.
 */
const ALLOWED: Record<PlanStatus, Partial<Record<PlanAction, PlanStatus>>> = {
  draft: { submit: 'submitted', shelve: 'shelved' },
  submitted: { return: 'draft', approve: 'approved', shelve: 'shelved' },
  approved: { start: 'in_progress', shelve: 'shelved' },
  in_progress: { complete: 'done', shelve: 'shelved' },
  done: {},
  shelved: { resume: 'draft' },
};

describe('the state machine, every status × every action', () => {
  const pairs = STATUSES.flatMap((s) => ACTIONS.map((a) => [s, a] as const));

  test('covers all 6 × 7 pairs', () => {
    expect(pairs).toHaveLength(42);
  });

  test.each(pairs)('%s + %s', (status, action) => {
    expect(transition(status, action)).toBe(ALLOWED[status][action] ?? null);
  });

  test.each(STATUSES)('the actions offered from %s are exactly the allowed ones, in PLAN_ACTIONS order', (status) => {
    expect(actionsFrom(status)).toEqual(ACTIONS.filter((a) => ALLOWED[status][a] !== undefined));
  });

  test('已完成 is final; 搁置 only resumes; every status is reachable from 草拟', () => {
    expect(actionsFrom('done')).toEqual([]);
    expect(actionsFrom('shelved')).toEqual(['resume']);
    // Breadth-first from 草拟.
    const reached: PlanStatus[] = ['draft'];
    for (let i = 0; i < reached.length; i++) {
      for (const a of ACTIONS) {
        const to = transition(reached[i]!, a);
        if (to && !reached.includes(to)) reached.push(to);
      }
    }
    expect([...reached].sort()).toEqual([...STATUSES].sort());
  });

  test('open means neither 已完成 nor 搁置', () => {
    expect(STATUSES.filter(isOpen)).toEqual(['draft', 'submitted', 'approved', 'in_progress']);
  });

  test('the buttons read in Chinese', () => {
    expect(PLAN_ACTIONS.approve.label).toBe('批准');
    expect(PLAN_ACTIONS.submit.label).toBe('提交审批');
    expect(PLAN_STATUSES.in_progress).toBe('实施中');
  });
});

const m = (name: string, dueOn: string, doneOn: string | null = null, sortOrder = 0) => ({
  name,
  dueOn,
  doneOn,
  sortOrder,
});

describe('the next milestone', () => {
  test('is the first not done by due date, whatever order they were entered in', () => {
    const list = [
      m('挂牌', '2027-01-20', null, 0),
      m('请示', '2026-12-01', '2026-11-30', 1),
      m('批复', '2026-12-31', null, 2),
    ];
    expect(nextMilestone(list)).toEqual({ name: '批复', due: '2026-12-31' });
  });

  test('of two due the same day, the one entered first', () => {
    expect(nextMilestone([m('乙', '2026-12-01', null, 2), m('甲', '2026-12-01', null, 1)])).toEqual({
      name: '甲',
      due: '2026-12-01',
    });
  });

  test('none when every milestone is done, or there are none', () => {
    expect(nextMilestone([m('请示', '2026-12-01', '2026-12-01')])).toBeNull();
    expect(nextMilestone([])).toBeNull();
  });
});

describe('overdue', () => {
  const due = (d: string) => ({ due: d });

  test.each([
    // [due, today, overdue]
    ['2026-11-30', '2026-12-01', true], // month end: due the last day of November, seen on 1 December
    ['2026-12-01', '2026-12-01', false], // due today is not yet overdue
    ['2026-12-31', '2027-01-01', true], // year end
    ['2027-01-01', '2026-12-31', false],
    ['2028-02-29', '2028-03-01', true], // leap day
    ['2028-02-29', '2028-02-29', false],
    ['2027-02-28', '2027-03-01', true], // February of a common year
    ['2026-01-31', '2026-02-01', true],
  ])('due %s, today %s: %s', (d, today, expected) => {
    expect(isOverdue('in_progress', due(d), today)).toBe(expected);
  });

  test('only open plans are overdue: done and shelved never, and a plan without a next milestone never', () => {
    for (const s of STATUSES) {
      expect(isOverdue(s, due('2026-11-30'), '2026-12-01'), s).toBe(isOpen(s));
    }
    expect(isOverdue('in_progress', null, '2030-01-01')).toBe(false);
  });

  test('a done milestone in the past does not make a plan overdue: only the next one counts', () => {
    const list = [m('请示', '2026-12-31', '2026-12-30'), m('批复', '2027-01-15')];
    expect(isOverdue('approved', nextMilestone(list), '2027-01-02')).toBe(false);
    expect(isOverdue('approved', nextMilestone(list), '2027-01-16')).toBe(true);
  });
});

describe('default milestones', () => {
  test('follow 请示 → 批复 → 选举 → 挂牌 with rising offsets; counted across a year end they stay in order', () => {
    expect(DEFAULT_MILESTONES.map((d) => d.name)).toEqual([
      '企业提出组建请示',
      '镇党委批复同意组建',
      '召开党员大会选举',
      '党组织挂牌、制度上墙',
    ]);
    const dues = DEFAULT_MILESTONES.map((d) => addDays('2026-12-20', d.daysAfterStart));
    expect(dues).toEqual(['2027-01-04', '2027-01-19', '2027-02-03', '2027-02-18']);
  });
});

describe('现状', () => {
  const facts = {
    sizeBandLabel: '30–49人',
    employees: 45,
    fullMembers: 2,
    probationaryMembers: 1,
    orgSettingLabel: '未建立',
    partyOrgName: null,
    instructorName: '张明',
    lastVisitOn: '2026-10-12',
  };

  test('reads like a plan sheet: employees and band, members, organisation, instructor, last visit', () => {
    expect(situationText(facts)).toBe(
      '从业人员45人，规模类别：30–49人；正式党员2名、预备党员1名；组织设置：未建立；党建工作指导员：张明；最近走访：2026-10-12',
    );
  });

  test('unknowns are said so; an organisation is named after its setting', () => {
    expect(
      situationText({
        ...facts,
        employees: null,
        sizeBandLabel: '人数不详',
        orgSettingLabel: '挂靠',
        partyOrgName: '中共长安村委员会',
        instructorName: null,
        lastVisitOn: null,
      }),
    ).toBe(
      '从业人员不详，规模类别：人数不详；正式党员2名、预备党员1名；组织设置：挂靠（中共长安村委员会）；党建工作指导员：未选派；最近走访：无记录',
    );
  });
});

describe('具体措施 as stored', () => {
  test('each trimmed, blank ones dropped, order kept', () => {
    expect(cleanMeasures(['  上门宣讲 ', '', '   ', '发展积极分子'])).toEqual(['上门宣讲', '发展积极分子']);
    expect(cleanMeasures([])).toEqual([]);
  });
});
