import type { Enterprise, EnterpriseDetail, EnterpriseListRow } from '../../../../shared/domain/enterprise';
import { fundingRange } from '../../../../shared/domain/formationSuggestion';
import type { PartyOrgType } from '../../../../shared/domain/labels';
import { revenueNeedsConfirming, sizeBand } from '../../../../shared/domain/sizeBand';
import type { EnterpriseSortKey, ParsedEnterpriseQuery } from '../../../../shared/ipc/enterprises';
import type { Db } from '../open';
import { prepared } from '../statements';
import { rowFromDb } from '../tableSpec';
import { enterprisesTable } from '../tables';
import { enterpriseWhere, type Condition } from './enterpriseFilter';
import {
  FORMATION_FACT_COLUMNS,
  FORMATION_FACT_JOINS,
  formationSuggestionOf,
  hasOrg,
  type FormationLinkRow,
} from './formation';
import { recordById } from '../records';

const LIST_COLUMNS = `e.id, e.name, e.uscc, e.kind, e.ownership, e.industry, e.area_id AS areaId, a.name AS areaName,
  e.address, e.operating_status AS operatingStatus, e.employees, e.revenue, e.size_band AS sizeBand,
  e.full_members AS fullMembers, e.probationary_members AS probationaryMembers, e.activists,
  e.org_setting AS orgSetting, p.name AS partyOrgName, g.name AS workGroupName, i.name AS instructorName,
  e.key_cultivation AS keyCultivation, e.star_rating AS starRating, e.owner_name AS ownerName,
  e.contact_name AS contactName, e.contact_phone AS contactPhone, e.surveyed_on AS surveyedOn,
  e.updated_at AS updatedAt`;

const JOINS = `JOIN areas a ON a.id = e.area_id
  LEFT JOIN work_groups g ON g.id = e.work_group_id LEFT JOIN instructors i ON i.id = e.instructor_id
  LEFT JOIN party_orgs p ON p.id = e.party_org_id`;
const FROM = `FROM enterprises e ${JOINS}`;

/** Ascending order of each sort key; blanks last either way, ties by id so pages never overlap. */
const ORDER: Record<EnterpriseSortKey, string[]> = {
  id: ['e.id'],
  // Names sort by their pinyin initials, which is the order a clerk looks for them in.
  name: ['e.name_initials', 'e.name'],
  uscc: ['e.uscc'],
  kind: ['e.kind'],
  ownership: ['e.ownership'],
  industry: ['e.industry'],
  areaName: ['a.sort_order', 'a.id'],
  address: ["nullif(e.address, '')"],
  operatingStatus: ['e.operating_status'],
  employees: ['e.employees'],
  revenue: ['e.revenue'],
  sizeBand: ["nullif(e.size_band, 'unknown')"],
  fullMembers: ['e.full_members', 'e.probationary_members'],
  activists: ['e.activists'],
  orgSetting: ['e.org_setting'],
  partyOrgName: ['p.name_initials', 'p.name'],
  workGroupName: ['g.name'],
  instructorName: ['i.name'],
  keyCultivation: ['e.key_cultivation'],
  starRating: ['e.star_rating'],
  ownerName: ["nullif(e.owner_name, '')"],
  contactName: ["nullif(e.contact_name, '')"],
  surveyedOn: ['e.surveyed_on'],
  updatedAt: ['e.updated_at'],
};

/** Expressions that may be NULL (or are made NULL when blank) sort last; the rest need no help and keep their index. */
const NULLABLE = /nullif|uscc|ownership|industry|employees|revenue|g\.name|i\.name|p\.name|surveyed_on/;

function orderBy(key: EnterpriseSortKey, dir: 'asc' | 'desc'): string {
  const d = dir === 'asc' ? 'ASC' : 'DESC';
  const terms = ORDER[key]
    .filter((expr) => expr !== 'e.id')
    .map((expr) => (NULLABLE.test(expr) ? `${expr} ${d} NULLS LAST` : `${expr} ${d}`));
  return [...terms, `e.id ${key === 'id' ? d : 'ASC'}`].join(', ');
}

type ListRowDb = Omit<EnterpriseListRow, 'keyCultivation' | 'revenueNeedsConfirming'> & { keyCultivation: number };

export interface ListPage {
  offset: number;
  limit: number;
  sortBy: EnterpriseSortKey;
  sortOrder: 'asc' | 'desc';
}

export function listEnterprises(
  db: Db,
  query: ParsedEnterpriseQuery,
  page: ListPage,
  extra?: Condition,
): EnterpriseListRow[] {
  const where = enterpriseWhere(query, extra);
  const byText = page.sortBy === 'id' ? where.byText : undefined;
  const sql = byText
    ? `SELECT ${LIST_COLUMNS} FROM ${byText.from} ${JOINS} ${byText.sql}
       ORDER BY f.rowid ${page.sortOrder === 'asc' ? 'ASC' : 'DESC'} LIMIT ? OFFSET ?`
    : `SELECT ${LIST_COLUMNS} ${FROM} ${where.sql} ORDER BY ${orderBy(page.sortBy, page.sortOrder)} LIMIT ? OFFSET ?`;
  const params = byText ? byText.params : where.params;
  const rows = prepared(db, sql, () => sql).all(...params, page.limit, page.offset) as ListRowDb[];
  return rows.map((r) => ({
    ...r,
    keyCultivation: r.keyCultivation === 1,
    revenueNeedsConfirming: revenueNeedsConfirming(r.employees, r.revenue),
  }));
}

export function countEnterprises(db: Db, query: ParsedEnterpriseQuery = {}, extra?: Condition): number {
  const where = enterpriseWhere(query, extra);
  if (where.count) {
    const { sql, params } = where.count;
    return prepared(db, sql, () => sql)
      .pluck()
      .get(...params) as number;
  }
  // Without this hint the planner starts from the search's id list (tens of thousands of row lookups); the
  // narrow index of filter columns answers a filtered count in one short scan.
  const sql = `SELECT count(*) AS n FROM enterprises e INDEXED BY enterprises_facets ${where.sql}`;
  return (prepared(db, sql, () => sql).get(...where.params) as { n: number }).n;
}

export function enterpriseIds(db: Db, query: ParsedEnterpriseQuery, max: number, extra?: Condition): number[] {
  const where = enterpriseWhere(query, extra);
  const sql = `SELECT e.id FROM enterprises e ${where.sql} ORDER BY e.id LIMIT ?`;
  return prepared(db, sql, () => sql)
    .pluck()
    .all(...where.params, max) as number[];
}

/** The formation facts (area, association, lead) come with the same columns every formation list reads. */
interface DetailExtras extends FormationLinkRow {
  work_group_name: string | null;
  instructor_name: string | null;
  leader_name: string | null;
  party_org_name: string | null;
  party_org_type: PartyOrgType | null;
  superior_org_name: string | null;
  last_visit_on: string | null;
}

export function getEnterprise(db: Db, id: number): EnterpriseDetail | null {
  // 隶属关系: an 挂靠 enterprise belongs to the 属地 organisation itself, any other to its organisation's superior.
  const row = prepared(
    db,
    'enterprises:get',
    () => `SELECT e.*, g.name AS work_group_name, i.name AS instructor_name,
             l.name AS leader_name, p.name AS party_org_name, p.type AS party_org_type,
             CASE WHEN p.host = 'locality' THEN p.name ELSE sp.name END AS superior_org_name,
             (SELECT max(w.held_on) FROM work_logs w WHERE w.enterprise_id = e.id AND w.kind = 'visit') AS last_visit_on,
             ${FORMATION_FACT_COLUMNS}
           ${FROM} LEFT JOIN leaders l ON l.id = e.leader_id LEFT JOIN party_orgs sp ON sp.id = p.superior_org_id
             ${FORMATION_FACT_JOINS}
           WHERE e.id = ?`,
  ).get(id) as (Record<string, unknown> & DetailExtras) | undefined;
  if (!row) return null;
  const e = rowFromDb(enterprisesTable, row);
  const band = sizeBand(e.employees, e.revenue);
  return {
    ...e,
    areaName: row.area_name,
    workGroupName: row.work_group_name,
    instructorName: row.instructor_name,
    leaderName: row.leader_name,
    partyOrgName: row.party_org_name,
    partyOrgType: row.party_org_type,
    superiorOrgName: row.superior_org_name,
    lastVisitOn: row.last_visit_on,
    associationName: row.association_name,
    leadEnterpriseName: row.lead_name,
    // The same facts and the same function as the 有党员未建党组织企业名册 (repos/formation.ts).
    formationSuggestion: formationSuggestionOf(e, row),
    fundingRange: hasOrg(e.orgSetting) ? fundingRange(e.payroll) : null,
    sizeBand: band,
    revenueNeedsConfirming: revenueNeedsConfirming(e.employees, e.revenue),
  };
}

/** The enterprise already holding a credit code, other than `exceptId`. */
export function findByUscc(db: Db, uscc: string, exceptId: number | null): { id: number; name: string } | null {
  const row = prepared(
    db,
    'enterprises:byUscc',
    () => 'SELECT id, name FROM enterprises WHERE uscc = ? AND id IS NOT ?',
  ).get(uscc, exceptId) as { id: number; name: string } | undefined;
  return row ?? null;
}

/** The stored record as the change log writes it, without the names the detail joins in. */
export function enterpriseRow(db: Db, id: number): Enterprise | null {
  return recordById(db, enterprisesTable, id);
}

export function countWorkLogsOf(db: Db, enterpriseId: number): number {
  return prepared(db, 'enterprises:workLogs', () => 'SELECT count(*) FROM work_logs WHERE enterprise_id = ?')
    .pluck()
    .get(enterpriseId) as number;
}

/** Every instructor assignment, past and current: they go when the enterprise goes. */
export function assignmentIdsOf(db: Db, enterpriseId: number): number[] {
  return prepared(
    db,
    'enterprises:assignments',
    () => 'SELECT id FROM instructor_assignments WHERE enterprise_id = ? ORDER BY id',
  )
    .pluck()
    .all(enterpriseId) as number[];
}

/** Which of `ids` exist, for bulk changes that must name every missing one. */
export function existingIds(db: Db, ids: readonly number[]): Set<number> {
  const found = prepared(
    db,
    'enterprises:existing',
    () => 'SELECT id FROM enterprises WHERE id IN (SELECT value FROM json_each(?))',
  )
    .pluck()
    .all(JSON.stringify(ids)) as number[];
  return new Set(found);
}
