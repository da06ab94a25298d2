import type { ReportModel, ReportRow, RowSource } from '../../../shared/excel/reportModel';
import type { Db } from '../db/open';
import { prepared } from '../db/statements';
import { fieldsOf, fromDbValue } from '../db/tableSpec';
import { enterprisesTable } from '../db/tables';
import { reportHead, SCOPE_SQL, scopeParams, type ReportInput, type Scope } from './context';
import { LEDGER_COLUMNS, LEDGER_HEADER, ledgerCells, type LedgerRecord } from './ledgerColumns';

/** Enterprises read per statement: a chunk is written, then the job answers progress and cancel questions. */
const CHUNK = 500;

const FIELDS = fieldsOf(enterprisesTable);
const NAMES = [
  'areaName',
  'workGroupName',
  'instructorName',
  'leaderName',
  'partyOrgName',
  'superiorOrgName',
  'associationName',
  'leadName',
] as const;

/**
 * The record's own columns by name (never e.*: the search columns are long and unread), then the names it points
 * at. 隶属关系 as the enterprise's detail shows it: an 挂靠 one belongs to the 属地 organisation itself.
 */
const RECORDS_SQL = `SELECT e.id, ${FIELDS.map(([, c]) => `e.${c.column}`).join(', ')},
    a.name, g.name, i.name, l.name, p.name, CASE WHEN p.host = 'locality' THEN p.name ELSE sp.name END, ae.name, le.name
  FROM json_each(?) j JOIN enterprises e ON e.id = j.value JOIN areas a ON a.id = e.area_id
    LEFT JOIN work_groups g ON g.id = e.work_group_id LEFT JOIN instructors i ON i.id = e.instructor_id
    LEFT JOIN leaders l ON l.id = e.leader_id LEFT JOIN party_orgs p ON p.id = e.party_org_id
    LEFT JOIN party_orgs sp ON sp.id = p.superior_org_id
    LEFT JOIN enterprises ae ON ae.id = e.association_id LEFT JOIN enterprises le ON le.id = e.lead_enterprise_id`;

/**
 * The enterprises of a scope in the 名册 order (by area as the settings list them, then by name), every one of
 * them — 注销 and 迁出 included, as the ledger keeps them (their 经营状况 says so).
 */
export function ledgerIds(db: Db, scope: Scope): number[] {
  return prepared(
    db,
    'reports:ledgerIds',
    () => `SELECT e.id FROM enterprises e JOIN areas a ON a.id = e.area_id WHERE ${SCOPE_SQL}
           ORDER BY a.sort_order, a.id, e.name_initials, e.name, e.id`,
  )
    .pluck()
    .all(...scopeParams(scope)) as number[];
}

/**
 * Full records of some enterprises with the names they point at, in the order of `ids`. Rows come as arrays
 * (better-sqlite3's raw mode): making an object per row inside the driver costs more than the query itself.
 */
export function ledgerRecords(db: Db, ids: readonly number[]): LedgerRecord[] {
  const rows = prepared(db, 'reports:ledgerRecords', () => RECORDS_SQL)
    .raw(true)
    .all(JSON.stringify(ids)) as unknown[][];
  const byId = new Map<number, LedgerRecord>();
  for (const r of rows) {
    const record: Record<string, unknown> = { id: r[0] };
    FIELDS.forEach(([field, c], i) => (record[field] = fromDbValue(c.kind, r[i + 1])));
    NAMES.forEach((name, i) => (record[name] = r[FIELDS.length + 1 + i] ?? null));
    byId.set(r[0] as number, record as unknown as LedgerRecord);
  }
  // An enterprise deleted while the export ran is left out rather than written half.
  return ids.map((id) => byId.get(id)).filter((e): e is LedgerRecord => e !== undefined);
}

/**
 * 台账明细表: every field of every enterprise of the scope, in Chinese (labels, 是/否, names for references), read
 * and written a chunk at a time. The ids are fixed when the export starts; the rows are read as they are written.
 */
export function ledgerReport(input: ReportInput): ReportModel {
  const { db, unmask } = input;
  const ids = ledgerIds(db, input.scope);
  const rows: RowSource = {
    count: ids.length,
    *chunks(): Generator<ReportRow[]> {
      let no = 0;
      for (let i = 0; i < ids.length; i += CHUNK) {
        const records = ledgerRecords(db, ids.slice(i, i + CHUNK));
        yield records.map((e) => ({ cells: ledgerCells(e, ++no, unmask) }));
      }
    },
  };
  return {
    ...reportHead(input, 'ledger'),
    sheetName: '台账明细表',
    scope: input.scope.text,
    header: LEDGER_HEADER,
    columns: LEDGER_COLUMNS,
    rows,
    notes: [
      `说明：1. 含注销、迁出的企业（见“经营状况”列）。2. 金额单位为万元。${
        unmask ? '' : '3. 联系电话已隐去中间数字；如需完整号码，导出时请勾选“显示完整个人信息”。'
      }`,
    ],
    freezeColumns: 2,
  };
}
