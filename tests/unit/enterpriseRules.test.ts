import { afterEach, describe, expect, test } from 'vitest';
import { checkEnterprise, localDate } from '../../shared/domain/enterpriseRules';

type Checked = Parameters<typeof checkEnterprise>[0];

const TODAY = '2026-11-21';

/** A consistent record: founded, surveyed since, staff and members that add up. */
const CLEAN: Checked = {
  foundedOn: '2011-08-09',
  statusSince: null,
  surveyedOn: '2026-05-20',
  operatingStatus: 'normal',
  employees: 45,
  youngEmployees: 20,
  fullMembers: 3,
  probationaryMembers: 1,
  membersInEnterprise: 2,
  membersInTalentAgency: 1,
  membersAtOrigin: 1,
  membersTemporary: 0,
  membersFloating: 0,
  hasVenue: true,
  venueArea: 60,
};

/** Everything blank, as a new record is before the clerk types. */
const BLANK: Checked = {
  foundedOn: null,
  statusSince: null,
  surveyedOn: null,
  operatingStatus: 'normal',
  employees: null,
  youngEmployees: null,
  fullMembers: 0,
  probationaryMembers: 0,
  membersInEnterprise: null,
  membersInTalentAgency: null,
  membersAtOrigin: null,
  membersTemporary: null,
  membersFloating: null,
  hasVenue: false,
  venueArea: null,
};

const check = (changes: Partial<Checked>, today = TODAY) => checkEnterprise({ ...CLEAN, ...changes }, today);

describe('clean records', () => {
  test('a consistent record has no errors and no warnings', () => {
    expect(checkEnterprise(CLEAN, TODAY)).toEqual({ errors: [], warnings: [] });
  });

  test('a blank record has no errors and no warnings', () => {
    expect(checkEnterprise(BLANK, TODAY)).toEqual({ errors: [], warnings: [] });
  });

  test('every boundary with equal values is clean', () => {
    expect(
      check({
        foundedOn: TODAY,
        statusSince: TODAY,
        surveyedOn: TODAY,
        operatingStatus: 'suspended',
        employees: 10,
        youngEmployees: 10,
        fullMembers: 7,
        probationaryMembers: 3,
        membersInEnterprise: 4,
        membersInTalentAgency: 2,
        membersAtOrigin: 2,
        membersTemporary: 1,
        membersFloating: 1,
      }),
    ).toEqual({ errors: [], warnings: [] });
  });
});

describe('dates', () => {
  test.each([
    ['foundedOn', '成立日期'],
    ['statusSince', '状况起始日期'],
    ['surveyedOn', '摸底核实日期'],
  ] as const)('%s tomorrow is an error; today is allowed', (field, label) => {
    // statusSince needs a status other than normal, or it draws its own warning.
    const base: Partial<Checked> = {
      operatingStatus: 'difficult',
      foundedOn: '2011-08-09',
      statusSince: null,
      surveyedOn: null,
    };
    expect(check({ ...base, [field]: '2026-11-21' })).toEqual({ errors: [], warnings: [] });
    const { errors } = check({ ...base, [field]: '2026-11-22' });
    const future = errors.filter((e) => e.field === field && e.message.includes('晚于今天'));
    expect(future).toEqual([{ field, message: `${label}不能晚于今天（2026-11-21）` }]);
  });

  test('a future founding date is the only error when the later dates are blank', () => {
    expect(check({ foundedOn: '2027-01-01', surveyedOn: null }).errors).toEqual([
      { field: 'foundedOn', message: '成立日期不能晚于今天（2026-11-21）' },
    ]);
  });

  test('a date far in the future (next year, earlier month) is still an error', () => {
    expect(check({ surveyedOn: '2027-01-05' }).errors).toEqual([
      { field: 'surveyedOn', message: '摸底核实日期不能晚于今天（2026-11-21）' },
    ]);
  });

  test('statusSince before foundedOn is an error on statusSince', () => {
    const result = check({ operatingStatus: 'suspended', statusSince: '2011-08-08' });
    expect(result.errors).toEqual([{ field: 'statusSince', message: '状况起始日期不能早于成立日期（2011-08-09）' }]);
    expect(result.warnings).toEqual([]);
  });

  test('surveyedOn before foundedOn is an error on surveyedOn', () => {
    expect(check({ surveyedOn: '2010-12-31' }).errors).toEqual([
      { field: 'surveyedOn', message: '摸底核实日期不能早于成立日期（2011-08-09）' },
    ]);
  });

  test('statusSince and surveyedOn on the founding day are clean', () => {
    expect(check({ operatingStatus: 'deregistered', statusSince: '2011-08-09', surveyedOn: '2011-08-09' })).toEqual({
      errors: [],
      warnings: [],
    });
  });

  test('without a founding date the order is not checked', () => {
    expect(
      check({ foundedOn: null, operatingStatus: 'moved-out', statusSince: '1990-01-01', surveyedOn: '1990-01-01' }),
    ).toEqual({ errors: [], warnings: [] });
  });

  test('statusSince while the status is normal is a warning, not an error', () => {
    expect(check({ operatingStatus: 'normal', statusSince: '2020-01-01' })).toEqual({
      errors: [],
      warnings: [{ field: 'statusSince', message: '经营状况为“正常”时一般不填状况起始日期' }],
    });
  });

  test.each(['difficult', 'suspended', 'deregistered', 'moved-out'] as const)(
    'statusSince with status %s draws no warning',
    (operatingStatus) => {
      expect(check({ operatingStatus, statusSince: '2020-01-01' })).toEqual({ errors: [], warnings: [] });
    },
  );
});

describe('staff', () => {
  test('more young employees than employees is an error naming both numbers', () => {
    expect(check({ employees: 45, youngEmployees: 46 })).toEqual({
      errors: [{ field: 'youngEmployees', message: '35岁以下职工数（46）不能多于从业人员数（45）' }],
      warnings: [],
    });
  });

  test('young employees equal to employees is clean', () => {
    expect(check({ employees: 45, youngEmployees: 45 })).toEqual({ errors: [], warnings: [] });
  });

  test('young employees with employees unknown is not checked', () => {
    expect(check({ employees: null, youngEmployees: 500 })).toEqual({ errors: [], warnings: [] });
  });

  test('young employees above zero employees is an error', () => {
    const { errors } = check({ employees: 0, youngEmployees: 1, fullMembers: 0, probationaryMembers: 0 });
    expect(errors).toEqual([{ field: 'youngEmployees', message: '35岁以下职工数（1）不能多于从业人员数（0）' }]);
  });
});

describe('members', () => {
  const NO_BREAKDOWN: Partial<Checked> = {
    membersInEnterprise: null,
    membersInTalentAgency: null,
    membersAtOrigin: null,
    membersTemporary: null,
  };

  test('more floating members than full + probationary is a warning naming both numbers, not an error', () => {
    const result = check({ ...NO_BREAKDOWN, fullMembers: 3, probationaryMembers: 1, membersFloating: 5 });
    expect(result.errors).toEqual([]);
    expect(result.warnings).toContainEqual({
      field: 'membersFloating',
      message: '亮身份/流动党员（5名）多于正式与预备党员合计（4名），请核实',
    });
  });

  test('floating members are part of the breakdown, so too many also flags the breakdown total', () => {
    const result = check({ ...NO_BREAKDOWN, fullMembers: 3, probationaryMembers: 1, membersFloating: 5 });
    expect(result.warnings).toEqual([
      { field: 'membersFloating', message: '亮身份/流动党员（5名）多于正式与预备党员合计（4名），请核实' },
      { field: 'membersInEnterprise', message: '按组织关系所在分列的党员合计5名，多于正式与预备党员合计4名，请核实' },
    ]);
  });

  test('floating members equal to the member total are clean', () => {
    expect(check({ ...NO_BREAKDOWN, fullMembers: 3, probationaryMembers: 1, membersFloating: 4 })).toEqual({
      errors: [],
      warnings: [],
    });
  });

  test('a breakdown summing above the total is a warning on membersInEnterprise', () => {
    const result = check({
      fullMembers: 3,
      probationaryMembers: 1,
      membersInEnterprise: 2,
      membersInTalentAgency: 1,
      membersAtOrigin: 1,
      membersTemporary: 1,
      membersFloating: 0,
    });
    expect(result).toEqual({
      errors: [],
      warnings: [
        { field: 'membersInEnterprise', message: '按组织关系所在分列的党员合计5名，多于正式与预备党员合计4名，请核实' },
      ],
    });
  });

  test('a breakdown summing to the total is clean; blanks count as 0', () => {
    expect(check({ ...NO_BREAKDOWN, membersInEnterprise: 4, membersFloating: null })).toEqual({
      errors: [],
      warnings: [],
    });
    expect(check({ ...NO_BREAKDOWN, membersAtOrigin: 3, membersTemporary: 1, membersFloating: null })).toEqual({
      errors: [],
      warnings: [],
    });
  });

  test('a breakdown below the total is clean (some members not yet located)', () => {
    expect(check({ ...NO_BREAKDOWN, membersInEnterprise: 1, membersFloating: null })).toEqual({
      errors: [],
      warnings: [],
    });
  });

  test('members above employees is a warning on fullMembers naming both numbers', () => {
    const result = check({ employees: 3, youngEmployees: 1, fullMembers: 3, probationaryMembers: 1 });
    expect(result).toEqual({
      errors: [],
      warnings: [{ field: 'fullMembers', message: '党员（4名）多于从业人员数（3人），请核实' }],
    });
  });

  test('members equal to employees is clean', () => {
    expect(check({ employees: 4, youngEmployees: 1, fullMembers: 3, probationaryMembers: 1 })).toEqual({
      errors: [],
      warnings: [],
    });
  });

  test('members with employees unknown or 0 draw no warning', () => {
    expect(check({ employees: null, youngEmployees: null })).toEqual({ errors: [], warnings: [] });
    expect(check({ employees: 0, youngEmployees: 0 })).toEqual({ errors: [], warnings: [] });
  });
});

describe('venue', () => {
  test('an area without 有活动场所 is a warning on venueArea', () => {
    expect(check({ hasVenue: false, venueArea: 60 })).toEqual({
      errors: [],
      warnings: [{ field: 'venueArea', message: '已填活动场所面积，但“有活动场所”未勾选' }],
    });
  });

  test('no venue with a blank or zero area is clean', () => {
    expect(check({ hasVenue: false, venueArea: null })).toEqual({ errors: [], warnings: [] });
    expect(check({ hasVenue: false, venueArea: 0 })).toEqual({ errors: [], warnings: [] });
  });

  test('a venue without an area is clean', () => {
    expect(check({ hasVenue: true, venueArea: null })).toEqual({ errors: [], warnings: [] });
  });
});

describe('several problems at once', () => {
  test('errors and warnings are collected, each on its field', () => {
    const result = check({
      foundedOn: '2030-01-01',
      surveyedOn: '2026-01-01',
      operatingStatus: 'normal',
      statusSince: '2026-02-01',
      employees: 2,
      youngEmployees: 3,
      hasVenue: false,
      venueArea: 10,
    });
    expect(result.errors.map((e) => e.field)).toEqual(['foundedOn', 'statusSince', 'surveyedOn', 'youngEmployees']);
    expect(result.warnings.map((w) => w.field)).toEqual(['statusSince', 'fullMembers', 'venueArea']);
  });
});

describe('localDate', () => {
  const savedTz = process.env.TZ;
  afterEach(() => {
    if (savedTz === undefined) delete process.env.TZ;
    else process.env.TZ = savedTz;
  });

  test('formats the local calendar date with zero padding', () => {
    expect(localDate(new Date(2026, 10, 21, 23, 59))).toBe('2026-11-21');
    expect(localDate(new Date(2026, 0, 5, 0, 0))).toBe('2026-01-05');
    expect(localDate(new Date(2026, 11, 31, 23, 59, 59))).toBe('2026-12-31');
  });

  test('uses the local date, not UTC: just after midnight in 北京 is already the next day', () => {
    process.env.TZ = 'Asia/Shanghai';
    const instant = new Date(Date.UTC(2026, 10, 21, 16, 30)); // 2026-11-22 00:30 in UTC+8
    expect(instant.toISOString().slice(0, 10)).toBe('2026-11-21');
    expect(localDate(instant)).toBe('2026-11-22');
  });

  test('and late in the evening west of Greenwich it is still the same day', () => {
    process.env.TZ = 'America/New_York';
    const instant = new Date(Date.UTC(2026, 10, 22, 3, 0)); // 2026-11-21 22:00 in UTC−5
    expect(instant.toISOString().slice(0, 10)).toBe('2026-11-22');
    expect(localDate(instant)).toBe('2026-11-21');
  });
});
