import { describe, expect, test, vi } from 'vitest';
import { enterpriseFieldText, type RefField } from '../../shared/domain/fieldText';

const NAMES: Record<RefField, Record<number, string>> = {
  areaId: { 3: '长安村' },
  workGroupId: { 2: '第二推进组' },
  instructorId: { 5: '王五' },
  leaderId: { 4: '张镇长' },
  partyOrgId: { 8: '长乐镇两新组织联合党支部' },
  associationId: { 11: '嵊州市长乐镇领带行业协会' },
  leadEnterpriseId: { 12: '浙江长乐领带集团有限公司' },
};
const nameOf = (field: RefField, id: number): string | null => NAMES[field][id] ?? null;
const noRefs = (): string | null => {
  throw new Error('no reference expected');
};

describe('enterpriseFieldText', () => {
  test('booleans read 是 / 否', () => {
    expect(enterpriseFieldText('hasVenue', true, noRefs)).toBe('是');
    expect(enterpriseFieldText('hasVenue', false, noRefs)).toBe('否');
    expect(enterpriseFieldText('ownerIsMember', true, noRefs)).toBe('是');
    expect(enterpriseFieldText('keyCultivation', false, noRefs)).toBe('否');
  });

  test.each([
    ['operatingStatus', 'suspended', '停产'],
    ['operatingStatus', 'normal', '正常'],
    ['operatingStatus', 'moved-out', '迁出'],
    ['orgSetting', 'joint', '联合建立'],
    ['orgSetting', 'none', '未建立'],
    ['kind', 'individual', '个体工商户'],
    ['ownership', 'private-llc', '私营有限责任公司'],
    ['industry', 'C', '制造业'],
    ['controlType', 'foreign-sole', '外商经济控制·外商独资'],
    ['formationDirection', 'village-joint', '村企联建'],
  ] as const)('%s %s → %s', (field, value, text) => {
    expect(enterpriseFieldText(field, value, noRefs)).toBe(text);
  });

  test('an enum value with no label (an old code) is shown as stored', () => {
    expect(enterpriseFieldText('operatingStatus', 'bankrupt', noRefs)).toBe('bankrupt');
  });

  test.each([
    ['employees', 45, '45人'],
    ['youngEmployees', 12, '12人'],
    ['employees', 0, '0人'],
    ['revenue', 1234.5, '1234.5万元'],
    ['payroll', 300, '300万元'],
    ['venueArea', 60, '60平方米'],
    ['starRating', 3, '3星'],
  ] as const)('%s %s → %s', (field, value, text) => {
    expect(enterpriseFieldText(field, value, noRefs)).toBe(text);
  });

  test('fields without a unit read as stored', () => {
    expect(enterpriseFieldText('fullMembers', 3, noRefs)).toBe('3');
    expect(enterpriseFieldText('name', '长乐机械有限公司', noRefs)).toBe('长乐机械有限公司');
    expect(enterpriseFieldText('foundedOn', '2011-08-09', noRefs)).toBe('2011-08-09');
    expect(enterpriseFieldText('uscc', '91330683123456788H', noRefs)).toBe('91330683123456788H');
  });

  test.each([null, undefined, ''])('blank (%j) → null', (value) => {
    expect(enterpriseFieldText('employees', value, noRefs)).toBeNull();
    expect(enterpriseFieldText('note', value, noRefs)).toBeNull();
    expect(enterpriseFieldText('operatingStatus', value, noRefs)).toBeNull();
    expect(enterpriseFieldText('areaId', value, noRefs)).toBeNull();
  });

  test('a blank reference does not ask the callback', () => {
    const spy = vi.fn(nameOf);
    expect(enterpriseFieldText('workGroupId', null, spy)).toBeNull();
    expect(spy).not.toHaveBeenCalled();
  });

  test.each([
    ['areaId', 3, '长安村'],
    ['workGroupId', 2, '第二推进组'],
    ['instructorId', 5, '王五'],
    ['leaderId', 4, '张镇长'],
    ['partyOrgId', 8, '长乐镇两新组织联合党支部'],
    ['associationId', 11, '嵊州市长乐镇领带行业协会'],
    ['leadEnterpriseId', 12, '浙江长乐领带集团有限公司'],
  ] as const)('reference %s %i is named through the callback: %s', (field, id, text) => {
    const spy = vi.fn(nameOf);
    expect(enterpriseFieldText(field, id, spy)).toBe(text);
    expect(spy).toHaveBeenCalledTimes(1);
    expect(spy).toHaveBeenCalledWith(field, id);
  });

  test('a reference stored as text is passed to the callback as a number', () => {
    const spy = vi.fn(nameOf);
    expect(enterpriseFieldText('areaId', '3', spy)).toBe('长安村');
    expect(spy).toHaveBeenCalledWith('areaId', 3);
  });

  test.each([
    ['areaId', 99],
    ['workGroupId', 7],
    ['instructorId', 12],
    ['partyOrgId', 3],
    ['leadEnterpriseId', 40],
  ] as const)('a deleted reference %s %i reads 已删除 with its id', (field, id) => {
    const text = enterpriseFieldText(field, id, nameOf);
    expect(text).toBe(`（已删除，编号${id}）`);
    expect(text).toContain('已删除');
    expect(text).toContain(String(id));
  });
});
