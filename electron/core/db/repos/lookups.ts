import type { RefField } from '../../../../shared/domain/fieldText';
import type {
  AreaItem,
  InstructorItem,
  Lookups,
  PartyOrgOption,
  WorkGroupItem,
  ZoneItem,
} from '../../../../shared/domain/lookups';
import type { LeaderItem } from '../../../../shared/domain/party';
import type { Db } from '../open';
import { prepared } from '../statements';

/** Tables whose records have a name a message can quote. A closed list: the name is spliced into SQL. */
export type NamedTable =
  'areas' | 'zones' | 'work_groups' | 'instructors' | 'enterprises' | 'party_orgs' | 'leaders' | 'party_members';

/** Where each of an enterprise's links points: its name is read from there for history and import previews. */
export const ENTERPRISE_REF_TABLES: Readonly<Record<RefField, NamedTable>> = {
  areaId: 'areas',
  workGroupId: 'work_groups',
  instructorId: 'instructors',
  leaderId: 'leaders',
  partyOrgId: 'party_orgs',
  // 所属商会/行业协会 and 龙头企业 are other enterprises of the ledger.
  associationId: 'enterprises',
  leadEnterpriseId: 'enterprises',
};

export function nameOf(db: Db, table: NamedTable, id: number): string | null {
  const name = prepared(db, `name:${table}`, () => `SELECT name FROM ${table} WHERE id = ?`)
    .pluck()
    .get(id) as string | undefined;
  return name ?? null;
}

/** The record of `table` called `name`, other than `exceptId`: names are unique within each list. */
export function idByName(db: Db, table: NamedTable, name: string, exceptId: number | null): number | null {
  const id = prepared(db, `idByName:${table}`, () => `SELECT id FROM ${table} WHERE name = ? AND id IS NOT ?`)
    .pluck()
    .get(name, exceptId) as number | undefined;
  return id ?? null;
}

/** How many enterprises point at a record through `column`. */
export function enterprisesUsing(
  db: Db,
  column: 'area_id' | 'work_group_id' | 'instructor_id' | 'party_org_id' | 'leader_id',
  id: number,
): number[] {
  return prepared(db, `using:${column}`, () => `SELECT id FROM enterprises WHERE ${column} = ?`)
    .pluck()
    .all(id) as number[];
}

/** An instructor as lists show them; pick one with `WHERE i.id = ?` or list them all. */
export const INSTRUCTOR_ITEM_SELECT = `SELECT i.id, i.name, i.name_initials AS nameInitials, i.position, i.phone,
    i.full_time AS fullTime, i.source, i.appointed_on AS appointedOn,
    (SELECT count(*) FROM instructor_assignments s WHERE s.instructor_id = i.id AND s.ended_on IS NULL) AS enterprises,
    (SELECT count(*) FROM instructor_trainings t WHERE t.instructor_id = i.id) AS trainings
  FROM instructors i`;

export const WORK_GROUP_ITEM_SELECT = `SELECT g.id, g.name, g.name_initials AS nameInitials,
    g.leader_name AS leaderName, (SELECT count(*) FROM enterprises e WHERE e.work_group_id = g.id) AS enterprises
  FROM work_groups g`;

export const LEADER_ITEM_SELECT = `SELECT l.id, l.name, l.name_initials AS nameInitials, l.position, l.phone, l.note,
    (SELECT count(*) FROM enterprises e WHERE e.leader_id = l.id) AS enterprises
  FROM leaders l`;

type InstructorItemRow = Omit<InstructorItem, 'fullTime'> & { fullTime: number };

/** SQLite has no booleans: 专职 comes back as 0/1. */
export function instructorItemFrom(row: InstructorItemRow): InstructorItem {
  return { ...row, fullTime: row.fullTime === 1 };
}

/** Read after every change the screens make, so each statement is prepared once per connection. */
export function listLookups(db: Db): Lookups {
  const all = <T>(key: string, sql: () => string) => prepared(db, `lookups:${key}`, sql).all() as T[];
  return {
    zones: all<ZoneItem>(
      'zones',
      () =>
        `SELECT z.id, z.name, (SELECT count(*) FROM areas a WHERE a.zone_id = z.id) AS areas FROM zones z ORDER BY z.id`,
    ),
    areas: all<AreaItem>(
      'areas',
      () => `SELECT a.id, a.name, a.type, a.zone_id AS zoneId, a.sort_order AS sortOrder,
         (SELECT count(*) FROM enterprises e WHERE e.area_id = a.id) AS enterprises
       FROM areas a ORDER BY a.sort_order, a.id`,
    ),
    workGroups: all<WorkGroupItem>('workGroups', () => `${WORK_GROUP_ITEM_SELECT} ORDER BY g.id`),
    instructors: all<InstructorItemRow>('instructors', () => `${INSTRUCTOR_ITEM_SELECT} ORDER BY i.id`).map(
      instructorItemFrom,
    ),
    leaders: all<LeaderItem>('leaders', () => `${LEADER_ITEM_SELECT} ORDER BY l.name_initials, l.name, l.id`),
    partyOrgs: all<PartyOrgOption>(
      'partyOrgs',
      () => 'SELECT id, name, type, host FROM party_orgs ORDER BY name_initials, name, id',
    ),
  };
}
