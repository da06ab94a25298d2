import { localDate } from '../../../shared/domain/enterpriseRules';
import type { planChannels } from '../../../shared/ipc/plans';
import type { CoreContext } from '../app/context';
import { listCampaigns } from '../db/repos/campaigns';
import { listPlans, planDetail } from '../db/repos/plans';
import { AppError } from '../errors';
import { deleteCampaign, saveCampaign } from '../services/campaigns';
import { batchCreatePlans } from '../services/planBatch';
import { planHistory } from '../services/planHistory';
import { prefillPlan } from '../services/planPrefill';
import { deletePlan, requirePlan, savePlan } from '../services/plans';
import { transitionPlan } from '../services/planTransitions';
import { nothing, type HandlersFor } from './types';

type PlanChannel = Exclude<keyof typeof planChannels, `assessments:${string}`>;

const today = (ctx: CoreContext) => localDate(ctx.writer.now());

/** 一企一策方案 with their milestones and transitions, and 专项行动 with their phases. */
export const planHandlers: HandlersFor<PlanChannel> = {
  'plans:list': (ctx, req) => listPlans(ctx.requireLedger().db, req, today(ctx)),
  'plans:get': (ctx, req) => {
    const found = planDetail(ctx.requireLedger().db, req.id);
    if (!found) throw new AppError('NOT_FOUND', `找不到编号为 ${req.id} 的方案，可能已被删除`);
    return found;
  },
  'plans:prefill': (ctx, req) => prefillPlan(ctx.requireLedger().db, req.enterpriseId, req.startOn),
  'plans:save': (ctx, req) => savePlan(ctx.requireLedger().db, ctx.writer, req.id, req.input),
  'plans:delete': (ctx, req) => nothing(deletePlan(ctx.requireLedger().db, ctx.writer, req.id)),
  'plans:transition': (ctx, req) => transitionPlan(ctx.requireLedger().db, ctx.writer, req),
  'plans:batchCreate': (ctx, req) => batchCreatePlans(ctx.requireLedger().db, ctx.writer, req),
  'plans:history': (ctx, req) => {
    const { db } = ctx.requireLedger();
    requirePlan(db, req.id);
    return planHistory(db, req.id);
  },
  'campaigns:list': (ctx) => listCampaigns(ctx.requireLedger().db),
  'campaigns:save': (ctx, req) => saveCampaign(ctx.requireLedger().db, ctx.writer, req.id, req.input),
  'campaigns:delete': (ctx, req) => nothing(deleteCampaign(ctx.requireLedger().db, ctx.writer, req.id, req.plans)),
};
