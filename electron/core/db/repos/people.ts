import type { InstructorItem, WorkGroupItem } from '../../../../shared/domain/lookups';
import type { AssignmentRow, LeaderItem, Training, WorkGroupMember } from '../../../../shared/domain/party';
import type { InstructorDetail, LeaderDetail, LinkedEnterprise, WorkGroupDetail } from '../../../../shared/ipc/people';
import type { Db } from '../open';
import { prepared } from '../statements';
import { INSTRUCTOR_ITEM_SELECT, instructorItemFrom, LEADER_ITEM_SELECT, WORK_GROUP_ITEM_SELECT } from './lookups';
import { rowFromDb } from '../tableSpec';
import { assignmentsTable, trainingsTable } from '../tables';

/** The people around the enterprises — instructors, contact leaders, 推进组 — as their pages show them. */

/** An instructor as the lists show it: how many enterprises they cover now and how many trainings they had. */
export function instructorItem(db: Db, id: number): InstructorItem | null {
  const row = prepared(db, 'people:instructorItem', () => `${INSTRUCTOR_ITEM_SELECT} WHERE i.id = ?`).get(id);
  return row ? instructorItemFrom(row as Parameters<typeof instructorItemFrom>[0]) : null;
}

/**
 * Every enterprise the instructor covers and covered. The last visit is the newest 走访 this instructor
 * logged at that enterprise: a visit by someone else does not count as theirs.
 */
export function instructorDetail(db: Db, id: number): InstructorDetail | null {
  const instructor = instructorItem(db, id);
  if (!instructor) return null;
  const assignments = (
    prepared(
      db,
      'people:assignments',
      () =>
        `SELECT a.*, i.name AS instructorName, e.name AS enterpriseName,
           (SELECT max(w.held_on) FROM work_logs w
             WHERE w.enterprise_id = a.enterprise_id AND w.instructor_id = a.instructor_id AND w.kind = 'visit')
             AS lastVisitOn,
           (SELECT count(*) FROM work_logs w
             WHERE w.enterprise_id = a.enterprise_id AND w.instructor_id = a.instructor_id AND w.kind = 'visit')
             AS visits
         FROM instructor_assignments a
         JOIN instructors i ON i.id = a.instructor_id
         JOIN enterprises e ON e.id = a.enterprise_id
         WHERE a.instructor_id = ?
         ORDER BY a.ended_on IS NOT NULL, a.started_on DESC, a.id DESC`,
    ).all(id) as Record<string, unknown>[]
  ).map((r): AssignmentRow => ({
    ...rowFromDb(assignmentsTable, r),
    instructorName: r.instructorName as string,
    enterpriseName: r.enterpriseName as string,
    lastVisitOn: (r.lastVisitOn as string | null) ?? null,
    visits: r.visits as number,
  }));
  const current = assignments.filter((a) => a.endedOn === null).length;
  return {
    instructor,
    mode: current === 0 ? null : current === 1 ? 'one' : 'many',
    assignments,
    trainings: trainingsOf(db, id),
  };
}

export function trainingsOf(db: Db, instructorId: number): Training[] {
  return (
    prepared(
      db,
      'people:trainings',
      () => 'SELECT * FROM instructor_trainings WHERE instructor_id = ? ORDER BY held_on DESC, id DESC',
    ).all(instructorId) as Record<string, unknown>[]
  ).map((r) => rowFromDb(trainingsTable, r));
}

export function leaderItem(db: Db, id: number): LeaderItem | null {
  const row = prepared(db, 'people:leaderItem', () => `${LEADER_ITEM_SELECT} WHERE l.id = ?`).get(id) as
    LeaderItem | undefined;
  return row ?? null;
}

export function leaderDetail(db: Db, id: number): LeaderDetail | null {
  const leader = leaderItem(db, id);
  return leader ? { leader, enterprises: linkedEnterprises(db, 'leader_id', id) } : null;
}

export function workGroupDetail(db: Db, id: number): WorkGroupDetail | null {
  const group = prepared(db, 'people:workGroupItem', () => `${WORK_GROUP_ITEM_SELECT} WHERE g.id = ?`).get(id) as
    WorkGroupItem | undefined;
  if (!group) return null;
  return { group, members: workGroupMembersOf(db, id), enterprises: linkedEnterprises(db, 'work_group_id', id) };
}

export function workGroupMembersOf(db: Db, workGroupId: number): WorkGroupMember[] {
  return prepared(
    db,
    'people:workGroupMembers',
    () =>
      `SELECT id, work_group_id AS workGroupId, name, position, phone
       FROM work_group_members WHERE work_group_id = ? ORDER BY id`,
  ).all(workGroupId) as WorkGroupMember[];
}

/** The enterprises pointing at a leader or a 推进组, with the last 走访 anyone logged there. */
function linkedEnterprises(db: Db, column: 'leader_id' | 'work_group_id', id: number): LinkedEnterprise[] {
  return prepared(
    db,
    `people:linked:${column}`,
    () =>
      `SELECT e.id, e.name, a.name AS areaName, e.org_setting AS orgSetting, e.full_members AS fullMembers,
         e.probationary_members AS probationaryMembers,
         (SELECT max(w.held_on) FROM work_logs w WHERE w.enterprise_id = e.id AND w.kind = 'visit') AS lastVisitOn
       FROM enterprises e JOIN areas a ON a.id = e.area_id
       WHERE e.${column} = ?
       ORDER BY a.sort_order, e.name, e.id`,
  ).all(id) as LinkedEnterprise[];
}

/** Which of `ids` exist as enterprises. */
export function existingEnterpriseIds(db: Db, ids: readonly number[]): Set<number> {
  const stmt = prepared(db, 'people:enterpriseExists', () => 'SELECT 1 FROM enterprises WHERE id = ?').pluck();
  return new Set(ids.filter((id) => stmt.get(id) !== undefined));
}

/** Enterprises whose 联系领导 is `leaderId`. */
export function enterprisesOfLeader(db: Db, leaderId: number): number[] {
  return prepared(db, 'people:leaderEnterprises', () => 'SELECT id FROM enterprises WHERE leader_id = ?')
    .pluck()
    .all(leaderId) as number[];
}
