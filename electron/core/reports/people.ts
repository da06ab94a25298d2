import {
  INSTRUCTOR_SOURCES,
  ORG_SETTINGS,
  type InstructorSource,
  type OrgSetting,
} from '../../../shared/domain/labels';
import { maskPhone } from '../../../shared/domain/masking';
import type { ReportColumn, ReportModel, ReportRow } from '../../../shared/excel/reportModel';
import { prepared } from '../db/statements';
import { reportHead, SCOPE_SQL, scopeParams, type ReportInput } from './context';

interface InstructorLine {
  id: number;
  name: string;
  position: string;
  phone: string;
  fullTime: number;
  source: InstructorSource;
  appointedOn: string | null;
  trainings: number;
}

/**
 * 党建工作指导员名册: one row per instructor with the enterprises they are currently assigned to (一人一企 or 一人多企).
 * Narrowed to an area or work group, it lists the instructors of that scope's enterprises, each with only those.
 */
export function instructorsReport(input: ReportInput): ReportModel {
  const { db, scope, unmask } = input;
  const people = prepared(
    db,
    'reports:instructors',
    () => `SELECT i.id, i.name, i.position, i.phone, i.full_time AS fullTime, i.source, i.appointed_on AS appointedOn,
             (SELECT count(*) FROM instructor_trainings t WHERE t.instructor_id = i.id) AS trainings
           FROM instructors i ORDER BY i.name_initials, i.name, i.id`,
  ).all() as InstructorLine[];
  const assigned = prepared(
    db,
    'reports:instructorEnterprises',
    () => `SELECT s.instructor_id AS instructorId, e.name FROM instructor_assignments s
           JOIN enterprises e ON e.id = s.enterprise_id JOIN areas a ON a.id = e.area_id
           WHERE s.ended_on IS NULL AND ${SCOPE_SQL} ORDER BY a.sort_order, a.id, e.name_initials, e.name`,
  ).all(...scopeParams(scope)) as { instructorId: number; name: string }[];
  const byInstructor = new Map<number, string[]>();
  for (const a of assigned) byInstructor.set(a.instructorId, [...(byInstructor.get(a.instructorId) ?? []), a.name]);
  const scoped = scope.areaId !== null || scope.workGroupId !== null;
  const listed = people.filter((p) => !scoped || byInstructor.has(p.id));
  const rows: ReportRow[] = listed.map((p, i) => {
    const enterprises = byInstructor.get(p.id) ?? [];
    return {
      cells: [
        i + 1,
        p.name,
        p.position,
        unmask ? p.phone : maskPhone(p.phone),
        p.fullTime === 1 ? '专职' : '兼职',
        INSTRUCTOR_SOURCES[p.source],
        p.appointedOn,
        enterprises.length,
        enterprises.length === 0 ? '未联系企业' : enterprises.length === 1 ? '一人一企' : '一人多企',
        enterprises.join('、'),
        p.trainings,
      ],
    };
  });
  const columns: ReportColumn[] = [
    { key: 'no', header: '序号', width: 2, kind: 'int' },
    { key: 'name', header: '姓名', width: 4, kind: 'text' },
    { key: 'position', header: '单位职务', width: 9, kind: 'text' },
    { key: 'phone', header: '联系电话', width: 6, kind: 'text' },
    { key: 'fullTime', header: '专职/兼职', width: 3, kind: 'text' },
    { key: 'source', header: '来源', width: 5, kind: 'text' },
    { key: 'appointedOn', header: '派驻日期', width: 5, kind: 'date' },
    { key: 'count', header: '联系企业数', width: 3, kind: 'int', sum: true },
    { key: 'mode', header: '联系方式', width: 4, kind: 'text' },
    { key: 'enterprises', header: '联系企业', width: 22, kind: 'text' },
    { key: 'trainings', header: '参加培训次数', width: 3, kind: 'int', sum: true },
  ];
  return {
    ...reportHead(input, 'instructors'),
    sheetName: '党建工作指导员名册',
    scope: scope.text,
    header: columns.map((c) => c.key),
    columns,
    rows,
    total: { label: '合计' },
    freezeColumns: 2,
  };
}

/**
 * 领导联系点名册: one row per 联系点 (a leader and an enterprise they contact), by leader; a leader without one is
 * listed once with the enterprise blank, unless the table is narrowed to an area or work group.
 */
export function contactsReport(input: ReportInput): ReportModel {
  const { db, scope, unmask } = input;
  const lines = prepared(
    db,
    'reports:contacts',
    () => `SELECT l.id, l.name, l.position, l.phone, l.note, e.name AS enterprise, a.name AS area,
             e.org_setting AS orgSetting, e.full_members + e.probationary_members AS members,
             (SELECT max(w.held_on) FROM work_logs w WHERE w.enterprise_id = e.id AND w.kind = 'visit') AS lastVisit
           FROM leaders l LEFT JOIN enterprises e ON e.leader_id = l.id AND ${SCOPE_SQL}
             LEFT JOIN areas a ON a.id = e.area_id
           ORDER BY l.name_initials, l.name, l.id, a.sort_order, a.id, e.name_initials, e.name`,
  ).all(...scopeParams(scope)) as {
    id: number;
    name: string;
    position: string;
    phone: string;
    note: string;
    enterprise: string | null;
    area: string | null;
    orgSetting: OrgSetting | null;
    members: number | null;
    lastVisit: string | null;
  }[];
  const scoped = scope.areaId !== null || scope.workGroupId !== null;
  const rows: ReportRow[] = lines
    .filter((l) => !scoped || l.enterprise !== null)
    .map((l, i) => ({
      cells: [
        i + 1,
        l.name,
        l.position,
        unmask ? l.phone : maskPhone(l.phone),
        l.enterprise,
        l.area,
        l.orgSetting ? ORG_SETTINGS[l.orgSetting] : null,
        l.members,
        l.lastVisit,
        l.note,
      ],
    }));
  const columns: ReportColumn[] = [
    { key: 'no', header: '序号', width: 2, kind: 'int' },
    { key: 'name', header: '联系领导', width: 4, kind: 'text' },
    { key: 'position', header: '职务', width: 8, kind: 'text' },
    { key: 'phone', header: '联系电话', width: 6, kind: 'text' },
    { key: 'enterprise', header: '联系企业', width: 12, kind: 'text' },
    { key: 'area', header: '所在区域', width: 5, kind: 'text' },
    { key: 'orgSetting', header: '组织设置', width: 4, kind: 'text' },
    { key: 'members', header: '党员数', width: 3, kind: 'int' },
    { key: 'lastVisit', header: '最近走访', width: 5, kind: 'date' },
    { key: 'note', header: '备注', width: 8, kind: 'text' },
  ];
  return {
    ...reportHead(input, 'contacts'),
    sheetName: '领导联系点名册',
    scope: scope.text,
    header: columns.map((c) => c.key),
    columns,
    rows,
    freezeColumns: 2,
  };
}
