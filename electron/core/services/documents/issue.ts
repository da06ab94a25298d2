import { DOC_CODE, formatDocNumber } from '../../../../shared/documents/number';
import { DOC_STATUSES } from '../../../../shared/documents/model';
import { issueProblems } from '../../../../shared/documents/rules';
import type { DocumentDetail } from '../../../../shared/ipc/documents';
import { assertWritable, write, type Tx, type Writer } from '../../db/changeLog';
import {
  contentOf,
  documentDetail,
  highestSeq,
  isSeqTaken,
  requireDocument,
  takeNumber,
} from '../../db/repos/documents';
import { getSettings } from '../../db/repos/settings';
import type { Db } from '../../db/open';
import { documentsTable, formationStepsTable, type DocumentRecord } from '../../db/tables';
import { AppError } from '../../errors';
import { documentLabel } from './documents';

/** The settings' 代字, which every number of this ledger carries. */
export function settingsDocCode(db: Db): string {
  const code = getSettings(db).docCode.trim();
  if (!DOC_CODE.test(code)) {
    throw new AppError('VALIDATION', '请先在“台账设置”中填写发文机关代字（如“长委”），再发文', 'code');
  }
  return code;
}

/**
 * Runs `fn` holding SQLite's write lock from the start (BEGIN IMMEDIATE): two programs on one ledger file issuing at
 * the same moment queue up instead of both reading the same highest number. `write` inside it nests as a savepoint,
 * so the change log and the registry commit together or not at all.
 */
function immediately<T>(db: Db, fn: () => T): T {
  if (db.inTransaction) return fn();
  db.exec('BEGIN IMMEDIATE');
  try {
    const result = fn();
    db.exec('COMMIT');
    return result;
  } catch (e) {
    if (db.inTransaction) db.exec('ROLLBACK');
    throw e;
  }
}

function chooseSeq(db: Db, code: string, year: number, wanted: number | undefined): number {
  if (wanted === undefined) return highestSeq(db, code, year) + 1;
  if (isSeqTaken(db, code, year, wanted)) {
    throw new AppError('CONFLICT', `${formatDocNumber({ code, year, seq: wanted })}已被使用，请换一个序号`, 'seq');
  }
  return wanted;
}

/**
 * A 批复 for an enterprise is recorded on its organisation's formation step 'reply' (date and number), the row
 * made if the step was never recorded. An enterprise without an organisation record has no steps to record it on.
 */
function recordReply(db: Db, tx: Tx, r: DocumentRecord, number: string, date: string, title: string): void {
  if (r.source !== 'approval' || r.enterpriseId === null) return;
  const orgId = db.prepare('SELECT party_org_id FROM enterprises WHERE id = ?').pluck().get(r.enterpriseId) as
    number | null | undefined;
  if (orgId === null || orgId === undefined) return;
  const stepId = db.prepare(`SELECT id FROM formation_steps WHERE org_id = ? AND step = 'reply'`).pluck().get(orgId) as
    number | undefined;
  if (stepId === undefined)
    tx.insert(formationStepsTable, { orgId, step: 'reply', doneOn: date, docNo: number, note: title });
  else tx.update(formationStepsTable, stepId, { doneOn: date, docNo: number });
}

/**
 * 发文: refused, naming the field, while the content is not ready (nothing taken); otherwise the number (the clerk's
 * sequence if free, else the next after the highest ever taken for the 代字 and the 成文日期's year) is taken, the
 * document archived and a 批复 recorded on its organisation's steps — in one transaction, all or nothing.
 *
 * Undo: the document's fields and the step go through the change log, so 撤销 puts the document back to a draft;
 * the registry row is written beside the log in the same transaction and no undo removes it, so the number stays
 * taken (the register shows it 作废) and is never given to another document.
 */
export function issueDocument(db: Db, writer: Writer, id: number, wantedSeq?: number): DocumentDetail {
  assertWritable(db);
  const before = requireDocument(db, id);
  const content = contentOf(before.content);
  const [problem] = issueProblems(content);
  if (problem) throw new AppError('VALIDATION', problem.message, problem.field);
  const code = settingsDocCode(db);
  const year = Number(content.date.slice(0, 4));
  immediately(db, () => {
    const r = requireDocument(db, id);
    if (r.status !== 'draft') {
      throw new AppError('CONFLICT', `${documentLabel(r)}${DOC_STATUSES[r.status]}，不能再次发文`);
    }
    if (r.content !== before.content) {
      throw new AppError('CONFLICT', '公文在发文前又被修改过，请刷新后重试');
    }
    const seq = chooseSeq(db, code, year, wantedSeq);
    const number = formatDocNumber({ code, year, seq });
    write(db, writer, `发文${number}“${content.title}”`, (tx) => {
      takeNumber(db, { code, year, seq, documentId: id, at: tx.at, actor: writer.actor });
      tx.update(documentsTable, id, {
        docCode: code,
        year,
        seq,
        number,
        issuedAt: tx.at,
        status: 'issued',
        actor: writer.actor,
      });
      recordReply(db, tx, r, number, content.date, content.title);
    });
  });
  return documentDetail(db, id);
}

/** 撤回: the document stays on file with its reason and its number stays taken (已撤回 in the register). */
export function withdrawDocument(db: Db, writer: Writer, id: number, reason: string): DocumentDetail {
  const r = requireDocument(db, id);
  if (r.status !== 'issued') {
    const why = r.status === 'draft' ? '尚未发文，草稿可直接删除' : '已经撤回';
    throw new AppError('CONFLICT', `${documentLabel(r)}${why}`);
  }
  write(db, writer, `撤回公文${documentLabel(r)}`, (tx) =>
    tx.update(documentsTable, id, {
      withdrawnAt: tx.at,
      withdrawReason: reason,
      status: 'withdrawn',
      actor: writer.actor,
    }),
  );
  return documentDetail(db, id);
}
