/**
 * 统一社会信用代码 (GB 32100-2015). The 18th character is a check character over the first 17;
 * the code alphabet omits I, O, Z, S and V so they cannot be confused with digits.
 */
const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

export type UsccProblem =
  | { kind: 'registration-number' }
  | { kind: 'length'; length: number }
  | { kind: 'character'; position: number; char: string }
  | { kind: 'check'; expected: string; actual: string };

export type UsccCheck = { ok: true; value: string } | { ok: false; value: string; problem: UsccProblem };

/** Full-width letters and digits (as typed with a Chinese IME) become ASCII; spaces go; letters are upper-cased. */
export function normalizeUscc(raw: string): string {
  return raw
    .replace(/[\uFF01-\uFF5E]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .replace(/[\s\u3000]/g, '')
    .toUpperCase();
}

export function usccCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = ALPHABET.indexOf(first17.charAt(i));
    if (v < 0) throw new RangeError(`invalid credit-code character at ${i + 1}`);
    sum += v * (WEIGHTS[i] as number);
  }
  return ALPHABET.charAt((31 - (sum % 31)) % 31);
}

export function checkUscc(raw: string): UsccCheck {
  const value = normalizeUscc(raw);
  if (/^\d{15}$/.test(value)) return { ok: false, value, problem: { kind: 'registration-number' } };
  if (value.length !== 18) return { ok: false, value, problem: { kind: 'length', length: value.length } };
  for (let i = 0; i < 18; i++) {
    const ch = value.charAt(i);
    if (!ALPHABET.includes(ch)) return { ok: false, value, problem: { kind: 'character', position: i + 1, char: ch } };
  }
  const expected = usccCheckChar(value.slice(0, 17));
  const actual = value.charAt(17);
  if (expected !== actual) return { ok: false, value, problem: { kind: 'check', expected, actual } };
  return { ok: true, value };
}

/** The reason in words a clerk can act on. */
export function usccProblemMessage(problem: UsccProblem): string {
  switch (problem.kind) {
    case 'registration-number':
      return '这是15位的工商注册号，不是统一社会信用代码，请填入“工商注册号”一栏';
    case 'length':
      return `应为18位，实际为${problem.length}位`;
    case 'character':
      return `第${problem.position}位“${problem.char}”不是有效字符（只能是数字和除 I、O、Z、S、V 以外的大写字母）`;
    case 'check':
      return `校验位错误：第18位应为“${problem.expected}”，实际为“${problem.actual}”，请核对是否抄错`;
  }
}

const ORG_CODE_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];

/** GB 11714 organisation-code check digit (positions 9–17 of a credit code) — used to make realistic codes. */
export function orgCodeCheckChar(first8: string): string {
  let sum = 0;
  for (let i = 0; i < 8; i++) {
    const ch = first8.charAt(i);
    // GB 11714 values digits as themselves and letters A–Z as 10–35.
    const v = /\d/.test(ch) ? Number(ch) : ch.charCodeAt(0) - 55;
    sum += v * (ORG_CODE_WEIGHTS[i] as number);
  }
  const c = 11 - (sum % 11);
  return c === 10 ? 'X' : c === 11 ? '0' : String(c);
}
