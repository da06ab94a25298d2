import { describe, expect, it } from 'vitest';
import { checkIdNumber, idCheckChar, maskIdNumber, normalizeIdNumber } from '../../shared/domain/idNumber';
import { idNumberField } from '../../shared/ipc/members';

/** The two worked examples printed in GB 11643-1999 itself. */
const STANDARD_EXAMPLES = ['11010519491231002X', '440524188001010014'];

describe('身份证号 (GB 11643-1999)', () => {
  it('accepts the standard’s own examples and reads birth date and gender from them', () => {
    expect(checkIdNumber(STANDARD_EXAMPLES[0]!)).toEqual({ ok: true, birthDate: '1949-12-31', gender: 'female' });
    expect(checkIdNumber(STANDARD_EXAMPLES[1]!)).toEqual({ ok: true, birthDate: '1880-01-01', gender: 'male' });
  });

  it('computes the check character, 10 written as X', () => {
    expect(idCheckChar('11010519491231002')).toBe('X');
    expect(idCheckChar('44052418800101001')).toBe('4');
  });

  it('refuses every wrong check character and names the right one', () => {
    const first17 = '33010219850615123';
    const right = idCheckChar(first17);
    for (const c of '0123456789X') {
      const result = checkIdNumber(first17 + c);
      if (c === right) expect(result.ok).toBe(true);
      else expect(result).toEqual({ ok: false, problem: 'check', expected: right });
    }
  });

  it('tells length, characters and birth date apart', () => {
    expect(checkIdNumber('3301021985061512')).toEqual({ ok: false, problem: 'length' });
    expect(checkIdNumber('33010219850615A234')).toEqual({ ok: false, problem: 'characters' });
    const feb30 = '33010219850230123';
    expect(checkIdNumber(feb30 + idCheckChar(feb30))).toEqual({ ok: false, problem: 'birth-date' });
  });

  it('normalises full-width digits, spaces and a lower-case x', () => {
    expect(normalizeIdNumber('１１０１０５ 1949 1231 002x')).toBe('11010519491231002X');
  });

  it('masks to the first 4 and last 4 characters', () => {
    expect(maskIdNumber('330102198506151234')).toBe('3301**********1234');
    expect(maskIdNumber(null)).toBeNull();
    expect(maskIdNumber('')).toBeNull();
  });
});

describe('the 身份证号 field of the member form', () => {
  const parse = (v: unknown) => idNumberField.safeParse(v);

  it('keeps blank as none and a valid number normalised', () => {
    expect(parse('').data).toBeNull();
    expect(parse(null).data).toBeNull();
    expect(parse('11010519491231002x').data).toBe('11010519491231002X');
  });

  it('gives a Chinese message naming the field and the reason', () => {
    expect(parse('110105194912310021').error?.issues[0]?.message).toBe(
      '身份证号校验位不正确（按前17位应为X），请核对是否输错',
    );
    expect(parse('1101051949123100').error?.issues[0]?.message).toBe('身份证号应为18位');
  });

  it('lets a masked value through unchecked: it is what the form was shown, and the core keeps the stored number', () => {
    expect(parse('3301**********1234')).toMatchObject({ success: true, data: '3301**********1234' });
  });
});
