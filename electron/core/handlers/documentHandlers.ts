import { localDate } from '../../../shared/domain/enterpriseRules';
import type { GongwenContent } from '../../../shared/documents/model';
import type { documentChannels } from '../../../shared/ipc/documents';
import type { CoreContext } from '../app/context';
import { readPrefs } from '../app/prefs';
import { documentDetail, documentsForEnterprise, listDocuments } from '../db/repos/documents';
import { createDraft, deleteDraft, saveDraft } from '../services/documents/documents';
import { issueDocument, withdrawDocument } from '../services/documents/issue';
import { exportRegister, nextNumber, registerOf } from '../services/documents/register';
import type { HandlersFor } from './types';

type DocumentChannel = keyof typeof documentChannels;

const today = (ctx: CoreContext) => localDate(ctx.writer.now());

/** 本机设置's 联系人 for a new document's 附注. */
function contactOf(ctx: CoreContext) {
  const { contactName, contactTel } = readPrefs(ctx.dataDir);
  return { name: contactName, tel: contactTel };
}

/** 公文: drafts made from the ledger, 发文 with the numbering registry, 撤回, and the 发文登记簿. */
export const documentHandlers: HandlersFor<DocumentChannel> = {
  'documents:list': (ctx, req) => listDocuments(ctx.requireLedger().db, req),
  'documents:get': (ctx, req) => documentDetail(ctx.requireLedger().db, req.id),
  'documents:draft': (ctx, req) => createDraft(ctx.requireLedger().db, ctx.writer, req, today(ctx), contactOf(ctx)),
  'documents:save': (ctx, req) => saveDraft(ctx.requireLedger().db, ctx.writer, req.id, req.content as GongwenContent),
  'documents:delete': (ctx, req) => deleteDraft(ctx.requireLedger().db, ctx.writer, req.id),
  'documents:issue': (ctx, req) => issueDocument(ctx.requireLedger().db, ctx.writer, req.id, req.seq),
  'documents:withdraw': (ctx, req) => withdrawDocument(ctx.requireLedger().db, ctx.writer, req.id, req.reason),
  'documents:nextNumber': (ctx, req) => nextNumber(ctx.requireLedger().db, req.code, req.year),
  'documents:register': (ctx, req) => registerOf(ctx.requireLedger().db, req.code, req.year),
  'documents:exportRegister': (ctx, req) => exportRegister(ctx, req),
  'documents:forEnterprise': (ctx, req) => documentsForEnterprise(ctx.requireLedger().db, req.enterpriseId),
};
