import type { Tx } from '../db/changeLog';
import { prepared } from '../db/statements';
import { assignmentsTable, enterprisesTable } from '../db/tables';

interface Current {
  id: number;
  instructorId: number;
  startedOn: string;
}

export function currentAssignment(tx: Pick<Tx, 'db'>, enterpriseId: number): Current | null {
  const row = prepared(
    tx.db,
    'assignment:current',
    () =>
      `SELECT id, instructor_id AS instructorId, started_on AS startedOn
       FROM instructor_assignments WHERE enterprise_id = ? AND ended_on IS NULL`,
  ).get(enterpriseId) as Current | undefined;
  return row ?? null;
}

/**
 * Makes `instructorId` the enterprise's current instructor from `on` (YYYY-MM-DD), inside the caller's step:
 * the current assignment ends that day (or, begun that same day, is simply replaced), a new one starts, and
 * enterprises.instructor_id follows. Null leaves the enterprise without an instructor. Nothing happens when
 * the instructor is already the current one.
 */
export function setCurrentInstructor(tx: Tx, enterpriseId: number, instructorId: number | null, on: string): void {
  const current = currentAssignment(tx, enterpriseId);
  if ((current?.instructorId ?? null) === instructorId) {
    tx.update(enterprisesTable, enterpriseId, { instructorId });
    return;
  }
  if (current) {
    if (current.startedOn >= on) tx.remove(assignmentsTable, current.id);
    else tx.update(assignmentsTable, current.id, { endedOn: on });
  }
  if (instructorId !== null) {
    tx.insert(assignmentsTable, { instructorId, enterpriseId, startedOn: on, endedOn: null, note: '' });
  }
  tx.update(enterprisesTable, enterpriseId, { instructorId });
}
