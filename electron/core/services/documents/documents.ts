import { DOC_STATUSES, type GongwenContent } from '../../../../shared/documents/model';
import type { DocumentDetail } from '../../../../shared/ipc/documents';
import { write, type Writer } from '../../db/changeLog';
import { documentDetail, requireDocument } from '../../db/repos/documents';
import { getSettings } from '../../db/repos/settings';
import type { Db } from '../../db/open';
import { documentsTable, type DocumentRecord } from '../../db/tables';
import { AppError } from '../../errors';
import { draftContent, type DocContact, type DraftInput } from './prefill/index';

/** How a document is named in a step of the change log and in messages: its number once it has one. */
export function documentLabel(r: Pick<DocumentRecord, 'number' | 'title'>): string {
  const title = r.title.trim() || '无标题公文';
  return r.number ? `${r.number}“${title}”` : `“${title}”`;
}

/** A new draft pre-filled from the ledger (and this PC's contact); nothing is numbered until it is issued. */
export function createDraft(
  db: Db,
  writer: Writer,
  request: DraftInput,
  today: string,
  contact?: DocContact,
): DocumentDetail {
  const made = draftContent(db, getSettings(db), request, today, contact);
  const id = write(db, writer, `新建公文${documentLabel({ number: null, title: made.content.title })}`, (tx) =>
    tx.insert(documentsTable, {
      source: request.source,
      kind: made.content.kind,
      content: JSON.stringify(made.content),
      title: made.content.title,
      docCode: null,
      year: null,
      seq: null,
      number: null,
      issuedAt: null,
      withdrawnAt: null,
      withdrawReason: '',
      status: 'draft',
      enterpriseId: made.enterpriseId,
      planId: made.planId,
      campaignId: made.campaignId,
      actor: writer.actor,
      createdAt: tx.at,
      updatedAt: tx.at,
    }),
  );
  return documentDetail(db, id);
}

/** Only a draft changes; an issued document is a record of what was sent. */
function requireDraft(db: Db, id: number, doing: string): DocumentRecord {
  const r = requireDocument(db, id);
  if (r.status !== 'draft') {
    throw new AppError(
      'CONFLICT',
      `${documentLabel(r)}${DOC_STATUSES[r.status]}，不能${doing}；需要更正的，请撤回后另拟新稿`,
    );
  }
  return r;
}

export function saveDraft(db: Db, writer: Writer, id: number, content: GongwenContent): DocumentDetail {
  const r = requireDraft(db, id, '修改');
  write(db, writer, `修改公文${documentLabel(r)}`, (tx) =>
    tx.update(documentsTable, id, {
      kind: content.kind,
      content: JSON.stringify(content),
      title: content.title,
      actor: writer.actor,
    }),
  );
  return documentDetail(db, id);
}

export function deleteDraft(db: Db, writer: Writer, id: number): void {
  const r = requireDraft(db, id, '删除');
  write(db, writer, `删除公文${documentLabel(r)}`, (tx) => tx.remove(documentsTable, id));
}
