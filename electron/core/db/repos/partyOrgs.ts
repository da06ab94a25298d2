import { INACTIVE_STATUSES, type OrgHost, type PartyOrgType } from '../../../../shared/domain/labels';
import type {
  FormationStep,
  FormationStepItem,
  OrgEnterprise,
  PartyOrg,
  PartyOrgDetail,
  PartyOrgItem,
} from '../../../../shared/domain/party';
import { FORMATION_STEPS } from '../../../../shared/domain/labels';
import { termEndsOn } from '../../../../shared/domain/partyRules';
import type { Db } from '../open';
import { prepared } from '../statements';
import { rowFromDb } from '../tableSpec';
import { formationStepsTable, partyOrgsTable } from '../tables';
import { attachmentsOfSteps } from './attachments';
import { recordById } from '../records';

/**
 * `%q%` for a LIKE against a name or its pinyin initials (which are stored lower-case), with LIKE's own
 * wildcards taken literally; null for an empty search.
 */
export function containsPattern(search: string | undefined): string | null {
  const q = (search ?? '').normalize('NFKC').trim().toLowerCase();
  return q ? `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
}

const ACTIVE = `e.operating_status NOT IN (${INACTIVE_STATUSES.map((s) => `'${s}'`).join(', ')})`;

export interface PartyOrgFilter {
  search?: string | undefined;
  types?: PartyOrgType[] | undefined;
  hosts?: OrgHost[] | undefined;
}

/** Every organisation, by pinyin initials; members count only in enterprises still in business. */
export function listPartyOrgs(db: Db, filter: PartyOrgFilter): PartyOrgItem[] {
  const like = containsPattern(filter.search);
  const rows = prepared(
    db,
    'partyOrgs:list',
    () => `SELECT o.id, o.name, o.type, o.host, a.name AS areaName, s.name AS superiorName,
             o.secretary_name AS secretaryName, o.founded_on AS foundedOn, o.term_started_on AS termStartedOn,
             (SELECT count(*) FROM enterprises e WHERE e.party_org_id = o.id) AS enterprises,
             (SELECT coalesce(sum(e.full_members), 0) FROM enterprises e WHERE e.party_org_id = o.id AND ${ACTIVE})
               AS fullMembers,
             (SELECT coalesce(sum(e.probationary_members), 0) FROM enterprises e
               WHERE e.party_org_id = o.id AND ${ACTIVE}) AS probationaryMembers,
             (SELECT count(*) FROM party_orgs c WHERE c.superior_org_id = o.id) AS subordinates
           FROM party_orgs o LEFT JOIN areas a ON a.id = o.area_id LEFT JOIN party_orgs s ON s.id = o.superior_org_id
           WHERE (? IS NULL OR o.name LIKE ? ESCAPE '\\' OR o.name_initials LIKE ? ESCAPE '\\')
             AND (? IS NULL OR o.type IN (SELECT value FROM json_each(?)))
             AND (? IS NULL OR o.host IN (SELECT value FROM json_each(?)))
           ORDER BY o.name_initials, o.name, o.id`,
  ).all(like, like, like, ...listParam(filter.types), ...listParam(filter.hosts)) as (Omit<
    PartyOrgItem,
    'termEndsOn'
  > & { termStartedOn: string | null })[];
  return rows.map(({ termStartedOn, ...r }) => ({ ...r, termEndsOn: termEndsOn(r.type, termStartedOn) }));
}

function listParam(values: readonly string[] | undefined): [string | null, string | null] {
  const json = values && values.length > 0 ? JSON.stringify(values) : null;
  return [json, json];
}

export function partyOrgRow(db: Db, id: number): PartyOrg | null {
  return recordById(db, partyOrgsTable, id);
}

/** The enterprises an organisation covers, by pinyin initials. */
export function orgCoverage(db: Db, orgId: number): OrgEnterprise[] {
  return prepared(
    db,
    'partyOrgs:coverage',
    () => `SELECT e.id, e.name, e.org_setting AS orgSetting, e.full_members AS fullMembers,
             e.probationary_members AS probationaryMembers, e.employees
           FROM enterprises e WHERE e.party_org_id = ? ORDER BY e.name_initials, e.name, e.id`,
  ).all(orgId) as OrgEnterprise[];
}

export function subordinatesOf(db: Db, orgId: number): { id: number; name: string; type: PartyOrgType }[] {
  return prepared(
    db,
    'partyOrgs:subordinates',
    () => 'SELECT id, name, type FROM party_orgs WHERE superior_org_id = ? ORDER BY name_initials, name, id',
  ).all(orgId) as { id: number; name: string; type: PartyOrgType }[];
}

/** The organisation called `name`, other than `exceptId`: names are unique. */
export function orgIdByName(db: Db, name: string, exceptId: number | null): number | null {
  const id = prepared(db, 'partyOrgs:byName', () => 'SELECT id FROM party_orgs WHERE name = ? AND id IS NOT ?')
    .pluck()
    .get(name, exceptId) as number | undefined;
  return id ?? null;
}

/** The chain of superiors above an organisation, nearest first (stops at a loop, which saving prevents). */
export function superiorChain(db: Db, orgId: number): number[] {
  const chain: number[] = [];
  let next = partyOrgRow(db, orgId)?.superiorOrgId ?? null;
  while (next !== null && !chain.includes(next)) {
    chain.push(next);
    next = partyOrgRow(db, next)?.superiorOrgId ?? null;
  }
  return chain;
}

const STEP_ORDER = Object.keys(FORMATION_STEPS);

/** The recorded steps of an organisation, in the order of FORMATION_STEPS. */
export function stepsOf(db: Db, orgId: number): FormationStep[] {
  const rows = prepared(db, 'formationSteps:ofOrg', () => 'SELECT * FROM formation_steps WHERE org_id = ?').all(
    orgId,
  ) as Record<string, unknown>[];
  return rows
    .map((r) => rowFromDb(formationStepsTable, r))
    .sort((a, b) => STEP_ORDER.indexOf(a.step) - STEP_ORDER.indexOf(b.step));
}

export function formationStepRow(db: Db, id: number): FormationStep | null {
  return recordById(db, formationStepsTable, id);
}

export function getPartyOrg(db: Db, id: number): PartyOrgDetail | null {
  const org = partyOrgRow(db, id);
  if (!org) return null;
  const name = (table: 'areas' | 'party_orgs', ref: number | null) =>
    ref === null
      ? null
      : ((prepared(db, `partyOrgs:nameIn:${table}`, () => `SELECT name FROM ${table} WHERE id = ?`)
          .pluck()
          .get(ref) as string | undefined) ?? null);
  const attachments = attachmentsOfSteps(db, id);
  const steps: FormationStepItem[] = stepsOf(db, id).map((s) => ({ ...s, attachments: attachments.get(s.id) ?? [] }));
  return {
    ...org,
    areaName: name('areas', org.areaId),
    superiorName: name('party_orgs', org.superiorOrgId),
    enterprises: orgCoverage(db, id),
    subordinates: subordinatesOf(db, id),
    steps,
    termEndsOn: termEndsOn(org.type, org.termStartedOn),
  };
}
