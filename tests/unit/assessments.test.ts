import { describe, expect, test } from 'vitest';
import {
  HARD_INDICATORS,
  MAX_TOTAL,
  MODEL_THRESHOLD,
  QUALIFIED_THRESHOLD,
  STANDARDS,
  gradeOf,
  totalOf,
  type HardChecks,
  type HardIndicator,
  type Scores,
} from '../../shared/domain/assessments';
import { assessmentInput } from '../../shared/ipc/plans';

const ALL_MET: HardChecks = { hasOrg: true, hasVenue: true, fundingInBudget: true, noViolation: true };
const HARD_IDS = Object.keys(HARD_INDICATORS) as HardIndicator[];

const scores = (over: Partial<Scores> = {}): Scores => ({
  production: 0,
  growth: 0,
  ecology: 0,
  labour: 0,
  culture: 0,
  responsibility: 0,
  partyBuilding: 0,
  ...over,
});

describe('totalOf', () => {
  test('the seven standards add up to 100 at full marks', () => {
    expect(MAX_TOTAL).toBe(100);
    const full = Object.fromEntries(Object.entries(STANDARDS).map(([s, { max }]) => [s, max])) as Scores;
    expect(totalOf(full)).toBe(100);
    expect(totalOf(scores())).toBe(0);
  });

  test('one-decimal scores add up exactly, without binary fractions creeping in', () => {
    expect(totalOf(scores({ production: 0.1, growth: 0.2 }))).toBe(0.3);
    expect(totalOf(scores({ production: 12.3, growth: 13.4, ecology: 14.5, labour: 11.1, partyBuilding: 9.9 }))).toBe(
      61.2,
    );
    // Seven tenths that floating point would sum to 0.7000000000000001.
    const tenths = scores({
      production: 0.1,
      growth: 0.1,
      ecology: 0.1,
      labour: 0.1,
      culture: 0.1,
      responsibility: 0.1,
      partyBuilding: 0.1,
    });
    expect(totalOf(tenths)).toBe(0.7);
    expect(totalOf(scores({ production: 14.5, growth: 14.5, ecology: 14.5, labour: 14.5, culture: 14.5 }))).toBe(72.5);
  });
});

describe('gradeOf', () => {
  test('示范 from 90 with every hard indicator met, 达标 from 70, 培育 below', () => {
    expect(MODEL_THRESHOLD).toBe(90);
    expect(QUALIFIED_THRESHOLD).toBe(70);
    expect(gradeOf(100, ALL_MET)).toBe('model');
    expect(gradeOf(90, ALL_MET)).toBe('model');
    expect(gradeOf(89.9, ALL_MET)).toBe('qualified');
    expect(gradeOf(70, ALL_MET)).toBe('qualified');
    expect(gradeOf(69.9, ALL_MET)).toBe('cultivate');
    expect(gradeOf(0, ALL_MET)).toBe('cultivate');
  });

  test.each(HARD_IDS)(
    'without %s a 90-point enterprise is 达标, not 示范; the hard indicators never lower 达标',
    (h) => {
      const missing = { ...ALL_MET, [h]: false };
      expect(gradeOf(100, missing)).toBe('qualified');
      expect(gradeOf(90, missing)).toBe('qualified');
      expect(gradeOf(70, missing)).toBe('qualified');
      expect(gradeOf(69.9, missing)).toBe('cultivate');
    },
  );

  test('with no hard indicator met the grade follows the total alone', () => {
    const none: HardChecks = { hasOrg: false, hasVenue: false, fundingInBudget: false, noViolation: false };
    expect(gradeOf(95, none)).toBe('qualified');
    expect(gradeOf(50, none)).toBe('cultivate');
  });

  test('a total worked out from scores reaches the threshold exactly (89.9 + 0.1 is 90, not 89.99…)', () => {
    const total = totalOf(
      scores({
        production: 15,
        growth: 15,
        ecology: 15,
        labour: 15,
        culture: 15,
        responsibility: 14.9,
        partyBuilding: 0.1,
      }),
    );
    expect(total).toBe(90);
    expect(gradeOf(total, ALL_MET)).toBe('model');
  });
});

describe('the assessment contract', () => {
  const input = (s: Partial<Scores>) => ({ enterpriseId: 1, year: 2026, scores: s, hard: {} });
  const messageOf = (s: Partial<Scores>) => {
    const r = assessmentInput.safeParse(input(s));
    return r.success ? null : r.error.issues[0]!.message;
  };

  test('a score over its maximum, negative, or with two decimals is refused naming the standard', () => {
    expect(messageOf({ production: 15.1 })).toBe('生产经营好的得分不能超过15分');
    expect(messageOf({ partyBuilding: 10.5 })).toBe('党组织自身建设好的得分不能超过10分');
    expect(messageOf({ labour: -1 })).toBe('劳动关系好的得分不能为负数');
    expect(messageOf({ culture: 12.25 })).toBe('文化建设好的得分最多保留一位小数');
    expect(messageOf({ production: 15, partyBuilding: 10, culture: 12.5 })).toBeNull();
  });

  test('blank scores are 0 and blank hard indicators unmet', () => {
    const r = assessmentInput.parse(input({}));
    expect(totalOf(r.scores)).toBe(0);
    expect(Object.values(r.hard)).toEqual([false, false, false, false]);
    expect(r.assessedOn).toBeNull();
  });
});
