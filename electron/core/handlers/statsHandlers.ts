import { localDate } from '../../../shared/domain/enterpriseRules';
import type { statsChannels } from '../../../shared/ipc/stats';
import { getStatsSettings, listIndicators } from '../db/repos/indicators';
import { listFormation } from '../services/formation';
import {
  deleteIndicator,
  moveIndicator,
  restoreDefaultIndicator,
  saveIndicator,
  saveStatsSettings,
} from '../services/indicators';
import { compareSnapshots, deleteSnapshot, listSnapshots, snapshotTrend, takeSnapshot } from '../services/snapshots';
import { liveReport, snapshotEnterprises, snapshotReport } from '../services/stats';
import { nothing, type HandlersFor } from './types';

const today = (ctx: { writer: { now: () => Date } }) => localDate(ctx.writer.now());

/** Coverage indicators, the dashboard's figures, snapshots and the formation lists. */
export const statsHandlers: HandlersFor<keyof typeof statsChannels> = {
  'indicators:list': (ctx) => listIndicators(ctx.requireLedger().db),
  'indicators:save': (ctx, req) => saveIndicator(ctx.requireLedger().db, ctx.writer, req.id, req.input),
  'indicators:delete': (ctx, req) => nothing(deleteIndicator(ctx.requireLedger().db, ctx.writer, req.id)),
  'indicators:restoreDefault': (ctx, req) => restoreDefaultIndicator(ctx.requireLedger().db, ctx.writer, req.id),
  'indicators:move': (ctx, req) => moveIndicator(ctx.requireLedger().db, ctx.writer, req.id, req.direction),
  'stats:settings': (ctx) => getStatsSettings(ctx.requireLedger().db),
  'stats:saveSettings': (ctx, req) => saveStatsSettings(ctx.requireLedger().db, ctx.writer, req.settings),
  'stats:report': (ctx, req) => {
    const { db } = ctx.requireLedger();
    return req.snapshotId === undefined
      ? liveReport(db, today(ctx), req.campaignId)
      : snapshotReport(db, req.snapshotId);
  },
  'stats:snapshotEnterprises': (ctx, req) =>
    snapshotEnterprises(ctx.requireLedger().db, req.snapshotId, req.selection, req),
  'snapshots:list': (ctx) => listSnapshots(ctx.requireLedger().db),
  'snapshots:take': (ctx, req) => takeSnapshot(ctx.requireLedger().db, ctx.writer, req.takenOn, req.label, today(ctx)),
  'snapshots:delete': (ctx, req) => nothing(deleteSnapshot(ctx.requireLedger().db, req.id)),
  'snapshots:compare': (ctx, req) => compareSnapshots(ctx.requireLedger().db, req.fromId, req.toId, today(ctx)),
  'snapshots:trend': (ctx) => snapshotTrend(ctx.requireLedger().db, today(ctx)),
  'formation:list': (ctx, req) => listFormation(ctx.requireLedger().db, req),
};
