import { describe, expect, test } from 'vitest';
import { REVENUE_THRESHOLD, SIZE_BANDS, revenueNeedsConfirming, sizeBand } from '../../shared/domain/sizeBand';

describe('sizeBand: employee boundaries (inclusive as the survey writes them)', () => {
  test.each([
    [0, 'A'],
    [1, 'A'],
    [29, 'A'],
    [30, 'B'],
    [49, 'B'],
    [80, 'D'],
    [81, 'D'],
    [1500, 'D'],
  ] as const)('%i employees with revenue 100 万元 → %s', (employees, band) => {
    expect(sizeBand(employees, 100)).toBe(band);
  });

  test('49 is B and 50 is C when revenue is under 500 万元', () => {
    expect(sizeBand(49, 100)).toBe('B');
    expect(sizeBand(50, 100)).toBe('C');
  });

  test('79 with small revenue is C, 80 is D whatever the revenue', () => {
    expect(sizeBand(79, 100)).toBe('C');
    expect(sizeBand(80, 100)).toBe('D');
    expect(sizeBand(80, 0)).toBe('D');
  });

  test('revenue does not move A or B enterprises', () => {
    expect(sizeBand(29, 100_000)).toBe('A');
    expect(sizeBand(49, 100_000)).toBe('B');
  });
});

describe('sizeBand: the 500 万元 line for 50–79 employees', () => {
  test('the threshold is 500 万元', () => {
    expect(REVENUE_THRESHOLD).toBe(500);
  });

  test.each([
    [50, 499.99, 'C'],
    [50, 500, 'D'],
    [79, 499.99, 'C'],
    [79, 500, 'D'],
    [65, 0, 'C'],
    [65, 12_000, 'D'],
  ] as const)('%i employees, %d 万元 → %s', (employees, revenue, band) => {
    expect(sizeBand(employees, revenue)).toBe(band);
  });
});

describe('sizeBand: unknown employees', () => {
  test.each([
    ['null', null],
    ['undefined', undefined],
    ['NaN', Number.NaN],
    ['negative', -1],
    ['Infinity', Number.POSITIVE_INFINITY],
  ] as const)('%s employees → unknown, never a guessed band', (_label, employees) => {
    expect(sizeBand(employees, 800)).toBe('unknown');
    expect(sizeBand(employees, null)).toBe('unknown');
  });

  test('unknown employees are never flagged for revenue (there is no band to confirm)', () => {
    expect(revenueNeedsConfirming(null, null)).toBe(false);
    expect(revenueNeedsConfirming(Number.NaN, undefined)).toBe(false);
  });
});

describe('unknown revenue', () => {
  test.each([
    ['null', null],
    ['undefined', undefined],
    ['NaN', Number.NaN],
    ['negative', -5],
  ] as const)('50–79 employees with %s revenue → C and flagged for the clerk', (_label, revenue) => {
    expect(sizeBand(50, revenue)).toBe('C');
    expect(sizeBand(79, revenue)).toBe('C');
    expect(revenueNeedsConfirming(50, revenue)).toBe(true);
    expect(revenueNeedsConfirming(79, revenue)).toBe(true);
  });

  test('80 or more employees with unknown revenue → D and not flagged', () => {
    expect(sizeBand(80, null)).toBe('D');
    expect(sizeBand(300, undefined)).toBe('D');
    expect(revenueNeedsConfirming(80, null)).toBe(false);
    expect(revenueNeedsConfirming(300, undefined)).toBe(false);
  });

  test('under 50 employees with unknown revenue → A/B and not flagged', () => {
    expect(sizeBand(10, null)).toBe('A');
    expect(sizeBand(49, null)).toBe('B');
    expect(revenueNeedsConfirming(10, null)).toBe(false);
    expect(revenueNeedsConfirming(49, null)).toBe(false);
  });

  test('known revenue in the 50–79 band is not flagged', () => {
    expect(revenueNeedsConfirming(60, 0)).toBe(false);
    expect(revenueNeedsConfirming(60, 499.99)).toBe(false);
    expect(revenueNeedsConfirming(60, 500)).toBe(false);
  });
});

describe('SIZE_BANDS labels', () => {
  test('every band has the survey wording', () => {
    expect(Object.keys(SIZE_BANDS)).toEqual(['A', 'B', 'C', 'D', 'unknown']);
    expect(SIZE_BANDS.A).toBe('30人以下');
    expect(SIZE_BANDS.B).toBe('30–49人');
    expect(SIZE_BANDS.C).toContain('500万元以下');
    expect(SIZE_BANDS.D).toContain('80人以上');
    expect(SIZE_BANDS.unknown).toBe('人数不详');
  });
});
