import type { z } from 'zod';
import type { Assessment, AssessmentRow, HardChecks } from '../../../../shared/domain/assessments';
import type { OrgSetting } from '../../../../shared/domain/labels';
import type { planChannels } from '../../../../shared/ipc/plans';
import type { Db } from '../open';
import { prepared } from '../statements';
import { rowFromDb } from '../tableSpec';
import { assessmentsTable, type AssessmentRecord } from '../tables';
import { enterpriseWhere } from './enterpriseFilter';
import { hasOrg } from './formation';

export type AssessmentQuery = z.output<(typeof planChannels)['assessments:list']['request']>;

/** The flat stored record (one column per score and hard indicator) as the contract shapes it. */
export function assessmentOf(r: AssessmentRecord): Assessment {
  return {
    id: r.id,
    enterpriseId: r.enterpriseId,
    year: r.year,
    scores: {
      production: r.production,
      growth: r.growth,
      ecology: r.ecology,
      labour: r.labour,
      culture: r.culture,
      responsibility: r.responsibility,
      partyBuilding: r.partyBuilding,
    },
    hard: {
      hasOrg: r.hasOrg,
      hasVenue: r.hasVenue,
      fundingInBudget: r.fundingInBudget,
      noViolation: r.noViolation,
    },
    total: r.total,
    grade: r.grade,
    assessedOn: r.assessedOn,
    note: r.note,
  };
}

/** The stored assessment with the name of its enterprise (for messages and change-log actions), or null. */
export function assessmentById(db: Db, id: number): (Assessment & { enterpriseName: string }) | null {
  const row = prepared(
    db,
    'assessments:byId',
    () => `SELECT a.*, e.name AS enterpriseName FROM assessments a JOIN enterprises e ON e.id = a.enterprise_id
           WHERE a.id = ?`,
  ).get(id) as Record<string, unknown> | undefined;
  if (!row) return null;
  return { ...assessmentOf(rowFromDb(assessmentsTable, row)), enterpriseName: row.enterpriseName as string };
}

/** The id of the enterprise's assessment of `year` other than `exceptId`: there is at most one per year. */
export function assessmentIdFor(db: Db, enterpriseId: number, year: number, exceptId: number | null): number | null {
  const id = prepared(
    db,
    'assessments:idFor',
    () => 'SELECT id FROM assessments WHERE enterprise_id = ? AND year = ? AND id IS NOT ?',
  )
    .pluck()
    .get(enterpriseId, year, exceptId) as number | undefined;
  return id ?? null;
}

/**
 * One year's assessments, best first. The rank is the enterprise's place in the whole year (equal totals share
 * it: 1, 1, 3), worked out before the search box and filters narrow the rows, so a filtered list still shows each
 * enterprise's standing in the township rather than renumbering from 1.
 */
export function listAssessments(db: Db, q: AssessmentQuery): AssessmentRow[] {
  // The ledger list's own search (name, pinyin initials, credit code) and area filter, on the enterprise `e`.
  const where = enterpriseWhere({ search: q.search, areaIds: q.areaIds });
  const filters = where.sql === '' ? 'WHERE' : `${where.sql} AND`;
  // No grade ticked means every grade; bound either way, so the statement is prepared once.
  const grades = q.grades && q.grades.length > 0 ? JSON.stringify(q.grades) : null;
  const sql = `WITH r AS (SELECT a.*, rank() OVER (ORDER BY a.total DESC) AS rank FROM assessments a WHERE a.year = ?)
    SELECT r.*, e.name AS enterpriseName, ar.name AS areaName, e.key_cultivation AS keyCultivation
    FROM r JOIN enterprises e ON e.id = r.enterprise_id JOIN areas ar ON ar.id = e.area_id
    ${filters} (? IS NULL OR r.grade IN (SELECT value FROM json_each(?)))
    ORDER BY r.rank, e.name_initials, e.name, r.id`;
  const rows = prepared(db, sql, () => sql).all(q.year, ...where.params, grades, grades) as Record<string, unknown>[];
  return rows.map((r) => {
    const assessment = assessmentOf(rowFromDb(assessmentsTable, r));
    return {
      ...assessment,
      enterpriseName: r.enterpriseName as string,
      areaName: r.areaName as string,
      keyCultivation: r.keyCultivation === 1,
      rank: r.rank as number,
      modelCandidate: assessment.grade === 'model',
    };
  });
}

/**
 * The hard indicators the ledger already records for the enterprise: an organisation (组织设置 other than 未建立),
 * a 党员活动场所, 党建工作经费 in the budget. The ledger knows of no violations, so 无重大违法事件 starts as met and
 * the clerk unticks it. Null when there is no such enterprise.
 */
export function ledgerHardChecks(db: Db, enterpriseId: number): HardChecks | null {
  const row = prepared(
    db,
    'assessments:ledgerFacts',
    () => 'SELECT org_setting, has_venue, funding_in_budget FROM enterprises WHERE id = ?',
  ).get(enterpriseId) as { org_setting: OrgSetting; has_venue: number; funding_in_budget: number } | undefined;
  if (!row) return null;
  return {
    hasOrg: hasOrg(row.org_setting),
    hasVenue: row.has_venue === 1,
    fundingInBudget: row.funding_in_budget === 1,
    noViolation: true,
  };
}
