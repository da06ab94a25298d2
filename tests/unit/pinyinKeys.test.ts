import { describe, expect, test } from 'vitest';
import { pinyinInitials } from '../../electron/core/search/pinyinKeys';

/** One key, or two separated by a single space; each key only lower-case letters and digits. */
const KEYS = /^[a-z0-9]+( [a-z0-9]+)?$/;

const keysOf = (name: string) => pinyinInitials(name).split(' ');

describe('pinyinInitials', () => {
  test('长乐机械有限公司 → cljxyxgs, which a clerk finds by typing cljx', () => {
    expect(pinyinInitials('长乐机械有限公司')).toBe('cljxyxgs');
    expect(pinyinInitials('长乐机械有限公司')).toContain('cljx');
  });

  test('长乐镇长安村 keeps the reading in context (镇长 zhǎng) and each character’s own (长安 cháng)', () => {
    const result = pinyinInitials('长乐镇长安村');
    expect(result).toBe('clzzac clzcac');
    expect(keysOf('长乐镇长安村')).toEqual(['clzzac', 'clzcac']);
  });

  test('a name read the same either way has a single key', () => {
    expect(pinyinInitials('嵊州市工业园区')).toBe('szsgyyq');
    expect(keysOf('嵊州市工业园区')).toHaveLength(1);
  });

  test('letters are lower-cased and kept in place', () => {
    expect(pinyinInitials('ABC科技')).toBe('abckj');
    expect(pinyinInitials('ABC科技').startsWith('abckj')).toBe(true);
    expect(pinyinInitials('长乐XYZ贸易')).toBe('clxyzmy');
  });

  test('digits are kept', () => {
    expect(pinyinInitials('第1车间')).toBe('d1cj');
    expect(pinyinInitials('长乐3D打印')).toBe('cl3ddy');
  });

  test('punctuation, full-width brackets and spaces are dropped', () => {
    expect(pinyinInitials('长乐（集团）有限公司')).toBe('cljtyxgs');
    expect(pinyinInitials('长乐(集团)有限公司')).toBe('cljtyxgs');
    expect(pinyinInitials('长乐·机械 有限公司')).toBe('cljxyxgs');
    expect(pinyinInitials('“长乐”机械，有限公司。')).toBe('cljxyxgs');
  });

  test('an empty name gives an empty key', () => {
    expect(pinyinInitials('')).toBe('');
  });

  test('a name of punctuation only gives an empty key', () => {
    expect(pinyinInitials('（）——')).toBe('');
  });

  test.each([
    '长乐机械有限公司',
    '长乐镇长安村',
    'ABC科技',
    '长乐（集团）有限公司',
    '嵊州市重庆银行支行',
    '第1车间',
    '长乐·机械 有限公司',
    '银行行长',
  ])('%s gives one or two lower-case [a-z0-9] keys', (name) => {
    const result = pinyinInitials(name);
    expect(result).toMatch(KEYS);
    expect(result).toBe(result.toLowerCase());
    const keys = result.split(' ');
    expect(keys.length).toBeGreaterThanOrEqual(1);
    expect(keys.length).toBeLessThanOrEqual(2);
    if (keys.length === 2) expect(keys[0]).not.toBe(keys[1]);
  });

  test('both keys have one initial per character kept', () => {
    for (const key of keysOf('长乐镇长安村')) expect(key).toHaveLength(6);
    for (const key of keysOf('嵊州市重庆银行支行')) expect(key).toHaveLength(9);
  });
});

test('full-width letters and digits count as their ASCII selves', () => {
  expect(pinyinInitials('ＡＢＣ３')).toBe('abc3');
});
