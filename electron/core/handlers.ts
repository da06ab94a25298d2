import type { Channel, ParsedRequestOf, ResponseOf } from '../../shared/ipc';
import type { CoreContext } from './app/context';
import { getEnterprise, listEnterprises, countEnterprises } from './db/repos/enterprises';
import { AppError } from './errors';
import { summarize } from './ledger/session';
import {
  createLedgerAt,
  describeOpen,
  freshLedgerPath,
  openLedgerAt,
  openRecent,
  settingsFromInput,
} from './services/ledgers';
import { createSampleAt, openOrCreateSample } from './services/sample';

type Handler<C extends Channel> = (ctx: CoreContext, req: ParsedRequestOf<C>) => ResponseOf<C> | Promise<ResponseOf<C>>;

/** One entry per contract channel: a channel without a handler does not compile. */
export type Handlers = { [C in Channel]: Handler<C> };

export const handlers: Handlers = {
  'ledgers:listRecent': (ctx) => ctx.recent.list(),
  'ledgers:create': (ctx, req) => {
    const settings = settingsFromInput(req.settings);
    const path = req.target ? ctx.files.take(req.target, 'create') : freshLedgerPath(ctx.ledgersDir, settings.township);
    return createLedgerAt(ctx, path, settings, '新建台账');
  },
  'ledgers:createSample': (ctx, req) =>
    req.target ? createSampleAt(ctx, ctx.files.take(req.target, 'create'), req) : openOrCreateSample(ctx, req),
  'ledgers:open': (ctx, req) => openRecent(ctx, req.id),
  'ledgers:openFile': (ctx, req) => openLedgerAt(ctx, ctx.files.take(req.fileRef, 'open'), req.readOnly),
  'ledgers:current': (ctx) => (ctx.ledger ? describeOpen(ctx.ledger) : null),
  'ledgers:close': (ctx) => {
    ctx.setLedger(null);
    return null;
  },
  'ledgers:summary': (ctx) => summarize(ctx.requireLedger()),

  'enterprises:list': (ctx, req) => {
    const { db } = ctx.requireLedger();
    return { total: countEnterprises(db), rows: listEnterprises(db, req) };
  },
  'enterprises:get': (ctx, req) => {
    const found = getEnterprise(ctx.requireLedger().db, req.id);
    if (!found) throw new AppError('NOT_FOUND', `找不到编号为 ${req.id} 的企业，可能已被删除`);
    return found;
  },
};
