import { localDate } from '../../../shared/domain/enterpriseRules';
import type { peopleChannels } from '../../../shared/ipc/people';
import type { personalChannels, PersonalField } from '../../../shared/ipc/personal';
import type { workLogChannels } from '../../../shared/ipc/workLogs';
import { instructorDetail, leaderDetail, workGroupDetail } from '../db/repos/people';
import { getWorkLog, listWorkLogs } from '../db/repos/workLogs';
import { AppError } from '../errors';
import { deleteAssignment, saveAssignment } from '../services/assignments';
import { deleteLeader, saveLeader, setLeaderEnterprises } from '../services/leaders';
import { revealPersonal } from '../services/personal';
import { listReminders } from '../services/reminders';
import { deleteTraining, saveTraining } from '../services/trainings';
import { deleteWorkGroupMember, saveWorkGroupMember } from '../services/workGroupMembers';
import { deleteWorkLog, saveWorkLog } from '../services/workLogs';
import { nothing, type HandlersFor } from './types';

function found<T>(value: T | null, what: string, id: number): T {
  if (value === null) throw new AppError('NOT_FOUND', `找不到编号为 ${id} 的${what}，可能已被删除`);
  return value;
}

/** Instructors' assignments and training, 领导联系点, 推进组 members, work logs, reminders and 显示完整信息. */
export const peopleHandlers: HandlersFor<
  keyof typeof peopleChannels | keyof typeof workLogChannels | keyof typeof personalChannels
> = {
  'instructors:detail': (ctx, req) => found(instructorDetail(ctx.requireLedger().db, req.id), '党建工作指导员', req.id),
  'assignments:save': (ctx, req) => saveAssignment(ctx.requireLedger().db, ctx.writer, req),
  'assignments:delete': (ctx, req) => nothing(deleteAssignment(ctx.requireLedger().db, ctx.writer, req.id)),
  'trainings:save': (ctx, req) => saveTraining(ctx.requireLedger().db, ctx.writer, req),
  'trainings:delete': (ctx, req) => nothing(deleteTraining(ctx.requireLedger().db, ctx.writer, req.id)),

  'leaders:save': (ctx, req) => saveLeader(ctx.requireLedger().db, ctx.writer, req),
  'leaders:delete': (ctx, req) => nothing(deleteLeader(ctx.requireLedger().db, ctx.writer, req.id)),
  'leaders:detail': (ctx, req) => found(leaderDetail(ctx.requireLedger().db, req.id), '联系领导', req.id),
  'leaders:setEnterprises': (ctx, req) =>
    nothing(setLeaderEnterprises(ctx.requireLedger().db, ctx.writer, req.id, req.enterpriseIds)),

  'workGroups:detail': (ctx, req) => found(workGroupDetail(ctx.requireLedger().db, req.id), '推进组', req.id),
  'workGroupMembers:save': (ctx, req) => saveWorkGroupMember(ctx.requireLedger().db, ctx.writer, req),
  'workGroupMembers:delete': (ctx, req) => nothing(deleteWorkGroupMember(ctx.requireLedger().db, ctx.writer, req.id)),

  'workLogs:list': (ctx, req) => listWorkLogs(ctx.requireLedger().db, req.query, req),
  'workLogs:get': (ctx, req) => found(getWorkLog(ctx.requireLedger().db, req.id), '工作记录', req.id),
  'workLogs:save': (ctx, req) => saveWorkLog(ctx.requireLedger().db, ctx.writer, req.id, req.input),
  'workLogs:delete': (ctx, req) => nothing(deleteWorkLog(ctx.requireLedger().db, ctx.writer, req.id)),
  'reminders:list': (ctx) => listReminders(ctx.requireLedger().db, localDate(ctx.writer.now())),
  'personal:reveal': (ctx, req) =>
    revealPersonal(ctx.requireLedger().db, ctx.writer, req.entity, req.id, req.field as PersonalField),
};
