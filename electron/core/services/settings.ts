import type { z } from 'zod';
import { AREA_TYPES } from '../../../shared/domain/labels';
import type { LedgerSettings } from '../../../shared/domain/ledger';
import type { AreaItem, InstructorItem, WorkGroupItem, ZoneItem } from '../../../shared/domain/lookups';
import type { LedgerSettingsInput } from '../../../shared/ipc/ledgers';
import type { areaInput, instructorInput, workGroupInput, zoneInput } from '../../../shared/ipc/settings';
import { write, type Writer } from '../db/changeLog';
import type { Db } from '../db/open';
import { enterprisesUsing, idByName, listLookups, nameOf, type NamedTable } from '../db/repos/lookups';
import { instructorItem } from '../db/repos/people';
import { getSettings } from '../db/repos/settings';
import {
  areasTable,
  assignmentsTable,
  enterprisesTable,
  instructorsTable,
  settingsTable,
  trainingsTable,
  workGroupMembersTable,
  workGroupsTable,
  workLogsTable,
  zonesTable,
} from '../db/tables';
import { AppError } from '../errors';
import { settingsFromInput } from './ledgers';
import { keepStoredPersonal } from './personal';

/** The ledger's own lists: areas, 工作片, 推进组, 指导员. Every change is one logged, undoable step. */

export function updateSettings(db: Db, writer: Writer, input: LedgerSettingsInput): LedgerSettings {
  write(db, writer, '修改本乡镇设置', (tx) => tx.update(settingsTable, 1, settingsFromInput(input)));
  return getSettings(db);
}

function requireNamed(db: Db, table: NamedTable, id: number, what: string): string {
  const name = nameOf(db, table, id);
  if (name === null) throw new AppError('NOT_FOUND', `${what}已不存在，可能已被删除，请刷新`);
  return name;
}

function uniqueName(db: Db, table: NamedTable, name: string, id: number | undefined, what: string): void {
  if (idByName(db, table, name, id ?? null) !== null) {
    throw new AppError('VALIDATION', `已有名为“${name}”的${what}，名称不能重复`, 'name');
  }
}

export function saveArea(db: Db, writer: Writer, input: z.output<typeof areaInput>): AreaItem {
  uniqueName(db, 'areas', input.name, input.id, '区域');
  if (input.zoneId !== null && nameOf(db, 'zones', input.zoneId) === null) {
    throw new AppError('VALIDATION', '所选工作片已不存在，请重新选择', 'zoneId');
  }
  const fields = { name: input.name, type: input.type, zoneId: input.zoneId };
  const id = input.id;
  const savedId =
    id === undefined
      ? write(db, writer, `新增${AREA_TYPES[input.type]}“${input.name}”`, (tx) =>
          tx.insert(areasTable, { ...fields, sortOrder: input.sortOrder ?? nextSortOrder(db) }),
        )
      : write(db, writer, `修改区域“${requireNamed(db, 'areas', id, '该区域')}”`, (tx) => {
          tx.update(areasTable, id, input.sortOrder === undefined ? fields : { ...fields, sortOrder: input.sortOrder });
          return id;
        });
  return listLookups(db).areas.find((a) => a.id === savedId)!;
}

function nextSortOrder(db: Db): number {
  return db.prepare('SELECT coalesce(max(sort_order), -1) + 1 FROM areas').pluck().get() as number;
}

export function deleteArea(db: Db, writer: Writer, id: number): void {
  const name = requireNamed(db, 'areas', id, '该区域');
  const used = enterprisesUsing(db, 'area_id', id).length;
  if (used > 0) {
    throw new AppError(
      'CONFLICT',
      `“${name}”下还有${used}家企业，不能删除。请先在企业台账中选中这些企业，用“修改所在区域”移到其他区域`,
    );
  }
  write(db, writer, `删除区域“${name}”`, (tx) => tx.remove(areasTable, id));
}

export function saveZone(db: Db, writer: Writer, input: z.output<typeof zoneInput>): ZoneItem {
  uniqueName(db, 'zones', input.name, input.id, '工作片');
  const id = input.id;
  const savedId =
    id === undefined
      ? write(db, writer, `新增工作片“${input.name}”`, (tx) => tx.insert(zonesTable, { name: input.name }))
      : write(db, writer, `修改工作片“${requireNamed(db, 'zones', id, '该工作片')}”`, (tx) => {
          tx.update(zonesTable, id, { name: input.name });
          return id;
        });
  return listLookups(db).zones.find((z) => z.id === savedId)!;
}

/** Its areas stay, outside any 工作片. */
export function deleteZone(db: Db, writer: Writer, id: number): void {
  const name = requireNamed(db, 'zones', id, '该工作片');
  const areaIds = db.prepare('SELECT id FROM areas WHERE zone_id = ?').pluck().all(id) as number[];
  write(db, writer, `删除工作片“${name}”`, (tx) => {
    for (const areaId of areaIds) tx.update(areasTable, areaId, { zoneId: null });
    tx.remove(zonesTable, id);
  });
}

export function saveWorkGroup(db: Db, writer: Writer, input: z.output<typeof workGroupInput>): WorkGroupItem {
  uniqueName(db, 'work_groups', input.name, input.id, '推进组');
  const fields = { name: input.name, leaderName: input.leaderName };
  const id = input.id;
  const savedId =
    id === undefined
      ? write(db, writer, `新增推进组“${input.name}”`, (tx) => tx.insert(workGroupsTable, fields))
      : write(db, writer, `修改推进组“${requireNamed(db, 'work_groups', id, '该推进组')}”`, (tx) => {
          tx.update(workGroupsTable, id, fields);
          return id;
        });
  return listLookups(db).workGroups.find((g) => g.id === savedId)!;
}

/** Its members go and its enterprises become 未分组 in the same step, so one 撤销 brings all of it back. */
export function deleteWorkGroup(db: Db, writer: Writer, id: number): void {
  const name = requireNamed(db, 'work_groups', id, '该推进组');
  const enterprises = enterprisesUsing(db, 'work_group_id', id);
  const members = db.prepare('SELECT id FROM work_group_members WHERE work_group_id = ?').pluck().all(id) as number[];
  write(db, writer, `删除推进组“${name}”`, (tx) => {
    for (const e of enterprises) tx.update(enterprisesTable, e, { workGroupId: null });
    for (const m of members) tx.remove(workGroupMembersTable, m);
    tx.remove(workGroupsTable, id);
  });
}

export function saveInstructor(db: Db, writer: Writer, given: z.output<typeof instructorInput>): InstructorItem {
  const input = keepStoredPersonal(db, 'instructor', given.id, given, '');
  const { id, ...fields } = input;
  const savedId =
    id === undefined
      ? write(db, writer, `新增党建工作指导员“${input.name}”`, (tx) => tx.insert(instructorsTable, fields))
      : write(db, writer, `修改党建工作指导员“${requireNamed(db, 'instructors', id, '该指导员')}”`, (tx) => {
          tx.update(instructorsTable, id, fields);
          return id;
        });
  return instructorItem(db, savedId)!;
}

/**
 * One step, so one 撤销 brings everything back: the instructor's training and assignments go, the enterprises
 * they cover are left without an instructor, and their work logs stay, no longer naming them.
 */
export function deleteInstructor(db: Db, writer: Writer, id: number): void {
  const name = requireNamed(db, 'instructors', id, '该指导员');
  const assigned = enterprisesUsing(db, 'instructor_id', id);
  const ids = (sql: string) => db.prepare(sql).pluck().all(id) as number[];
  const trainings = ids('SELECT id FROM instructor_trainings WHERE instructor_id = ?');
  const assignments = ids('SELECT id FROM instructor_assignments WHERE instructor_id = ?');
  const logs = ids('SELECT id FROM work_logs WHERE instructor_id = ?');
  write(db, writer, `删除党建工作指导员“${name}”`, (tx) => {
    for (const e of assigned) tx.update(enterprisesTable, e, { instructorId: null });
    for (const t of trainings) tx.remove(trainingsTable, t);
    for (const a of assignments) tx.remove(assignmentsTable, a);
    for (const w of logs) tx.update(workLogsTable, w, { instructorId: null });
    tx.remove(instructorsTable, id);
  });
}
