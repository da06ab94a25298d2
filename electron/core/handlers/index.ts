import type { Channel } from '../../../shared/ipc';
import type { IndicatorSelection } from '../../../shared/ipc/stats';
import type { CoreContext } from '../app/context';
import { freshLedgerPath } from '../app/dataDir';
import { aboutHandlers } from './aboutHandlers';
import { assessmentHandlers } from './assessmentHandlers';
import { backupHandlers } from './backupHandlers';
import { countyHandlers } from './countyHandlers';
import { documentHandlers } from './documentHandlers';
import { encryptionHandlers } from './encryptionHandlers';
import { exportHandlers } from './exportHandlers';
import { importHandlers } from './importHandlers';
import { jobHandlers } from './jobHandlers';
import { templateHandlers } from './templateHandlers';
import { partyHandlers } from './partyHandlers';
import { peopleHandlers } from './peopleHandlers';
import { planHandlers } from './planHandlers';
import { prefsHandlers } from './prefsHandlers';
import { printHandlers } from './printHandlers';
import { statsHandlers } from './statsHandlers';
import { yearTurnHandlers } from './yearTurnHandlers';
import { liveSelection } from '../services/stats';
import { localDate } from '../../../shared/domain/enterpriseRules';
import { replacesLedger } from './replacesLedger';
import { nothing, type HandlersFor } from './types';
import { withMaskedAnswers } from './maskAnswers';
import { ENTERPRISE_BULK_MAX } from '../../../shared/ipc/enterprises';
import { countEnterprises, enterpriseIds, getEnterprise, listEnterprises } from '../db/repos/enterprises';
import { listLookups } from '../db/repos/lookups';
import { lastRedoable, lastUndoable, redoStep, undoStep } from '../db/undo';
import { AppError } from '../errors';
import { summarize } from '../ledger/session';
import { checkLedgerFile } from '../ledger/integrity';
import { assertLocalLocation } from '../ledger/location';
import {
  copyToLocal,
  createLedgerAt,
  describeOpen,
  openLedgerAt,
  openRecent,
  recentPath,
  settingsFromInput,
} from '../services/ledgers';
import { bulkUpdate, createEnterprise, deleteEnterprise, updateEnterprise } from '../services/enterprises';
import { enterpriseHistory } from '../services/history';
import { createSampleAt, openOrCreateSample } from '../services/sample';
import {
  deleteArea,
  deleteInstructor,
  deleteWorkGroup,
  deleteZone,
  saveArea,
  saveInstructor,
  saveWorkGroup,
  saveZone,
  updateSettings,
} from '../services/settings';

/** The enterprises behind a dashboard number, as a condition the ledger list adds to its filters. */
function indicatorCondition(ctx: CoreContext, selection: IndicatorSelection | undefined) {
  return selection ? liveSelection(ctx.requireLedger().db, localDate(ctx.writer.now()), selection) : undefined;
}

/** One entry per contract channel: a channel without a handler does not compile. */
export type Handlers = HandlersFor<Channel>;

const all: Handlers = {
  ...partyHandlers,
  ...peopleHandlers,
  ...statsHandlers,
  ...yearTurnHandlers,
  ...planHandlers,
  ...assessmentHandlers,
  ...jobHandlers,
  ...importHandlers,
  ...exportHandlers,
  ...templateHandlers,
  ...backupHandlers,
  ...documentHandlers,
  ...printHandlers,
  ...encryptionHandlers,
  ...countyHandlers,
  ...aboutHandlers,
  ...prefsHandlers,
  'ledgers:listRecent': (ctx) => ctx.recent.list(),
  'ledgers:create': replacesLedger((ctx, req) => {
    const settings = settingsFromInput(req.settings);
    const path = req.target ? ctx.files.take(req.target, 'create') : freshLedgerPath(ctx.ledgersDir, settings.township);
    return createLedgerAt(ctx, path, settings, '新建台账');
  }),
  'ledgers:createSample': replacesLedger((ctx, req) =>
    req.target ? createSampleAt(ctx, ctx.files.take(req.target, 'create'), req) : openOrCreateSample(ctx, req),
  ),
  'ledgers:open': replacesLedger((ctx, req) => openRecent(ctx, req.id, req.password)),
  'ledgers:openFile': replacesLedger((ctx, req) => {
    // Refused before the reference is used up, so the clerk's 复制到本机 can hand the same one back.
    assertLocalLocation(ctx.files.peek(req.fileRef, 'open'));
    return openLedgerAt(ctx, ctx.files.take(req.fileRef, 'open'), req.readOnly, req.password);
  }),
  'ledgers:copyToLocal': replacesLedger((ctx, req) =>
    copyToLocal(ctx, req.fileRef ? ctx.files.take(req.fileRef, 'open') : recentPath(ctx, req.id ?? ''), req.password),
  ),
  'ledgers:check': (ctx, req) => checkLedgerFile(ctx, ctx.files.take(req.fileRef, 'open'), req.password),
  // A locked ledger answers LOCKED (not null): after a reload the renderer shows the lock screen, not the start page.
  'ledgers:current': (ctx) => (ctx.ledger || ctx.locked ? describeOpen(ctx.requireLedger()) : null),
  'ledgers:close': replacesLedger((ctx) => {
    ctx.closeLedger();
    return null;
  }),
  'ledgers:summary': (ctx) => summarize(ctx.requireLedger()),

  'enterprises:list': (ctx, req) => {
    const { db } = ctx.requireLedger();
    const extra = indicatorCondition(ctx, req.query.indicator);
    return { total: countEnterprises(db, req.query, extra), rows: listEnterprises(db, req.query, req, extra) };
  },
  'enterprises:ids': (ctx, req) =>
    enterpriseIds(ctx.requireLedger().db, req.query, ENTERPRISE_BULK_MAX, indicatorCondition(ctx, req.query.indicator)),
  'enterprises:get': (ctx, req) => {
    const found = getEnterprise(ctx.requireLedger().db, req.id);
    if (!found) throw new AppError('NOT_FOUND', `找不到编号为 ${req.id} 的企业，可能已被删除`);
    return found;
  },
  'enterprises:create': (ctx, req) => createEnterprise(ctx.requireLedger().db, ctx.writer, req.input),
  'enterprises:update': (ctx, req) => updateEnterprise(ctx.requireLedger().db, ctx.writer, req.id, req.input),
  'enterprises:delete': (ctx, req) => {
    deleteEnterprise(ctx.requireLedger().db, ctx.writer, req.id);
    return null;
  },
  'enterprises:bulkUpdate': (ctx, req) => ({
    changed: bulkUpdate(ctx.requireLedger().db, ctx.writer, req.ids, req.patch),
  }),
  'enterprises:history': (ctx, req) => enterpriseHistory(ctx.requireLedger().db, req.id),

  'settings:lookups': (ctx) => listLookups(ctx.requireLedger().db),
  'settings:update': (ctx, req) => updateSettings(ctx.requireLedger().db, ctx.writer, req.settings),
  'areas:save': (ctx, req) => saveArea(ctx.requireLedger().db, ctx.writer, req),
  'areas:delete': (ctx, req) => nothing(deleteArea(ctx.requireLedger().db, ctx.writer, req.id)),
  'zones:save': (ctx, req) => saveZone(ctx.requireLedger().db, ctx.writer, req),
  'zones:delete': (ctx, req) => nothing(deleteZone(ctx.requireLedger().db, ctx.writer, req.id)),
  'workGroups:save': (ctx, req) => saveWorkGroup(ctx.requireLedger().db, ctx.writer, req),
  'workGroups:delete': (ctx, req) => nothing(deleteWorkGroup(ctx.requireLedger().db, ctx.writer, req.id)),
  'instructors:save': (ctx, req) => saveInstructor(ctx.requireLedger().db, ctx.writer, req),
  'instructors:delete': (ctx, req) => nothing(deleteInstructor(ctx.requireLedger().db, ctx.writer, req.id)),

  'changes:lastUndoable': (ctx) => lastUndoable(ctx.requireLedger().db),
  'changes:undo': (ctx, req) => {
    const { db } = ctx.requireLedger();
    const undone = undoStep(db, ctx.writer, req.batchId);
    return { undone, next: lastUndoable(db), redoable: lastRedoable(db) };
  },
  'changes:lastRedoable': (ctx) => lastRedoable(ctx.requireLedger().db),
  'changes:redo': (ctx, req) => {
    const { db } = ctx.requireLedger();
    const redone = redoStep(db, ctx.writer, req.batchId);
    return { redone, next: lastRedoable(db), undoable: lastUndoable(db) };
  },
};

/** Personal data leaves the core masked, whatever the channel (issue 10); only `personal:reveal` is exempt. */
export const handlers: Handlers = withMaskedAnswers(all);
