import {
  gradeOf,
  STANDARD_IDS,
  STANDARDS,
  totalOf,
  type Assessment,
  type HardChecks,
  type Scores,
} from '../../../shared/domain/assessments';
import { isActive } from './partyOrgs';
import type { Random } from './random';
import type { SampleEnterprise } from './types';

export type SampleAssessment = Omit<Assessment, 'id' | 'enterpriseId'> & { enterpriseIndex: number };

/** How many of the larger enterprises are assessed each year: a township's 重点培育 list is a few dozen. */
const ASSESSED_PER_YEAR = 24;

/**
 * 双强评价 for the sample's larger active enterprises, last year and this: scores drawn around a level that is the
 * enterprise's own (so its two years resemble each other), better where it has an organisation, so the ranking
 * holds 示范, 达标 and 培育 alike. Hard indicators follow the ledger, as the screen pre-fills them.
 */
const earlierOf = (a: string, b: string) => (a < b ? a : b);

export function makeAssessments(rnd: Random, enterprises: SampleEnterprise[], today: string): SampleAssessment[] {
  const thisYear = Number(today.slice(0, 4));
  const candidates = enterprises
    .map((e, index) => ({ e, index }))
    .filter(({ e }) => isActive(e) && e.kind === 'enterprise' && (e.employees ?? 0) >= 50)
    .slice(0, ASSESSED_PER_YEAR);
  const out: SampleAssessment[] = [];
  for (const { e, index } of candidates) {
    const level = (e.orgSetting === 'none' ? 0.55 : 0.8) + rnd.int(-10, 12) / 100;
    const hard: HardChecks = {
      hasOrg: e.orgSetting !== 'none',
      hasVenue: e.hasVenue,
      fundingInBudget: e.fundingInBudget,
      noViolation: !rnd.chance(0.05),
    };
    for (const year of [thisYear - 1, thisYear]) {
      const scores = Object.fromEntries(
        STANDARD_IDS.map((s) => {
          const max = STANDARDS[s].max;
          const drawn = Math.round(max * Math.min(1, Math.max(0.3, level + rnd.int(-8, 8) / 100)) * 2) / 2;
          return [s, drawn];
        }),
      ) as Scores;
      const total = totalOf(scores);
      out.push({
        enterpriseIndex: index,
        year,
        scores,
        hard,
        total,
        grade: gradeOf(total, hard),
        assessedOn: year === thisYear ? earlierOf(`${year}-06-30`, today) : `${year}-12-20`,
        note: '',
      });
    }
  }
  return out;
}
