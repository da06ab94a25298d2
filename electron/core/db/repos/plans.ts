import type { z } from 'zod';
import {
  OPEN_PLAN_STATUSES,
  type Milestone,
  type Plan,
  type PlanDetail,
  type PlanRow,
  type PlanStatus,
} from '../../../../shared/domain/plans';
import type { Page } from '../../../../shared/ipc/fields';
import type { planQuery } from '../../../../shared/ipc/plans';
import type { ChangeEntry } from '../changeLog';
import type { Db } from '../open';
import { prepared } from '../statements';
import { rowFromDb } from '../tableSpec';
import { milestonesTable, plansTable, type PlanRow as StoredPlan } from '../tables';
import { recordById } from '../records';
import { enterpriseWhere } from './enterpriseFilter';
import { getEnterprise } from './enterprises';

export type ParsedPlanQuery = z.output<typeof planQuery>;

/** The stored record with its 具体措施 read back from JSON. */
export function planRecord(db: Db, id: number): Plan | null {
  const row = recordById(db, plansTable, id);
  return row ? fromStored(row) : null;
}

export function fromStored(row: StoredPlan): Plan {
  return { ...row, measures: JSON.parse(row.measures) as string[] };
}

/** A plan's milestones in the order the clerk set them. */
export function milestonesOf(db: Db, planId: number): Milestone[] {
  const rows = prepared(
    db,
    'plans:milestones',
    () => 'SELECT * FROM plan_milestones WHERE plan_id = ? ORDER BY sort_order, id',
  ).all(planId) as Record<string, unknown>[];
  return rows.map((r) => rowFromDb(milestonesTable, r));
}

/** The plan with every name the form and the board show, its milestones, the current suggestion and the 批复. */
export function planDetail(db: Db, id: number): PlanDetail | null {
  const plan = planRecord(db, id);
  if (!plan) return null;
  const names = prepared(
    db,
    'plans:names',
    () => `SELECT e.name AS enterpriseName, a.name AS areaName, c.name AS campaignName, g.name AS workGroupName
           FROM plans p JOIN enterprises e ON e.id = p.enterprise_id JOIN areas a ON a.id = e.area_id
             LEFT JOIN campaigns c ON c.id = p.campaign_id LEFT JOIN work_groups g ON g.id = p.work_group_id
           WHERE p.id = ?`,
  ).get(id) as Pick<PlanDetail, 'enterpriseName' | 'areaName' | 'campaignName' | 'workGroupName'>;
  const enterprise = getEnterprise(db, plan.enterpriseId);
  return {
    ...plan,
    ...names,
    milestones: milestonesOf(db, id),
    suggestion: enterprise?.formationSuggestion ?? null,
    reply: enterprise?.partyOrgId ? replyOf(db, enterprise.partyOrgId) : null,
  };
}

/** The 批复 step of an organisation's formation, when it has been recorded. */
function replyOf(db: Db, orgId: number): PlanDetail['reply'] {
  const row = prepared(
    db,
    'plans:reply',
    () => `SELECT o.id AS orgId, o.name AS orgName, s.done_on AS doneOn, s.doc_no AS docNo
           FROM formation_steps s JOIN party_orgs o ON o.id = s.org_id WHERE s.org_id = ? AND s.step = 'reply'`,
  ).get(orgId) as PlanDetail['reply'] | undefined;
  return row ?? null;
}

export interface OpenPlan {
  id: number;
  status: PlanStatus;
}

/**
 * The enterprise's open plan in a campaign, or of a year outside any campaign (the two partial unique indexes of
 * migration 0005), other than `exceptId`.
 */
export function openPlanOf(
  db: Db,
  enterpriseId: number,
  campaignId: number | null,
  year: number,
  exceptId: number | null,
): OpenPlan | null {
  const row = prepared(
    db,
    'plans:openOf',
    () => `SELECT id, status FROM plans
           WHERE enterprise_id = ? AND status IN (SELECT value FROM json_each(?)) AND id IS NOT ?
             AND (CASE WHEN ? IS NULL THEN campaign_id IS NULL AND year = ? ELSE campaign_id = ? END)
           LIMIT 1`,
  ).get(enterpriseId, JSON.stringify(OPEN_PLAN_STATUSES), exceptId, campaignId, year, campaignId) as
    OpenPlan | undefined;
  return row ?? null;
}

/**
 * Milestone ids that ever belonged to a plan: the current ones and the deleted ones, whose last logged state
 * (the change log keeps a deleted record whole) names the plan.
 */
export function milestoneIdsEver(db: Db, planId: number): number[] {
  return prepared(
    db,
    'plans:milestoneIdsEver',
    () => `SELECT id FROM plan_milestones WHERE plan_id = ?
           UNION SELECT entity_id FROM change_log
             WHERE entity = 'milestone' AND op = 'delete' AND json_extract(old_value, '$.planId') = ?`,
  )
    .pluck()
    .all(planId, planId) as number[];
}

/** The milestones of these ids as they stand now (some may belong to other plans: ids of deleted rows come back). */
export function currentMilestones(db: Db, ids: readonly number[]): { id: number; name: string; planId: number }[] {
  return prepared(
    db,
    'plans:currentMilestones',
    () => 'SELECT id, name, plan_id AS planId FROM plan_milestones WHERE id IN (SELECT value FROM json_each(?))',
  ).all(JSON.stringify(ids)) as { id: number; name: string; planId: number }[];
}

/** The change-log entries of a plan and of the given milestones, newest first. */
export function planChanges(db: Db, planId: number, milestoneIds: readonly number[]): ChangeEntry[] {
  const rows = prepared(
    db,
    'plans:changes',
    () => `SELECT b.id AS batchId, b.at, b.actor, b.action, l.entity, l.entity_id AS entityId, l.op, l.field,
             l.old_value AS oldValue, l.new_value AS newValue
           FROM change_log l JOIN change_batches b ON b.id = l.batch_id
           WHERE (l.entity = 'plan' AND l.entity_id = ?)
              OR (l.entity = 'milestone' AND l.entity_id IN (SELECT value FROM json_each(?)))
           ORDER BY l.id DESC`,
  ).all(planId, JSON.stringify(milestoneIds)) as (Omit<ChangeEntry, 'oldValue' | 'newValue'> & {
    oldValue: string | null;
    newValue: string | null;
  })[];
  return rows.map((r) => ({
    ...r,
    oldValue: r.oldValue === null ? null : JSON.parse(r.oldValue),
    newValue: r.newValue === null ? null : JSON.parse(r.newValue),
  }));
}

/**
 * The board's rows. The next milestone (first open one by due date, then order — as nextMilestone() picks it) is
 * found per plan by the milestones' (plan_id, done_on, due_on) index; overdue plans come first, then by the next
 * due date, plans without one last.
 */
export function listPlans(db: Db, query: ParsedPlanQuery, today: string): Page<PlanRow> {
  const search = enterpriseWhere({ search: query.search });
  const parts: string[] = search.sql ? [search.sql.replace(/^WHERE /, '')] : [];
  const params: (string | number)[] = [...search.params];
  const inList = (column: string, values: readonly (string | number)[] | undefined) => {
    if (!values || values.length === 0) return;
    parts.push(`${column} IN (SELECT value FROM json_each(?))`);
    params.push(JSON.stringify(values));
  };
  if (query.campaignId !== undefined) {
    parts.push('p.campaign_id = ?');
    params.push(query.campaignId);
  }
  if (query.year !== undefined) {
    parts.push('p.year = ?');
    params.push(query.year);
  }
  inList('p.status', query.statuses);
  inList('e.area_id', query.areaIds);
  if (query.workGroupIds && query.workGroupIds.length > 0) {
    parts.push('(p.work_group_id IN (SELECT value FROM json_each(?)) OR (? = 1 AND p.work_group_id IS NULL))');
    params.push(JSON.stringify(query.workGroupIds.filter((id) => id > 0)), query.workGroupIds.includes(0) ? 1 : 0);
  }
  const where = parts.length > 0 ? `WHERE ${parts.join(' AND ')}` : '';
  const overdueOnly = query.overdueOnly ? 'WHERE overdue = 1' : '';
  const sql = `WITH rows AS (
      SELECT p.id, p.enterprise_id AS enterpriseId, e.name AS enterpriseName, e.uscc, a.name AS areaName,
        c.name AS campaignName, p.year, p.status, p.method, g.name AS workGroupName, p.responsible,
        m.name AS nextName, m.due_on AS nextDue,
        coalesce(p.status IN (SELECT value FROM json_each(?)) AND m.due_on < ?, 0) AS overdue
      FROM plans p JOIN enterprises e ON e.id = p.enterprise_id JOIN areas a ON a.id = e.area_id
        LEFT JOIN campaigns c ON c.id = p.campaign_id LEFT JOIN work_groups g ON g.id = p.work_group_id
        LEFT JOIN plan_milestones m ON m.id = (
          SELECT x.id FROM plan_milestones x WHERE x.plan_id = p.id AND x.done_on IS NULL
          ORDER BY x.due_on, x.sort_order, x.id LIMIT 1)
      ${where})
    SELECT *, count(*) OVER () AS total FROM rows ${overdueOnly}
    ORDER BY overdue DESC, nextDue ASC NULLS LAST, id ASC LIMIT ? OFFSET ?`;
  const rows = prepared(db, `plans:list:${sql}`, () => sql).all(
    JSON.stringify(OPEN_PLAN_STATUSES),
    today,
    ...params,
    query.limit,
    query.offset,
  ) as (Omit<PlanRow, 'nextMilestone' | 'overdue'> & {
    nextName: string | null;
    nextDue: string | null;
    overdue: number;
    total: number;
  })[];
  return {
    total: rows[0]?.total ?? countPlans(db, sql, params, today),
    rows: rows.map(({ nextName, nextDue, overdue, total: _total, ...r }) => ({
      ...r,
      nextMilestone: nextName !== null && nextDue !== null ? { name: nextName, due: nextDue } : null,
      overdue: overdue === 1,
    })),
  };
}

/** A page past the end has no row to carry the total: count again without the page. */
function countPlans(db: Db, listSql: string, params: (string | number)[], today: string): number {
  const sql = `SELECT count(*) FROM (${listSql.replace(/ LIMIT \? OFFSET \?$/, '')})`;
  return prepared(db, `plans:count:${sql}`, () => sql)
    .pluck()
    .get(JSON.stringify(OPEN_PLAN_STATUSES), today, ...params) as number;
}

export type { StoredPlan };
