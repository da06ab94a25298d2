import type { WorkLogDetail, WorkLogRow } from '../../../../shared/domain/party';
import type { Page } from '../../../../shared/ipc/fields';
import type { workLogQuery } from '../../../../shared/ipc/workLogs';
import type { z } from 'zod';
import type { Db } from '../open';
import { attachmentsOf } from './attachments';
import { prepared } from '../statements';
import { rowFromDb } from '../tableSpec';
import { workLogsTable } from '../tables';

export type WorkLogFilter = z.output<typeof workLogQuery>;

const ROW_SELECT = `SELECT w.*, e.name AS enterpriseName, i.name AS instructorName,
    (SELECT count(*) FROM attachments a WHERE a.work_log_id = w.id) AS attachmentCount
  FROM work_logs w
  JOIN enterprises e ON e.id = w.enterprise_id
  LEFT JOIN instructors i ON i.id = w.instructor_id`;

function toRow(r: Record<string, unknown>): WorkLogRow {
  return {
    ...rowFromDb(workLogsTable, r),
    enterpriseName: r.enterpriseName as string,
    instructorName: (r.instructorName as string | null) ?? null,
    attachments: r.attachmentCount as number,
  };
}

/** A LIKE pattern finding `term` anywhere, its wildcards taken literally. */
export function containing(term: string): string {
  return `%${term.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

function whereOf(q: WorkLogFilter): { sql: string; params: unknown[] } {
  const parts: string[] = [];
  const params: unknown[] = [];
  if (q.enterpriseId !== undefined) {
    parts.push('w.enterprise_id = ?');
    params.push(q.enterpriseId);
  }
  if (q.instructorId !== undefined) {
    parts.push('w.instructor_id = ?');
    params.push(q.instructorId);
  }
  if (q.kinds && q.kinds.length > 0) {
    parts.push(`w.kind IN (${q.kinds.map(() => '?').join(', ')})`);
    params.push(...q.kinds);
  }
  if (q.from) {
    parts.push('w.held_on >= ?');
    params.push(q.from);
  }
  if (q.to) {
    parts.push('w.held_on <= ?');
    params.push(q.to);
  }
  if (q.openFollowUps) parts.push('w.follow_up_on IS NOT NULL AND w.follow_up_done = 0');
  // Each word of the search box must match the enterprise's name or initials, or what the log says.
  for (const word of (q.search ?? '').normalize('NFKC').split(/\s+/).filter(Boolean)) {
    parts.push(
      `(e.name LIKE ? ESCAPE '\\' OR e.name_initials LIKE ? ESCAPE '\\' OR w.content LIKE ? ESCAPE '\\'
        OR w.problems LIKE ? ESCAPE '\\' OR w.participants LIKE ? ESCAPE '\\')`,
    );
    const like = containing(word);
    params.push(like, like, like, like, like);
  }
  return { sql: parts.length > 0 ? `WHERE ${parts.join(' AND ')}` : '', params };
}

/** Newest first; a page of `limit` from `offset`, with the total the filter finds. */
export function listWorkLogs(db: Db, q: WorkLogFilter, page: { offset: number; limit: number }): Page<WorkLogRow> {
  const where = whereOf(q);
  // The filter's fragments are code constants; its values are bound.
  const countSql = `SELECT count(*) FROM work_logs w JOIN enterprises e ON e.id = w.enterprise_id ${where.sql}`;
  const total = prepared(db, countSql, () => countSql)
    .pluck()
    .get(...where.params) as number;
  const pageSql = `${ROW_SELECT} ${where.sql} ORDER BY w.held_on DESC, w.id DESC LIMIT ? OFFSET ?`;
  const rows = (
    prepared(db, pageSql, () => pageSql).all(...where.params, page.limit, page.offset) as Record<string, unknown>[]
  ).map(toRow);
  return { total, rows };
}

export function getWorkLog(db: Db, id: number): WorkLogDetail | null {
  const row = prepared(db, 'workLogs:get', () => `${ROW_SELECT} WHERE w.id = ?`).get(id) as
    Record<string, unknown> | undefined;
  return row ? { ...toRow(row), attachmentList: attachmentsOf(db, { workLogId: id }) } : null;
}
