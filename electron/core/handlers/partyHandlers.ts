import type { attachmentChannels } from '../../../shared/ipc/attachments';
import type { memberChannels } from '../../../shared/ipc/members';
import type { partyOrgChannels } from '../../../shared/ipc/partyOrgs';
import { listMembers, memberRow } from '../db/repos/members';
import { getPartyOrg, listPartyOrgs } from '../db/repos/partyOrgs';
import { AppError } from '../errors';
import { addAttachment, deleteAttachment, getAttachment } from '../services/attachments';
import { memberHistory } from '../services/history';
import { deleteMember, saveMember, setRoster, transferMember } from '../services/members';
import { deleteFormationStep, deletePartyOrg, saveFormationStep, savePartyOrg } from '../services/partyOrgs';
import { nothing, type HandlersFor } from './types';

/** 党组织 with their formation steps, the steps' and work logs' attachments, and member rosters. */
export const partyHandlers: HandlersFor<
  keyof typeof partyOrgChannels | keyof typeof attachmentChannels | keyof typeof memberChannels
> = {
  'partyOrgs:list': (ctx, req) => listPartyOrgs(ctx.requireLedger().db, req),
  'partyOrgs:get': (ctx, req) => {
    const found = getPartyOrg(ctx.requireLedger().db, req.id);
    if (!found) throw new AppError('NOT_FOUND', `找不到编号为 ${req.id} 的党组织，可能已被删除`);
    return found;
  },
  'partyOrgs:save': (ctx, req) => savePartyOrg(ctx.requireLedger().db, ctx.writer, req),
  'partyOrgs:delete': (ctx, req) =>
    nothing(deletePartyOrg(ctx.requireLedger().db, ctx.writer, req.id, req.enterprises)),
  'formationSteps:save': (ctx, req) => saveFormationStep(ctx.requireLedger().db, ctx.writer, req),
  'formationSteps:delete': (ctx, req) => nothing(deleteFormationStep(ctx.requireLedger().db, ctx.writer, req.id)),

  'attachments:add': (ctx, req) =>
    addAttachment(ctx.requireLedger().db, ctx.writer, { ...req, data: Buffer.from(req.data, 'base64') }),
  'attachments:get': (ctx, req) => getAttachment(ctx.requireLedger().db, req.id),
  'attachments:delete': (ctx, req) => nothing(deleteAttachment(ctx.requireLedger().db, ctx.writer, req.id)),

  'members:list': (ctx, req) => listMembers(ctx.requireLedger().db, req.query, req),
  'members:get': (ctx, req) => {
    const found = memberRow(ctx.requireLedger().db, req.id);
    if (!found) throw new AppError('NOT_FOUND', `找不到编号为 ${req.id} 的党员，可能已被删除`);
    return found;
  },
  'members:save': (ctx, req) => saveMember(ctx.requireLedger().db, ctx.writer, req),
  'members:delete': (ctx, req) => nothing(deleteMember(ctx.requireLedger().db, ctx.writer, req.id)),
  'members:transfer': (ctx, req) => nothing(transferMember(ctx.requireLedger().db, ctx.writer, req)),
  'members:history': (ctx, req) => memberHistory(ctx.requireLedger().db, req.id),
  'members:setRoster': (ctx, req) => nothing(setRoster(ctx.requireLedger().db, ctx.writer, req.enterpriseId, req.kept)),
};
