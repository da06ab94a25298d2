/**
 * 公民身份号码 (GB 11643-1999): 6 digits of the issuing area, the birth date YYYYMMDD, a 3-digit sequence
 * (odd for men) and a check character over the first 17 (ISO 7064 MOD 11-2, 10 written as X).
 */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS = '10X98765432';

export type IdNumberProblem = 'length' | 'characters' | 'birth-date' | 'check';

export type IdNumberCheck =
  | { ok: true; birthDate: string; gender: 'male' | 'female' }
  | { ok: false; problem: IdNumberProblem; expected?: string };

/** Full-width digits and a lower-case x, as typed with a Chinese input method, are the same number. */
export function normalizeIdNumber(raw: string): string {
  return raw.normalize('NFKC').replace(/\s+/g, '').toUpperCase();
}

export function idCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i]!;
  return CHECK_CHARS[sum % 11]!;
}

export function checkIdNumber(id: string): IdNumberCheck {
  if (id.length !== 18) return { ok: false, problem: 'length' };
  if (!/^\d{17}[\dX]$/.test(id)) return { ok: false, problem: 'characters' };
  const birthDate = `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
  if (!isBirthDate(birthDate)) return { ok: false, problem: 'birth-date' };
  const expected = idCheckChar(id.slice(0, 17));
  if (id[17] !== expected) return { ok: false, problem: 'check', expected };
  return { ok: true, birthDate, gender: Number(id[16]) % 2 === 1 ? 'male' : 'female' };
}

/** Any real calendar day from 1800 on (the standard's own example is born in 1880). */
function isBirthDate(s: string): boolean {
  const [y, m, d] = s.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return y >= 1800 && date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

export function idNumberProblemMessage(problem: IdNumberProblem, expected?: string): string {
  switch (problem) {
    case 'length':
      return '应为18位';
    case 'characters':
      return '前17位应为数字，最后一位为数字或X';
    case 'birth-date':
      return '中的出生日期（第7–14位）不是有效日期';
    case 'check':
      return `校验位不正确（按前17位应为${expected}），请核对是否输错`;
  }
}

/** 3301**********1234: enough to tell two people apart on a list, not enough to misuse. */
export function maskIdNumber(id: string | null): string | null {
  if (!id) return null;
  if (id.length < 9) return '*'.repeat(id.length);
  return `${id.slice(0, 4)}${'*'.repeat(id.length - 8)}${id.slice(-4)}`;
}
