import { localDate } from '../../../shared/domain/enterpriseRules';
import type { yearTurnChannels } from '../../../shared/ipc/yearTurn';
import { archivesDirOf, closeYear, listYearClosings } from '../services/yearTurn';
import type { HandlersFor } from './types';

export const yearTurnHandlers: HandlersFor<keyof typeof yearTurnChannels> = {
  'year:close': (ctx, req) => {
    const ledger = ctx.requireLedger();
    const place = { archivesDir: archivesDirOf(ctx.dataDir), ledgerPath: ledger.path };
    return closeYear(ledger.db, ctx.writer, place, req.year, localDate(ctx.writer.now()));
  },
  'year:closings': (ctx) => listYearClosings(ctx.requireLedger().db),
};
