import { describe, expect, it } from 'vitest';
import { fundingRange, suggestFormation, type FormationFacts } from '../../shared/domain/formationSuggestion';

/** A small enterprise in a village with no members: the last rule (村企联建) applies unless a test says otherwise. */
const base: FormationFacts = {
  fullMembers: 0,
  membersFloating: null,
  employees: 20,
  sizeBand: 'A',
  orgSetting: 'none',
  areaType: 'village',
  areaName: '长安村',
  association: null,
  leadEnterprise: null,
};
const suggest = (over: Partial<FormationFacts>) => suggestFormation({ ...base, ...over });

describe('the formation-method suggestion (domain.md §5), in the table’s order', () => {
  it('suggests 单独组建 from 3 正式党员, and 剥离 for an enterprise inside a 联合 organisation', () => {
    expect(suggest({ fullMembers: 3 })).toEqual({
      method: 'standalone',
      rule: 'standalone',
      reason: '正式党员3名，符合单独组建条件',
    });
    expect(suggest({ fullMembers: 3, orgSetting: 'joint' })).toMatchObject({ method: 'standalone', rule: 'split-out' });
    // 3 members beat every later rule, even in a park.
    expect(suggest({ fullMembers: 3, areaType: 'industrial-park' }).rule).toBe('standalone');
  });

  it('suggests a 流动党员党支部 for more than 3 流动党员, not for exactly 3', () => {
    expect(suggest({ fullMembers: 1, membersFloating: 4 })).toEqual({
      method: 'standalone',
      rule: 'floating-branch',
      reason: '流动党员4名（超过3名），可单独成立流动党员党支部',
    });
    expect(suggest({ fullMembers: 1, membersFloating: 3 }).rule).toBe('village-joint');
  });

  it('suggests 派员帮建 for exactly 2 正式党员 in a band D enterprise only', () => {
    expect(suggest({ fullMembers: 2, employees: 120, sizeBand: 'D' })).toEqual({
      method: 'instructor-assisted',
      rule: 'instructor-assisted',
      reason: '正式党员2名，从业人员120人，符合派员帮建条件',
    });
    expect(suggest({ fullMembers: 2, employees: 79, sizeBand: 'C' }).rule).toBe('village-joint');
    expect(suggest({ fullMembers: 1, employees: 120, sizeBand: 'D' }).rule).toBe('village-joint');
    // Unknown size is not band D.
    expect(suggest({ fullMembers: 2, employees: null, sizeBand: 'unknown' }).rule).toBe('village-joint');
  });

  it('suggests 园区联建 in an industrial park before 行业统建', () => {
    expect(
      suggest({
        areaType: 'industrial-park',
        areaName: '长乐镇工业园区',
        association: { name: '长乐镇领带行业协会', hasOrg: true },
      }),
    ).toEqual({
      method: 'park-joint',
      rule: 'park-joint',
      reason: '正式党员0名，不足3名，位于长乐镇工业园区（工业园区），宜园区联建',
    });
  });

  it('suggests 行业统建 for a member of an association, before 龙头领建', () => {
    expect(
      suggest({
        association: { name: '长乐镇领带行业协会', hasOrg: false },
        leadEnterprise: { name: '浙江长乐领带集团', hasOrg: true },
      }),
    ).toMatchObject({
      method: 'industry-joint',
      reason: '正式党员0名，不足3名，所属长乐镇领带行业协会可牵头组建联合党组织，宜行业统建',
    });
  });

  it('suggests 龙头领建 only when the leading enterprise has an organisation', () => {
    expect(suggest({ leadEnterprise: { name: '浙江长乐领带集团', hasOrg: true } }).rule).toBe('leader-led');
    expect(suggest({ leadEnterprise: { name: '浙江长乐领带集团', hasOrg: false } }).rule).toBe('village-joint');
  });

  it('suggests 区域合建 in a market, building or street, and 村企联建 otherwise', () => {
    for (const areaType of ['market', 'building', 'street'] as const) {
      expect(suggest({ areaType }).rule).toBe('area-joint');
    }
    expect(suggest({ areaType: 'market', areaName: '长乐小商品市场' }).reason).toBe(
      '正式党员0名，不足3名，位于长乐小商品市场（专业市场），宜区域合建',
    );
    expect(suggest({ areaType: 'community', areaName: '城东社区' })).toEqual({
      method: 'village-joint',
      rule: 'village-joint',
      reason: '正式党员0名，不足3名，不具备以上条件，宜与城东社区党组织村企联建',
    });
  });
});

describe('party-work funding (5‰–8‰ of 工资总额)', () => {
  it('gives the range in 万元, rounded to the 元, and nothing for an unknown payroll', () => {
    expect(fundingRange(1000)).toEqual({ low: 5, high: 8 });
    expect(fundingRange(213.66)).toEqual({ low: 1.0683, high: 1.7093 });
    expect(fundingRange(0)).toEqual({ low: 0, high: 0 });
    expect(fundingRange(null)).toBeNull();
  });
});
