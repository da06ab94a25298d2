import { listAssessments } from '../db/repos/assessments';
import { deleteAssessment, prefillAssessment, saveAssessment } from '../services/assessments';
import { nothing, type HandlersFor } from './types';

/** 双强评价: one assessment per enterprise per year, ranked by total. */
export const assessmentHandlers: HandlersFor<
  'assessments:list' | 'assessments:save' | 'assessments:delete' | 'assessments:prefill'
> = {
  'assessments:list': (ctx, req) => listAssessments(ctx.requireLedger().db, req),
  'assessments:save': (ctx, req) => saveAssessment(ctx.requireLedger().db, ctx.writer, req.id, req.input),
  'assessments:delete': (ctx, req) => nothing(deleteAssessment(ctx.requireLedger().db, ctx.writer, req.id)),
  'assessments:prefill': (ctx, req) => prefillAssessment(ctx.requireLedger().db, req.enterpriseId),
};
