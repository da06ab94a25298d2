import { describe, expect, test } from 'vitest';
import {
  checkUscc,
  normalizeUscc,
  orgCodeCheckChar,
  usccCheckChar,
  usccProblemMessage,
  type UsccProblem,
} from '../../shared/domain/uscc';

/**
 * Real-format codes whose 18th character was checked by hand against GB 32100-2015
 * (alphabet 0–9 = 0–9, A=10 B=11 … H=17 J=18 K=19 L=20 M=21 N=22 P=23 Q=24 R=25 T=26 U=27 W=28 X=29 Y=30;
 * weights 1 3 9 27 19 26 16 17 20 29 25 13 8 24 10 30 28; check = (31 − sum mod 31) mod 31):
 *
 * 91350100M000100Y43 — the standard's textbook example (福州, 350100):
 *   9·1 + 1·3 + 3·9 + 5·27 + 0·19 + 1·26 + 0·16 + 0·17 + M21·20 + 0·29 + 0·25 + 0·13 + 1·8 + 0·24 + 0·10 + Y30·30 + 4·28
 *   = 9 + 3 + 27 + 135 + 26 + 420 + 8 + 900 + 112 = 1640; 1640 = 52·31 + 28; 31 − 28 = 3 → “3” ✓
 *
 * 914403001922038216 — a published Shenzhen (440300) company code:
 *   9·1 + 1·3 + 4·9 + 4·27 + 0·19 + 3·26 + 0·16 + 0·17 + 1·20 + 9·29 + 2·25 + 2·13 + 0·8 + 3·24 + 8·10 + 2·30 + 1·28
 *   = 9 + 3 + 36 + 108 + 78 + 20 + 261 + 50 + 26 + 72 + 80 + 60 + 28 = 831; 831 = 26·31 + 25; 31 − 25 = 6 → “6” ✓
 *
 * 91440300708461136T — another published Shenzhen company code, check character a letter:
 *   9·1 + 1·3 + 4·9 + 4·27 + 0·19 + 3·26 + 0·16 + 0·17 + 7·20 + 0·29 + 8·25 + 4·13 + 6·8 + 1·24 + 1·10 + 3·30 + 6·28
 *   = 9 + 3 + 36 + 108 + 78 + 140 + 200 + 52 + 48 + 24 + 10 + 90 + 168 = 966; 966 = 31·31 + 5; 31 − 5 = 26 → “T” ✓
 */
const HAND_CHECKED = ['91350100M000100Y43', '914403001922038216', '91440300708461136T'] as const;

/** A credit code the way the sample generator makes one: head, division, organisation code with its own check. */
function makeCode(head: string, division: string, body8: string): string {
  const first17 = `${head}${division}${body8}${orgCodeCheckChar(body8)}`;
  return first17 + usccCheckChar(first17);
}

describe('valid codes', () => {
  test.each(HAND_CHECKED)('%s is accepted', (code) => {
    expect(checkUscc(code)).toEqual({ ok: true, value: code });
  });

  test('usccCheckChar agrees with the hand computations', () => {
    expect(usccCheckChar('91350100M000100Y4')).toBe('3');
    expect(usccCheckChar('91440300192203821')).toBe('6');
    expect(usccCheckChar('91440300708461136')).toBe('T');
  });

  test.each([
    ['91', '330683', '12345678'],
    ['92', '330683', '00000001'],
    ['51', '330683', '87654321'],
    ['52', '110105', '55555555'],
    ['91', '310115', '99999999'],
  ])('computed code %s%s… is accepted', (head, division, body) => {
    const code = makeCode(head, division, body);
    expect(code).toHaveLength(18);
    expect(checkUscc(code)).toEqual({ ok: true, value: code });
  });

  test('a code ending in 0 (sum divisible by 31) is computed and accepted', () => {
    // Search the organisation-code space until the check character is 0: the (31 − 0) mod 31 corner.
    let found: string | null = null;
    for (let n = 0; n < 10_000 && !found; n++) {
      const code = makeCode('91', '330683', String(n).padStart(8, '0'));
      if (code.endsWith('0')) found = code;
    }
    expect(found).not.toBeNull();
    expect(checkUscc(found!).ok).toBe(true);
  });
});

describe('GB 11714 organisation-code check character', () => {
  test('the standard example D2143569 has check character X', () => {
    // D=13: 13·3 + 2·7 + 1·9 + 4·10 + 3·5 + 5·8 + 6·4 + 9·2 = 199; 199 mod 11 = 1; 11 − 1 = 10 → X
    expect(orgCodeCheckChar('D2143569')).toBe('X');
  });

  test('positions 9–17 of the hand-checked codes carry a correct organisation code', () => {
    for (const code of HAND_CHECKED) expect(orgCodeCheckChar(code.slice(8, 16))).toBe(code.charAt(16));
  });
});

describe('normalisation', () => {
  test('full-width digits and letters become ASCII, spaces (also the ideographic space) go, letters are upper-cased', () => {
    expect(normalizeUscc('９１３５０１００Ｍ０００１００Ｙ４３')).toBe('91350100M000100Y43');
    expect(normalizeUscc(' 9135 0100\u3000m000 100y43\t')).toBe('91350100M000100Y43');
    expect(normalizeUscc('ａｂｃ')).toBe('ABC');
  });

  test('a code typed in full width, lower case or with spaces is accepted as its normal form', () => {
    for (const raw of [
      '９１３５０１００Ｍ０００１００Ｙ４３',
      '91350100m000100y43',
      '9135 0100 M000 100Y 43',
      '９１４４０３００７０８４６１１３６ｔ',
    ]) {
      const result = checkUscc(raw);
      expect(result.ok, raw).toBe(true);
      expect(result.value).toMatch(/^(91350100M000100Y43|91440300708461136T)$/);
    }
  });
});

describe('wrong codes', () => {
  test.each([
    ['17 characters', '91350100M000100Y4', 17],
    ['19 characters', '91350100M000100Y430', 19],
    ['empty', '', 0],
    ['15 characters with a letter (not a registration number)', '91350100M000100', 15],
  ])('%s → length problem', (_label, raw, length) => {
    expect(checkUscc(raw)).toEqual({ ok: false, value: raw, problem: { kind: 'length', length } });
  });

  test('length is counted after normalising (spaces do not count)', () => {
    const result = checkUscc(' 91350100M000100Y4 ');
    expect(result.ok).toBe(false);
    expect(result.ok ? null : result.problem).toEqual({ kind: 'length', length: 17 });
  });

  test.each(['I', 'O', 'Z', 'S', 'V'])('the letter %s is not in the code alphabet', (letter) => {
    const raw = `91350100${letter}000100Y43`;
    expect(checkUscc(raw)).toEqual({
      ok: false,
      value: raw,
      problem: { kind: 'character', position: 9, char: letter },
    });
  });

  test('a lower-case excluded letter is reported upper-cased at its position', () => {
    expect(checkUscc('9135010oM000100Y43')).toMatchObject({
      ok: false,
      problem: { kind: 'character', position: 8, char: 'O' },
    });
  });

  test('punctuation or a Chinese character is reported at its position', () => {
    expect(checkUscc('91350100-000100Y43')).toMatchObject({ problem: { kind: 'character', position: 9, char: '-' } });
    expect(checkUscc('91350100M000100Y4号')).toMatchObject({
      problem: { kind: 'character', position: 18, char: '号' },
    });
  });

  test('a wrong check character names the expected and the actual one', () => {
    expect(checkUscc('91350100M000100Y44')).toEqual({
      ok: false,
      value: '91350100M000100Y44',
      problem: { kind: 'check', expected: '3', actual: '4' },
    });
    expect(checkUscc('91440300708461136U')).toMatchObject({ problem: { kind: 'check', expected: 'T', actual: 'U' } });
  });

  test('two swapped digits are caught by the check character', () => {
    expect(checkUscc('91350100M000010Y43')).toMatchObject({ ok: false, problem: { kind: 'check' } });
  });

  test('a 15-digit 工商注册号 is recognised as a registration number, not a short code', () => {
    expect(checkUscc('330683000012345')).toEqual({
      ok: false,
      value: '330683000012345',
      problem: { kind: 'registration-number' },
    });
    expect(checkUscc('３３０６８３０００ ０１２３４５')).toMatchObject({
      ok: false,
      problem: { kind: 'registration-number' },
    });
  });

  test('usccCheckChar refuses a character outside the alphabet', () => {
    expect(() => usccCheckChar('91350100I000100Y4')).toThrow(RangeError);
  });
});

describe('usccProblemMessage', () => {
  const cases: [UsccProblem, string[]][] = [
    [{ kind: 'registration-number' }, ['15位', '工商注册号', '不是统一社会信用代码']],
    [{ kind: 'length', length: 17 }, ['应为18位', '实际为17位']],
    [{ kind: 'length', length: 19 }, ['实际为19位']],
    [{ kind: 'character', position: 9, char: 'I' }, ['第9位', '“I”', 'I、O、Z、S、V']],
    [{ kind: 'check', expected: '3', actual: '4' }, ['校验位错误', '第18位应为“3”', '实际为“4”']],
  ];

  test.each(cases)('%o → Chinese text with the specifics', (problem, fragments) => {
    const message = usccProblemMessage(problem);
    expect(message).toMatch(/[\u4e00-\u9fff]/);
    for (const f of fragments) expect(message).toContain(f);
  });

  test('the message for a real mistake names both characters', () => {
    const result = checkUscc('91350100M000100Y4Y');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(usccProblemMessage(result.problem)).toBe('校验位错误：第18位应为“3”，实际为“Y”，请核对是否抄错');
  });
});
