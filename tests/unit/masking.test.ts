import { describe, expect, test } from 'vitest';
import { isMasked, maskPhone } from '../../shared/domain/masking';

describe('maskPhone', () => {
  test('a mobile keeps its first three and last four digits', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
  });

  test('a landline keeps its area code and last four digits, with or without the hyphen', () => {
    expect(maskPhone('0575-83012345')).toBe('0575-****2345');
    expect(maskPhone('057583012345')).toBe('0575****2345');
    expect(maskPhone('83012345')).toBe('****2345');
  });

  test('blank stays blank; anything else keeps only its last four characters', () => {
    expect(maskPhone('')).toBe('');
    expect(maskPhone('  ')).toBe('');
    expect(maskPhone('分机 8801')).toBe('***8801');
    expect(maskPhone('123')).toBe('***');
  });

  test('every masked value is recognisable as masked, so an import never writes it back', () => {
    for (const p of ['13812345678', '0575-83012345', '83012345', '分机 8801'])
      expect(isMasked(maskPhone(p))).toBe(true);
    expect(isMasked('13812345678')).toBe(false);
  });
});
