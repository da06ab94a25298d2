import type { Enterprise } from '../../../../shared/domain/enterprise';
import { suggestFormation, type FormationSuggestion } from '../../../../shared/domain/formationSuggestion';
import {
  INACTIVE_STATUSES,
  type AreaType,
  type EnterpriseKind,
  type FormationMethod,
  type OrgSetting,
} from '../../../../shared/domain/labels';
import { sizeBand } from '../../../../shared/domain/sizeBand';
import type { Db } from '../open';
import { prepared } from '../statements';
import { enterpriseWhere } from './enterpriseFilter';

/**
 * The facts the formation rule (domain.md §5) reads beyond the enterprise's own columns: its area, its
 * 商会/行业协会 and its 龙头企业, and whether those two have an organisation. Every reader that shows a suggestion —
 * the enterprise detail, the 有党员未建党组织企业名册, the list of differing 组建方向 — selects these same columns
 * with these same joins (the enterprise is `e`, its area `a`) and hands the row to `formationSuggestionOf`, so no two
 * screens can suggest differently for one enterprise.
 */
export const FORMATION_FACT_COLUMNS = `a.type AS area_type, a.name AS area_name,
  ae.name AS association_name, ae.org_setting AS association_org,
  le.name AS lead_name, le.org_setting AS lead_org`;

export const FORMATION_FACT_JOINS = `LEFT JOIN enterprises ae ON ae.id = e.association_id
  LEFT JOIN enterprises le ON le.id = e.lead_enterprise_id`;

/** What FORMATION_FACT_COLUMNS give back. */
export interface FormationLinkRow {
  area_type: AreaType;
  area_name: string;
  association_name: string | null;
  association_org: OrgSetting | null;
  lead_name: string | null;
  lead_org: OrgSetting | null;
}

/** The enterprise's own facts the rule reads. */
export type FormationOwnFacts = Pick<
  Enterprise,
  'fullMembers' | 'membersFloating' | 'employees' | 'revenue' | 'orgSetting'
>;

/** "Has an organisation" (domain.md §4): 单独建立, 联合建立 or 挂靠. */
export const hasOrg = (setting: OrgSetting | null) => setting !== null && setting !== 'none';

/** The suggestion for an enterprise without its own (单独建立) organisation; null for one that has it. */
export function formationSuggestionOf(e: FormationOwnFacts, links: FormationLinkRow): FormationSuggestion | null {
  if (e.orgSetting === 'standalone') return null;
  return suggestFormation({
    fullMembers: e.fullMembers,
    membersFloating: e.membersFloating,
    employees: e.employees,
    sizeBand: sizeBand(e.employees, e.revenue),
    orgSetting: e.orgSetting,
    areaType: links.area_type,
    areaName: links.area_name,
    association: links.association_name
      ? { name: links.association_name, hasOrg: hasOrg(links.association_org) }
      : null,
    leadEnterprise: links.lead_name ? { name: links.lead_name, hasOrg: hasOrg(links.lead_org) } : null,
  });
}

/** One candidate of a formation list, with every fact the rule and the row need. */
export interface FormationCandidate extends FormationLinkRow, FormationOwnFacts {
  id: number;
  name: string;
  probationaryMembers: number;
  formationDirection: FormationMethod | null;
}

export type FormationListKind = 'members-no-org' | 'differs';

/**
 * Which enterprises each list reads before the rule is applied. Both hold only active enterprises (注销/迁出 leave
 * the statistics). members-no-org: 企业 and 个体工商户 (the 社会组织 kinds are left out as in every indicator) with at
 * least one member (正式 + 预备) and no organisation. differs: every enterprise without its own organisation whose
 * 组建方向 is filled in — which of them differ is the rule's to say.
 */
const CANDIDATES: Record<FormationListKind, string> = {
  'members-no-org': `e.kind IN ('enterprise', 'individual') AND e.full_members + e.probationary_members >= 1
    AND e.org_setting = 'none'`,
  differs: `e.org_setting <> 'standalone' AND e.formation_direction IS NOT NULL`,
};

/**
 * The candidates of one list narrowed by the ledger's own search box and area filter (enterpriseWhere, so the search
 * finds here exactly what it finds in the ledger list), in 名册 order: by area as the settings list them, then name.
 */
export function formationCandidates(
  db: Db,
  list: FormationListKind,
  query: { search?: string; areaIds?: number[] },
): FormationCandidate[] {
  const where = enterpriseWhere(query);
  const filters = where.sql === '' ? 'WHERE' : `${where.sql} AND`;
  const sql = `SELECT e.id, e.name, e.full_members AS fullMembers, e.probationary_members AS probationaryMembers,
      e.members_floating AS membersFloating, e.employees, e.revenue, e.org_setting AS orgSetting,
      e.formation_direction AS formationDirection, ${FORMATION_FACT_COLUMNS}
    FROM enterprises e JOIN areas a ON a.id = e.area_id ${FORMATION_FACT_JOINS}
    ${filters} e.operating_status NOT IN (SELECT value FROM json_each(?)) AND ${CANDIDATES[list]}
    ORDER BY a.sort_order, a.id, e.name_initials, e.name, e.id`;
  return prepared(db, sql, () => sql).all(...where.params, JSON.stringify(INACTIVE_STATUSES)) as FormationCandidate[];
}

export interface LinkedEnterprise {
  id: number;
  name: string;
}

/** The enterprises that name `id` as their 商会/行业协会 (association) or as their 龙头企业 (lead). */
export function enterprisesLinkedTo(db: Db, id: number): { association: LinkedEnterprise[]; lead: LinkedEnterprise[] } {
  const by = (column: 'association_id' | 'lead_enterprise_id') =>
    prepared(
      db,
      `formation:linkedBy:${column}`,
      () => `SELECT id, name FROM enterprises WHERE ${column} = ? ORDER BY id`,
    ).all(id) as LinkedEnterprise[];
  return { association: by('association_id'), lead: by('lead_enterprise_id') };
}

/** The name and kind of an enterprise another one is to point at, or null when it does not exist. */
export function linkTarget(db: Db, id: number): { name: string; kind: EnterpriseKind } | null {
  const row = prepared(db, 'formation:linkTarget', () => 'SELECT name, kind FROM enterprises WHERE id = ?').get(id) as
    { name: string; kind: EnterpriseKind } | undefined;
  return row ?? null;
}
