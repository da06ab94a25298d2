import type { EnterpriseDetail, EnterpriseListRow } from '../../../../shared/domain/enterprise';
import type { EnterpriseKind, OperatingStatus, OrgSetting } from '../../../../shared/domain/labels';
import { revenueNeedsConfirming, sizeBand } from '../../../../shared/domain/sizeBand';
import type { EnterpriseSortKey } from '../../../../shared/ipc/enterprises';
import type { Db } from '../open';
import { prepared } from '../statements';
import { rowFromDb } from '../tableSpec';
import { enterprisesTable } from '../tables';

const LIST_COLUMNS = `e.id, e.name, e.uscc, e.kind, a.name AS areaName, e.employees, e.revenue,
  e.full_members AS fullMembers, e.probationary_members AS probationaryMembers,
  e.org_setting AS orgSetting, e.operating_status AS operatingStatus`;

/** Literal ORDER BY clauses: the sort key picks one, it is never spliced into SQL. NULLs sort last. */
const ORDER_BY: Record<EnterpriseSortKey, { asc: string; desc: string }> = {
  id: { asc: 'e.id ASC', desc: 'e.id DESC' },
  name: { asc: 'e.name ASC, e.id', desc: 'e.name DESC, e.id' },
  areaName: { asc: 'a.sort_order ASC, a.id, e.id', desc: 'a.sort_order DESC, a.id DESC, e.id' },
  employees: { asc: 'e.employees IS NULL, e.employees ASC, e.id', desc: 'e.employees IS NULL, e.employees DESC, e.id' },
  revenue: { asc: 'e.revenue IS NULL, e.revenue ASC, e.id', desc: 'e.revenue IS NULL, e.revenue DESC, e.id' },
  fullMembers: { asc: 'e.full_members ASC, e.id', desc: 'e.full_members DESC, e.id' },
};

interface ListRowDb {
  id: number;
  name: string;
  uscc: string | null;
  kind: EnterpriseKind;
  areaName: string;
  employees: number | null;
  revenue: number | null;
  fullMembers: number;
  probationaryMembers: number;
  orgSetting: OrgSetting;
  operatingStatus: OperatingStatus;
}

export function listEnterprises(
  db: Db,
  page: { offset: number; limit: number; sortBy: EnterpriseSortKey; sortOrder: 'asc' | 'desc' },
): EnterpriseListRow[] {
  const orderBy = ORDER_BY[page.sortBy][page.sortOrder];
  const stmt = prepared(
    db,
    `enterprises:list:${page.sortBy}:${page.sortOrder}`,
    () =>
      `SELECT ${LIST_COLUMNS} FROM enterprises e JOIN areas a ON a.id = e.area_id ORDER BY ${orderBy} LIMIT ? OFFSET ?`,
  );
  const rows = stmt.all(page.limit, page.offset) as ListRowDb[];
  return rows.map((r) => ({
    ...r,
    sizeBand: sizeBand(r.employees, r.revenue),
    revenueNeedsConfirming: revenueNeedsConfirming(r.employees, r.revenue),
  }));
}

export function countEnterprises(db: Db): number {
  return (db.prepare('SELECT count(*) AS n FROM enterprises').get() as { n: number }).n;
}

export function getEnterprise(db: Db, id: number): EnterpriseDetail | null {
  const row = db
    .prepare(
      `SELECT e.*, a.name AS area_name, g.name AS work_group_name FROM enterprises e
       JOIN areas a ON a.id = e.area_id LEFT JOIN work_groups g ON g.id = e.work_group_id WHERE e.id = ?`,
    )
    .get(id) as (Record<string, unknown> & { area_name: string; work_group_name: string | null }) | undefined;
  if (!row) return null;
  const e = rowFromDb(enterprisesTable, row);
  return {
    ...e,
    areaName: row.area_name,
    workGroupName: row.work_group_name,
    sizeBand: sizeBand(e.employees, e.revenue),
    revenueNeedsConfirming: revenueNeedsConfirming(e.employees, e.revenue),
  };
}
