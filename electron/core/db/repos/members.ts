import type { Enterprise } from '../../../../shared/domain/enterprise';
import { maskIdNumber } from '../../../../shared/domain/idNumber';
import type { MemberLocation, MemberStatus } from '../../../../shared/domain/labels';
import type { Member, MemberListRow } from '../../../../shared/domain/party';
import { probationEndsOn } from '../../../../shared/domain/partyRules';
import type { Page } from '../../../../shared/ipc/fields';
import type { Db } from '../open';
import { prepared } from '../statements';
import { membersTable } from '../tables';
import { containsPattern } from './partyOrgs';
import { recordById } from '../records';

export interface MemberFilter {
  enterpriseId?: number | undefined;
  search?: string | undefined;
  statuses?: MemberStatus[] | undefined;
  locations?: MemberLocation[] | undefined;
}

const json = (values: readonly string[] | undefined) => (values && values.length > 0 ? JSON.stringify(values) : null);

/** One WHERE for the page and its count; values are bound, the statement's shape never changes. */
const WHERE = `WHERE (? IS NULL OR m.enterprise_id = ?)
  AND (? IS NULL OR m.name LIKE ? ESCAPE '\\' OR m.name_initials LIKE ? ESCAPE '\\')
  AND (? IS NULL OR m.status IN (SELECT value FROM json_each(?)))
  AND (? IS NULL OR m.location IN (SELECT value FROM json_each(?)))`;

function whereParams(f: MemberFilter): (string | number | null)[] {
  const enterprise = f.enterpriseId ?? null;
  const like = containsPattern(f.search);
  const statuses = json(f.statuses);
  const locations = json(f.locations);
  return [enterprise, enterprise, like, like, like, statuses, statuses, locations, locations];
}

type ListRowDb = Omit<MemberListRow, 'probationEndsOn' | 'idNumberMasked'> & { idNumber: string | null };

/** Members by enterprise, then name; 身份证号 only ever leaves here masked. */
export function listMembers(
  db: Db,
  filter: MemberFilter,
  page: { offset: number; limit: number },
): Page<MemberListRow> {
  const params = whereParams(filter);
  const total = prepared(db, 'members:count', () => `SELECT count(*) FROM party_members m ${WHERE}`)
    .pluck()
    .get(...params) as number;
  const rows = prepared(
    db,
    'members:list',
    () => `SELECT m.id, m.enterprise_id AS enterpriseId, e.name AS enterpriseName, m.name, m.gender,
             m.birth_month AS birthMonth, m.education, m.joined_on AS joinedOn, m.status, m.location, m.position,
             m.phone, m.id_number AS idNumber
           FROM party_members m JOIN enterprises e ON e.id = m.enterprise_id ${WHERE}
           ORDER BY e.name_initials, e.id, m.name_initials, m.name, m.id LIMIT ? OFFSET ?`,
  ).all(...params, page.limit, page.offset) as ListRowDb[];
  return {
    total,
    rows: rows.map(({ idNumber, ...r }) => ({
      ...r,
      probationEndsOn: r.status === 'probationary' ? probationEndsOn(r.joinedOn) : null,
      idNumberMasked: maskIdNumber(idNumber),
    })),
  };
}

export function memberRow(db: Db, id: number): Member | null {
  return recordById(db, membersTable, id);
}

/** Who already has this 身份证号 (other than `exceptId`), and on which enterprise's roster. */
export function memberByIdNumber(
  db: Db,
  idNumber: string,
  exceptId: number | null,
): { id: number; name: string; enterpriseName: string } | null {
  const row = prepared(
    db,
    'members:byIdNumber',
    () => `SELECT m.id, m.name, e.name AS enterpriseName FROM party_members m JOIN enterprises e ON e.id = m.enterprise_id
           WHERE m.id_number = ? AND m.id IS NOT ?`,
  ).get(idNumber, exceptId) as { id: number; name: string; enterpriseName: string } | undefined;
  return row ?? null;
}

export function countMembersOf(db: Db, enterpriseId: number): number {
  return prepared(db, 'members:countOf', () => 'SELECT count(*) FROM party_members WHERE enterprise_id = ?')
    .pluck()
    .get(enterpriseId) as number;
}

export type RosterCounts = Pick<
  Enterprise,
  | 'fullMembers'
  | 'probationaryMembers'
  | 'membersInEnterprise'
  | 'membersInTalentAgency'
  | 'membersAtOrigin'
  | 'membersTemporary'
  | 'membersFloating'
>;

/** The counts a roster gives (ROSTER_COUNT_FIELDS): by status, and by where the 组织关系 sits. */
export function rosterCounts(db: Db, enterpriseId: number): RosterCounts {
  return prepared(
    db,
    'members:rosterCounts',
    () => `SELECT
             count(*) FILTER (WHERE status = 'full') AS fullMembers,
             count(*) FILTER (WHERE status = 'probationary') AS probationaryMembers,
             count(*) FILTER (WHERE location = 'enterprise') AS membersInEnterprise,
             count(*) FILTER (WHERE location = 'talent-agency') AS membersInTalentAgency,
             count(*) FILTER (WHERE location = 'origin') AS membersAtOrigin,
             count(*) FILTER (WHERE location = 'temporary') AS membersTemporary,
             count(*) FILTER (WHERE location = 'floating') AS membersFloating
           FROM party_members WHERE enterprise_id = ?`,
  ).get(enterpriseId) as RosterCounts;
}
