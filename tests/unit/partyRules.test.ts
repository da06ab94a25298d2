import { describe, expect, it } from 'vitest';
import {
  addYears,
  coversManyEnterprises,
  levelOf,
  orgSettingOf,
  orgTypeAdvice,
  probationEndsOn,
  shouldSplitOut,
  structureFor,
  termEndsOn,
  termYears,
} from '../../shared/domain/partyRules';

describe('组织设置 follows the link to an organisation', () => {
  it('reads 单独, 联合, 挂靠 and 未建立 from the organisation', () => {
    expect(orgSettingOf(null)).toBe('none');
    expect(orgSettingOf({ host: 'enterprise', type: 'branch' })).toBe('standalone');
    expect(orgSettingOf({ host: 'enterprise', type: 'committee' })).toBe('standalone');
    expect(orgSettingOf({ host: 'enterprise', type: 'floating-branch' })).toBe('standalone');
    expect(orgSettingOf({ host: 'enterprise', type: 'joint-branch' })).toBe('joint');
    expect(orgSettingOf({ host: 'enterprise', type: 'joint-general-branch' })).toBe('joint');
    expect(orgSettingOf({ host: 'locality', type: 'general-branch' })).toBe('attached');
  });

  it('lets only 联合 and 属地 organisations cover more than one enterprise', () => {
    expect(coversManyEnterprises('enterprise', 'branch')).toBe(false);
    expect(coversManyEnterprises('enterprise', 'joint-branch')).toBe(true);
    expect(coversManyEnterprises('locality', 'branch')).toBe(true);
  });
});

describe('membership thresholds (正式 + 预备)', () => {
  it.each([
    [6, 'branch', false],
    [7, 'branch', true],
    [49, 'branch', true],
    [50, 'general-branch', true],
    [99, 'general-branch', true],
    [100, 'committee', true],
  ] as const)('%i members call for %s (committee %s)', (n, level, committee) => {
    expect(structureFor(n)).toEqual({ level, committee });
  });

  it('maps every type to its level', () => {
    expect(levelOf('joint-committee')).toBe('committee');
    expect(levelOf('joint-general-branch')).toBe('general-branch');
    expect(levelOf('floating-branch')).toBe('branch');
  });

  const branch = { host: 'enterprise' as const, type: 'branch' as const, committeeMembers: '' };

  it('asks a branch of 7 without 委员 for a 支部委员会, not one of 6', () => {
    expect(orgTypeAdvice(branch, 6)).toBeNull();
    expect(orgTypeAdvice(branch, 7)).toBe('党员7名（7名以上），应设立支部委员会，现未登记委员');
    expect(orgTypeAdvice({ ...branch, committeeMembers: '王强\n李红' }, 7)).toBeNull();
  });

  it('suggests a 党总支 at 50 and a 基层党委 at 100, not at 49 and 99', () => {
    const withCommittee = { ...branch, committeeMembers: '王强' };
    expect(orgTypeAdvice(withCommittee, 49)).toBeNull();
    expect(orgTypeAdvice(withCommittee, 50)).toBe('党员50名（50名以上），宜设党总支，现为党支部');
    const general = { host: 'enterprise' as const, type: 'general-branch' as const, committeeMembers: '王强' };
    expect(orgTypeAdvice(general, 99)).toBeNull();
    expect(orgTypeAdvice(general, 100)).toBe('党员100名（100名以上），宜设基层党委，现为党总支');
  });

  it('also says when a 党委 has fewer members than its form needs', () => {
    const committee = { host: 'enterprise' as const, type: 'joint-committee' as const, committeeMembers: '王强' };
    expect(orgTypeAdvice(committee, 40)).toBe('党员40名（不足50名），宜设党支部，现为联合党委');
  });

  it('leaves 属地 organisations alone: their own members are not in the ledger', () => {
    expect(orgTypeAdvice({ host: 'locality', type: 'branch', committeeMembers: '' }, 120)).toBeNull();
  });
});

describe('terms and probation', () => {
  it('gives 党委 five years and 党总支/党支部 three', () => {
    expect(termYears('committee')).toBe(5);
    expect(termYears('joint-committee')).toBe(5);
    expect(termYears('general-branch')).toBe(3);
    expect(termYears('joint-branch')).toBe(3);
    expect(termEndsOn('branch', '2023-11-21')).toBe('2026-11-21');
    expect(termEndsOn('committee', '2021-11-21')).toBe('2026-11-21');
    expect(termEndsOn('branch', null)).toBeNull();
  });

  it('counts a year from 29 February to 28 February', () => {
    expect(addYears('2024-02-29', 1)).toBe('2025-02-28');
    expect(addYears('2024-02-29', 4)).toBe('2028-02-29');
    expect(addYears('2025-12-31', 1)).toBe('2026-12-31');
  });

  it('makes a 预备党员 due for 转正 one year after joining', () => {
    expect(probationEndsOn('2025-11-21')).toBe('2026-11-21');
    expect(probationEndsOn(null)).toBeNull();
  });
});

describe('剥离单独组建', () => {
  it('starts at 3 正式党员 in a 联合 organisation only', () => {
    expect(shouldSplitOut('joint', 2)).toBe(false);
    expect(shouldSplitOut('joint', 3)).toBe(true);
    expect(shouldSplitOut('attached', 5)).toBe(false);
    expect(shouldSplitOut('standalone', 5)).toBe(false);
  });
});
