import type { DocStatus, GongwenContent } from '../../../../shared/documents/model';
import { contentSchema, type DocumentDetail, type DocumentRow } from '../../../../shared/ipc/documents';
import type { Page } from '../../../../shared/ipc/fields';
import { AppError } from '../../errors';
import type { Db } from '../open';
import { recordById } from '../records';
import { prepared } from '../statements';
import { documentsTable, type DocumentRecord } from '../tables';

/** Stored content read back through the contract's schema, so a file edited elsewhere cannot feed a bad shape on. */
export function contentOf(json: string): GongwenContent {
  const parsed = contentSchema.safeParse(JSON.parse(json));
  if (!parsed.success) throw new AppError('INTERNAL', '公文内容已损坏，无法读取');
  return parsed.data as GongwenContent;
}

export function documentRecord(db: Db, id: number): DocumentRecord | null {
  return recordById(db, documentsTable, id);
}

export function requireDocument(db: Db, id: number): DocumentRecord {
  const record = documentRecord(db, id);
  if (!record) throw new AppError('NOT_FOUND', `找不到编号为 ${id} 的公文，可能已被删除`);
  return record;
}

/** The formation step a 批复 was recorded on, for its screen: “长安村鑫达机械有限公司党支部 组建程序·批复”. */
function recordedOn(db: Db, record: DocumentRecord): string | null {
  if (record.source !== 'approval' || record.number === null) return null;
  const org = prepared(
    db,
    'documents:recordedOn',
    () => `SELECT o.name FROM formation_steps s JOIN party_orgs o ON o.id = s.org_id
           WHERE s.step = 'reply' AND s.doc_no = ? LIMIT 1`,
  )
    .pluck()
    .get(record.number) as string | undefined;
  return org === undefined ? null : `${org} 组建程序·批复`;
}

function enterpriseName(db: Db, id: number | null): string | null {
  if (id === null) return null;
  const name = prepared(db, 'documents:enterpriseName', () => 'SELECT name FROM enterprises WHERE id = ?')
    .pluck()
    .get(id) as string | undefined;
  return name ?? null;
}

export function documentDetail(db: Db, id: number): DocumentDetail {
  const r = requireDocument(db, id);
  return {
    id: r.id,
    source: r.source,
    status: r.status,
    number: r.number,
    content: contentOf(r.content),
    enterpriseId: r.enterpriseId,
    enterpriseName: enterpriseName(db, r.enterpriseId),
    planId: r.planId,
    campaignId: r.campaignId,
    issuedAt: r.issuedAt,
    withdrawnAt: r.withdrawnAt,
    withdrawReason: r.withdrawReason,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
    recordedOn: recordedOn(db, r),
  };
}

const ROW_COLUMNS = `d.id, d.kind, d.source, d.status, d.number, d.title,
  coalesce(json_extract(d.content, '$.date'), '') AS date, e.name AS enterpriseName, d.updated_at AS updatedAt`;

const LIST_WHERE = `(? IS NULL OR d.status = ?) AND (? IS NULL OR d.year = ? OR substr(json_extract(d.content, '$.date'), 1, 4) = ?)
  AND (? IS NULL OR d.title LIKE ? ESCAPE '\\' OR d.number LIKE ? ESCAPE '\\')`;

export interface DocumentQuery {
  status?: DocStatus;
  year?: number;
  search?: string;
  offset: number;
  limit: number;
}

const likeOf = (s: string) => `%${s.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** 公文管理's list: newest change first, filtered by status, year (of the number, else of the date) and text. */
export function listDocuments(db: Db, q: DocumentQuery): Page<DocumentRow> {
  const status = q.status ?? null;
  const year = q.year ?? null;
  const like = q.search ? likeOf(q.search) : null;
  const params = [status, status, year, year, year === null ? null : String(year), like, like, like];
  const total = prepared(db, 'documents:count', () => `SELECT count(*) FROM documents d WHERE ${LIST_WHERE}`)
    .pluck()
    .get(...params) as number;
  const rows = prepared(
    db,
    'documents:list',
    () => `SELECT ${ROW_COLUMNS} FROM documents d LEFT JOIN enterprises e ON e.id = d.enterprise_id
           WHERE ${LIST_WHERE} ORDER BY d.updated_at DESC, d.id DESC LIMIT ? OFFSET ?`,
  ).all(...params, q.limit, q.offset) as DocumentRow[];
  return { total, rows };
}

/** The documents made for an enterprise or for one of its plans, newest first. */
export function documentsForEnterprise(db: Db, enterpriseId: number): DocumentRow[] {
  return prepared(
    db,
    'documents:forEnterprise',
    () => `SELECT ${ROW_COLUMNS} FROM documents d LEFT JOIN enterprises e ON e.id = d.enterprise_id
           WHERE d.enterprise_id = ? OR d.plan_id IN (SELECT id FROM plans WHERE enterprise_id = ?)
           ORDER BY d.updated_at DESC, d.id DESC`,
  ).all(enterpriseId, enterpriseId) as DocumentRow[];
}

/** The highest sequence ever taken for a 代字 and year (0 when none): the registry, not the documents, decides. */
export function highestSeq(db: Db, code: string, year: number): number {
  return prepared(
    db,
    'docNumbers:max',
    () => 'SELECT coalesce(max(seq), 0) FROM doc_numbers WHERE doc_code = ? AND year = ?',
  )
    .pluck()
    .get(code, year) as number;
}

export function isSeqTaken(db: Db, code: string, year: number, seq: number): boolean {
  return (
    prepared(db, 'docNumbers:taken', () => 'SELECT 1 FROM doc_numbers WHERE doc_code = ? AND year = ? AND seq = ?').get(
      code,
      year,
      seq,
    ) !== undefined
  );
}

/** Written outside the change log on purpose: no undo may delete it, so the number is never given out again. */
export function takeNumber(
  db: Db,
  n: { code: string; year: number; seq: number; documentId: number; at: string; actor: string },
): void {
  prepared(
    db,
    'docNumbers:take',
    () => 'INSERT INTO doc_numbers (doc_code, year, seq, document_id, taken_at, actor) VALUES (?, ?, ?, ?, ?, ?)',
  ).run(n.code, n.year, n.seq, n.documentId, n.at, n.actor);
}

/** A taken number with what the registry and its document say about it. */
export interface TakenNumber {
  seq: number;
  documentId: number | null;
  takenAt: string;
  actor: string;
  /** The document's own number and status now: a document whose issue was undone no longer holds it. */
  heldNumber: string | null;
  status: DocStatus | null;
  title: string | null;
  kind: DocumentRecord['kind'] | null;
  date: string | null;
  issuedAt: string | null;
  withdrawReason: string | null;
}

export function takenNumbers(db: Db, code: string, year: number): TakenNumber[] {
  return prepared(
    db,
    'docNumbers:list',
    () => `SELECT n.seq, n.document_id AS documentId, n.taken_at AS takenAt, n.actor, d.number AS heldNumber, d.status,
             d.title, d.kind, json_extract(d.content, '$.date') AS date, d.issued_at AS issuedAt,
             d.withdraw_reason AS withdrawReason
           FROM doc_numbers n LEFT JOIN documents d ON d.id = n.document_id
           WHERE n.doc_code = ? AND n.year = ? ORDER BY n.seq`,
  ).all(code, year) as TakenNumber[];
}

/** The document that holds a number now (issued or withdrawn), or null. */
export function documentIdHolding(db: Db, number: string): number | null {
  const id = prepared(db, 'documents:byNumber', () => 'SELECT id FROM documents WHERE number = ?')
    .pluck()
    .get(number) as number | undefined;
  return id ?? null;
}
